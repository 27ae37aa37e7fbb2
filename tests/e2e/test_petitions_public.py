"""In Chromium, in Arabic: a visitor finds a petition in the network's list by a word of its title, sees its
council, stage and signature count (never who signed), then reads the petitions in numbers; both pages have no
serious accessibility problem."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from infitah.petitions import services
from tests.factories import CommuneFactory
from tests.petitions.factories import MONDAY, drafted, signed

BLOCKING_IMPACTS = {"serious", "critical"}


def blocking_violations(page):
    violations = Axe().run(page).response["violations"]
    return [f"{v['id']}: {v['help']}" for v in violations if v["impact"] in BLOCKING_IMPACTS]


@pytest.fixture
def petitions(verified_user_factory):
    commune = CommuneFactory(name={"ar": "جماعة آسفي", "fr": "Commune de Safi"})
    agent = verified_user_factory()
    shade = services.open_signing(agent, drafted(commune, agent, title="ساحة مظللة قرب السوق"), today=MONDAY)
    services.open_signing(agent, drafted(commune, agent, title="مكتبة في المدينة القديمة"), today=MONDAY)
    for number, name in (("JK482913", "ياسمين برادة"), ("BE778104", "مهدي الفاسي")):
        signed(shade, verified_user_factory(full_name=name), number, commune, name=name)
    return shade


def arabic(text):
    """The page's words as the Arabic catalogue has them."""
    with translation.override("ar"):
        return gettext(text)


def test_a_visitor_finds_a_petition_and_its_numbers_in_arabic(page, petitions):
    page.goto("/ar/petitions/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_have_text(arabic("Petitions to the councils"))
    expect(page.locator("tbody tr")).to_have_count(2)
    page.get_by_label(arabic("Search in the title and subject")).fill("مظللة")
    with page.expect_navigation():
        page.get_by_role("button", name=arabic("Filter")).click()
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("ساحة مظللة قرب السوق")
    expect(rows.first).to_contain_text("جماعة آسفي")
    expect(rows.first.locator("td").nth(3)).to_have_text("2")
    expect(page.locator("body")).not_to_contain_text("ياسمين برادة")
    expect(page.locator("body")).not_to_contain_text("JK")
    assert blocking_violations(page) == []

    page.goto("/ar/petitions/statistics/")
    expect(page.locator("h1")).to_have_text(arabic("Petitions in numbers"))
    expect(page.locator("dl.figures")).to_contain_text("2")
    expect(page.locator("table")).to_have_count(3)
    assert blocking_violations(page) == []
