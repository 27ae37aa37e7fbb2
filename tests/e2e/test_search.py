"""In Chromium: a visitor types in the header's search box, in Arabic with the seed's other spelling, and finds the
commitment; in French, with or without accents, the same; the words found are marked and the page is right to
left in Arabic."""

import pytest
from playwright.sync_api import expect

from infitah.programs.phases import Phase
from infitah.search import indexing
from tests.factories import CommuneFactory, MembershipFactory
from tests.programs.factories import AxisFactory, CommitmentFactory, ProgramFactory


@pytest.fixture
def commitment():
    commune = CommuneFactory(name={"ar": "جماعة آسفي", "fr": "Commune de Safi"})
    MembershipFactory(collectivity=commune)
    program = ProgramFactory(collectivity=commune, phase=Phase.IMPLEMENTATION)
    found = CommitmentFactory(
        axis=AxisFactory(program=program),
        title={"ar": "تعزيز المساءلة في تدبير الميزانية", "fr": "Renforcer la redevabilité budgétaire"},
        description={"ar": "نشر تقارير الأداء", "fr": "Publier les rapports de performance"},
    )
    indexing.rebuild()
    return found


def search_from_the_header(page, words):
    box = page.locator("header").get_by_role("searchbox")
    box.fill(words)
    with page.expect_navigation():
        box.press("Enter")


def test_a_variant_arabic_spelling_finds_the_commitment_from_the_header(page, commitment):
    page.goto("/ar/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    search_from_the_header(page, "المسائلة")
    results = page.locator(".search-result")
    expect(results).to_have_count(1)
    expect(results.first.get_by_role("link")).to_contain_text("تعزيز المساءلة في تدبير الميزانية")
    expect(results.first.locator("mark").first).to_have_text("المساءلة")
    expect(results.first).to_contain_text("جماعة آسفي")
    results.first.get_by_role("link").click()
    expect(page.locator("h1")).to_contain_text("تعزيز المساءلة")


@pytest.mark.parametrize("typed", ["redevabilité budgétaire", "REDEVABILITE budgetaire"])
def test_french_finds_the_commitment_with_or_without_accents(page, commitment, typed):
    page.goto("/fr/")
    search_from_the_header(page, typed)
    results = page.locator(".search-result")
    expect(results).to_have_count(1)
    expect(results.first.get_by_role("link")).to_contain_text("Renforcer la redevabilité budgétaire")
    expect(results.first.locator("mark")).to_have_text(["redevabilité", "budgétaire"])


def test_a_search_of_signs_only_says_so(page, commitment):
    page.goto("/fr/search/?q=%22+OR+1%3D1+--+*")
    expect(page.locator(".search-result")).to_have_count(0)
    page.goto("/fr/search/?q=*%26%7C!")
    expect(page.locator(".search-hint")).to_be_visible()
