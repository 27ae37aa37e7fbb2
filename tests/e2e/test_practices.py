"""In Chromium, in Arabic: a commune's editor shares a practice and submits it, a network coordinator publishes it,
another member's focal point declares that their commune adopted it into a commitment of its own program, and a
visitor finds it in the library with its adoption; the pages have no serious accessibility problem."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from infitah.accounts.models import Role
from tests.factories import CommuneFactory, MembershipFactory, RoleAssignmentFactory
from tests.programs.factories import AxisFactory, CommitmentFactory, ProgramFactory

BLOCKING_IMPACTS = {"serious", "critical"}


def blocking_violations(page):
    violations = Axe().run(page).response["violations"]
    return [f"{v['id']}: {v['help']}" for v in violations if v["impact"] in BLOCKING_IMPACTS]


def arabic(text, context=None):
    with translation.override("ar"):
        return translation.pgettext(context, text) if context else gettext(text)


@pytest.fixture
def world(verified_user_factory):
    marrakech_safi = CommuneFactory(name={"ar": "جماعة مراكش", "fr": "Commune de Marrakech"})
    safi = CommuneFactory(name={"ar": "جماعة آسفي", "fr": "Commune de Safi"})
    for commune in (marrakech_safi, safi):
        MembershipFactory(collectivity=commune)
    program = ProgramFactory(collectivity=safi)
    commitment = CommitmentFactory(
        axis=AxisFactory(program=program), title={"ar": "إشراك الجمعيات في إعداد البرنامج", "fr": "Associer"}
    )
    editor, coordinator, safi_focal_point = verified_user_factory(), verified_user_factory(), verified_user_factory()
    RoleAssignmentFactory(user=editor, role=Role.EDITOR, collectivity=marrakech_safi)
    RoleAssignmentFactory(user=coordinator, role=Role.NETWORK_COORDINATOR, collectivity=None)
    RoleAssignmentFactory(user=safi_focal_point, role=Role.FOCAL_POINT, collectivity=safi)
    return {"editor": editor, "coordinator": coordinator, "safi": safi_focal_point, "commitment": commitment}


def test_a_practice_is_shared_published_adopted_and_read_in_arabic(page, log_in, world):
    title = "ورشة الإعداد المشترك مع الهيئات الاستشارية"

    log_in(world["editor"].email)
    page.goto("/ar/practices/new/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.locator("input[name=title_0]").fill(title)
    page.locator("textarea[name=summary_0]").fill("ورشة لإعداد برنامج الانفتاح مع المجتمع المدني")
    page.get_by_label(arabic("Citizen participation")).check()
    page.locator("input[name=contact_address]").fill("ouverture@commune.example")
    with page.expect_navigation():
        page.get_by_role("button", name=arabic("Save the practice")).click()
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator("main")).to_contain_text(arabic("Draft", "practice"))
    with page.expect_navigation():
        page.get_by_role("button", name=arabic("Submit for review", "practice act")).click()
    expect(page.locator("main")).to_contain_text(arabic("Submitted for review", "practice"))

    page.context.clear_cookies()
    page.goto("/ar/practices/")
    expect(page.locator("main")).not_to_contain_text(title)

    log_in(world["coordinator"].email)
    page.goto("/ar/accounts/home/")
    with page.expect_navigation():
        page.get_by_role("link", name=title).click()
    with page.expect_navigation():
        page.get_by_role("button", name=arabic("Publish", "practice act")).click()
    published = arabic("The practice is published in the library.")
    expect(page.locator("[role=status], .messages")).to_contain_text(published)

    page.context.clear_cookies()
    log_in(world["safi"].email)
    page.goto("/ar/practices/")
    with page.expect_navigation():
        page.get_by_role("link", name=title).click()
    with page.expect_navigation():
        page.get_by_role("link", name=arabic("We adopted this")).click()
    page.get_by_label(arabic("Commitment of your program")).select_option(str(world["commitment"].pk))
    page.get_by_label(arabic("Note")).fill("اعتمدنا نفس جدول الأعمال مع جمعيات المدينة")
    with page.expect_navigation():
        page.get_by_role("button", name=arabic("Declare the adoption")).click()

    page.context.clear_cookies()
    page.goto("/ar/practices/")
    with page.expect_navigation():
        page.get_by_role("link", name=title).click()
    adoptions = page.locator("section[aria-labelledby=adoptions-title]")
    expect(adoptions).to_contain_text("جماعة آسفي")
    expect(adoptions).to_contain_text("إشراك الجمعيات في إعداد البرنامج")
    expect(adoptions).to_contain_text("اعتمدنا نفس جدول الأعمال")
    assert blocking_violations(page) == []

    page.goto(f"/ar/programs/commitments/{world['commitment'].pk}/")
    expect(page.locator("main")).to_contain_text(title)
