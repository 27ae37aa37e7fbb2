"""In Chromium, in French: a visitor finds the October 2023 session of Marrakech-Safi on the council calendar,
opens the decision adopting the openness program and sees its votes (the demo's adoption record), then downloads the
decisions dataset as CSV from the open-data catalogue and it opens with the database's rows."""

import csv
import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation
from playwright.sync_api import expect

from infitah.core.datasets import table
from infitah.council import demo as council_demo
from infitah.petitions import demo as petitions_demo
from infitah.programs import demo as programs_demo
from infitah.territories import demo as territories_demo

BLOCKING_IMPACTS = {"serious", "critical"}


def blocking_violations(page):
    violations = Axe().run(page).response["violations"]
    return [f"{v['id']}: {v['help']}" for v in violations if v["impact"] in BLOCKING_IMPACTS]


@pytest.fixture
def demo_world(transactional_db):
    territories_demo.load()
    programs_demo.load()
    petitions_demo.load()
    council_demo.load()


def test_a_visitor_finds_the_october_2023_session_and_the_adoption_votes(page, demo_world, tmp_path):
    page.goto("/fr/council/")
    assert blocking_violations(page) == []
    page.get_by_label("Collectivité").select_option("07")
    page.get_by_label("Année").fill("2023")
    with page.expect_navigation():
        page.get_by_role("button", name="Filtrer").click()
    october = page.get_by_role("link", name="Session ordinaire d'octobre 2023", exact=False)
    expect(october).to_have_count(1)
    with page.expect_navigation():
        october.click()
    expect(page.locator("h1")).to_contain_text("octobre 2023")
    assert blocking_violations(page) == []
    decision = page.locator("table").get_by_role("link", name="Adoption du programme", exact=False)
    with page.expect_navigation():
        decision.click()
    expect(page.locator("#votes-for")).to_have_text("58")
    expect(page.locator("#votes-against")).to_have_text("0")
    expect(page.locator("#votes-abstain")).to_have_text("3")
    expect(page.locator("#decision-facts")).to_contain_text("07/2023/115")
    assert blocking_violations(page) == []

    # The same decision in open data: from the catalogue, the decisions dataset downloads as a CSV holding the
    # database's rows, the adoption with its votes among them.
    page.goto("/fr/open-data/")
    with page.expect_navigation():
        page.get_by_role("link", name="Délibérations des conseils", exact=True).click()
    with page.expect_download() as caught:
        page.get_by_role("link", name="Télécharger en CSV", exact=False).click()
    saved = tmp_path / "decisions.csv"
    caught.value.save_as(saved)
    rows = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
    with translation.override("fr"):
        database = [[str(cell) for cell in row] for row in table("council-decisions")]
    assert rows == database
    adoption = next(row for row in rows[1:] if "07/2023/115" in row[rows[0].index("number")])
    assert adoption[rows[0].index("votes_for")] == "58"


def test_the_calendar_reads_right_to_left_in_arabic(page, demo_world):
    page.goto("/ar/council/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("link", name="الدورة العادية لشهر أكتوبر 2023", exact=False)).to_have_count(1)
    assert blocking_violations(page) == []
