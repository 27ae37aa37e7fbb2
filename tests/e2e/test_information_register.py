"""In Chromium, in Arabic: a visitor searches the register of requests for information, sees which requests are
overdue and the collectivity's replies, never who asked; the figures page shows the on-time rate and "no data"
where nothing was replied. The pages have no serious accessibility violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from infitah.accounts.models import Role
from infitah.information import services, states
from tests.factories import CommuneFactory, RoleAssignmentFactory
from tests.information.factories import MONDAY, filed_request
from tests.information.register_factories import days

BLOCKING_IMPACTS = {"serious", "critical"}


def blocking_violations(page):
    violations = Axe().run(page).response["violations"]
    return [f"{v['id']}: {v['help']}" for v in violations if v["impact"] in BLOCKING_IMPACTS]


@pytest.fixture
def register_world(transactional_db):
    commune = CommuneFactory(name={"ar": "جماعة أمزميز", "fr": "Commune d'Amizmiz"})
    quiet = CommuneFactory(name={"ar": "جماعة تحناوت", "fr": "Commune de Tahannaout"})
    officer = RoleAssignmentFactory(role=Role.INFORMATION_OFFICER, collectivity=commune).user
    answered = filed_request(commune, subject="ميزانية السوق الأسبوعي", requester_name="سلمى الإدريسي")
    services.perform(officer, answered, states.ANSWER, response="التقرير مرفق", today=days(2))
    late = filed_request(commune, subject="صفقات الإنارة العمومية", on=MONDAY)
    open_elsewhere = filed_request(quiet, subject="محاضر دورات المجلس", on=days(1))
    return {"commune": commune, "quiet": quiet, "answered": answered, "late": late, "other": open_elsewhere}


def test_a_visitor_searches_the_register_and_reads_the_figures_in_arabic(page, register_world):
    page.goto("/ar/information/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(3)
    expect(page.get_by_text("ميزانية السوق الأسبوعي")).to_be_visible()
    expect(page.get_by_text("سلمى الإدريسي")).to_have_count(0)  # she did not choose to show her name
    assert blocking_violations(page) == []

    page.locator("#id_q").fill("الإنارة")
    with page.expect_navigation():
        page.locator("form.filters [type=submit]").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(register_world["late"].reference)

    page.goto("/ar/information/?overdue=on")
    expect(page.get_by_text("ميزانية السوق الأسبوعي")).to_have_count(0)  # answered: no longer owed
    expect(page.get_by_text("صفقات الإنارة العمومية")).to_be_visible()

    page.goto("/ar/information/statistics/")
    table = page.locator("table").last
    expect(table.locator("tr", has_text="جماعة أمزميز")).to_contain_text("100")  # its one reply was on time
    expect(table.locator("tr", has_text="جماعة تحناوت").locator(".muted").first).to_be_visible()  # no data
    assert blocking_violations(page) == []
