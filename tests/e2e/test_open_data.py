"""In Chromium, in Arabic: a visitor opens the open-data catalogue, opens the events dataset, sees its licence and
the preview of its rows (neither page has a serious accessibility problem), downloads the CSV and it holds the
same rows as the preview and the database."""

import csv
import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from infitah.core.datasets import table
from tests.events.factories import EventFactory
from tests.factories import CommuneFactory, MembershipFactory

BLOCKING_IMPACTS = {"serious", "critical"}


def blocking_violations(page):
    violations = Axe().run(page).response["violations"]
    return [f"{v['id']}: {v['help']}" for v in violations if v["impact"] in BLOCKING_IMPACTS]


def arabic(text):
    with translation.override("ar"):
        return gettext(text)


@pytest.fixture
def events():
    commune = CommuneFactory(name={"ar": "جماعة آسفي", "fr": "Commune de Safi"})
    MembershipFactory(collectivity=commune)
    EventFactory(collectivity=commune, title={"ar": "ورشة الميزانية التشاركية", "fr": "Atelier budget"})
    EventFactory(collectivity=commune, title={"ar": "لقاء تواصلي مع الجمعيات", "fr": "Rencontre"})
    EventFactory(collectivity=commune, title={"ar": "=1+1", "fr": "=1+1"})
    EventFactory(collectivity=commune, title={"ar": "ورشة لم تنشر", "fr": "Brouillon"}, is_published=False)


def test_a_visitor_downloads_the_events_dataset_with_the_rows_it_previews(page, events, tmp_path):
    page.goto("/ar/")
    page.get_by_role("navigation").get_by_role("link", name=arabic("Open data")).first.click()
    expect(page.locator("h1")).to_have_text(arabic("Open data"))
    assert blocking_violations(page) == []
    page.get_by_role("link", name=arabic("Workshops, meetings and trainings"), exact=True).click()

    expect(page.locator("h1")).to_have_text(arabic("Workshops, meetings and trainings"))
    expect(page.locator("dl.facts")).to_contain_text("Licence Ouverte")
    preview = page.locator("table.dataset-preview tbody tr")
    expect(preview).to_have_count(3)
    expect(page.locator("table.dataset-preview")).to_contain_text("ورشة الميزانية التشاركية")
    expect(page.locator("table.dataset-preview")).not_to_contain_text("ورشة لم تنشر")
    shown = [row.locator("td").first.inner_text() for row in preview.all()]
    assert blocking_violations(page) == []

    with page.expect_download() as caught:
        page.get_by_role("link", name=arabic("Download as %(format)s") % {"format": "CSV"}).click()
    assert caught.value.suggested_filename.startswith("events-")
    saved = tmp_path / "events.csv"
    caught.value.save_as(saved)
    rows = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
    assert [row[0] for row in rows[1:]] == shown
    with translation.override("ar"):
        database = [[str(cell) for cell in row] for row in table("events")]
    assert rows[0] == database[0]
    assert len(rows) == len(database) == 4
    assert "'=1+1" in [row[4] for row in rows]
