"""In Chromium, a visitor opens an adopted program's tracker in Arabic and in French: the progress table is there,
the chart is named for screen readers, and a contested update is flagged in words, with a link to it."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from infitah.monitoring.models import Completion, ReviewState
from tests.factories import CommuneFactory
from tests.monitoring.tracker_factories import UpdateFactory, adopted_program, keys

FLAG = {"ar": "اعترض عليه متتبع مشارك", "fr": "Contestée par un co-suiveur"}


@pytest.fixture
def tracked_program(transactional_db):
    program = adopted_program(CommuneFactory(name={"ar": "جماعة تامنصورت", "fr": "Commune de Tamansourt"}), ((2, 1),))
    (first, (milestone,)), (second, (other_milestone,)) = keys(program)
    UpdateFactory(
        program=program,
        commitment_key=first,
        milestone_key=milestone,
        percent=100,
        completion=Completion.COMPLETE,
        review_state=ReviewState.CONFIRMED,
    )
    UpdateFactory(
        program=program,
        commitment_key=second,
        milestone_key=other_milestone,
        as_of=datetime.date(2024, 5, 2),
        percent=40,
        review_state=ReviewState.CONTESTED,
    )
    return program


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_a_visitor_sees_the_progress_table_and_the_flagged_update(page, tracked_program, language, screenshot_dir):
    page.goto(f"/{language}/monitoring/programs/{tracked_program.pk}/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    table = page.locator("table.progress-table").first
    expect(table).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(2)
    expect(table).to_contain_text("100%")
    expect(table).to_contain_text("40%")
    expect(page.get_by_role("img", name=re.compile(r"100\s?%")).first).to_be_attached()
    flagged = page.locator(".flagged").first
    expect(flagged).to_be_visible()
    expect(flagged).to_contain_text(FLAG[language])
    contested = tracked_program.progress_updates.get(review_state=ReviewState.CONTESTED)
    expect(flagged.locator(f'a[href="/{language}/monitoring/updates/{contested.pk}/"]')).to_be_visible()
    page.screenshot(path=str(screenshot_dir / f"tracker-{language}.png"), full_page=True)
