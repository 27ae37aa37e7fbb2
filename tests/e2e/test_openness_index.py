"""In Chromium, in Arabic: a visitor opens the network dashboard, sees Marrakech-Safi ranked with its index, opens
its profile against the network median, and downloads the ranking as CSV: the file holds the rows the page shows."""

import csv
import io

import pytest
from playwright.sync_api import expect

from infitah.territories.models import Collectivity
from tests.evaluation.index_factories import IndexFrameworkFactory, index_rows

VALUES = {"07": 72.5, "01": 64.25, "05": 41}


@pytest.fixture
def ranked(transactional_db):
    regions = list(Collectivity.objects.filter(code__in=VALUES))
    index_rows(regions, [2023, 2024], IndexFrameworkFactory(), value=lambda c, y, p: VALUES[c.code] - (2024 - y))
    return regions


def test_a_visitor_reads_the_ranking_opens_marrakech_safi_and_downloads_the_csv(page, ranked, tmp_path, screenshot_dir):
    page.goto("/ar/openness-index/")
    ranking = page.locator("#ranking")
    first = ranking.locator("tbody tr").first
    expect(first).to_contain_text("جهة مراكش آسفي")
    expect(first.locator(".index-value")).to_have_text("72,50")  # Arabic decimal comma
    expect(ranking.locator("tbody tr")).to_have_count(3)
    page.screenshot(path=str(screenshot_dir / "openness-index-ar.png"), full_page=True)
    shown = [
        row.locator("th a").get_attribute("href").rstrip("/").rsplit("/", 1)[-1]
        for row in ranking.locator("tbody tr").all()
    ]

    with page.expect_download() as caught:
        page.locator('a[href^="/ar/openness-index/csv/ranking/"]').click()
    saved = tmp_path / "ranking.csv"
    caught.value.save_as(saved)
    rows = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
    assert [row[1] for row in rows[1:]] == shown == ["07", "01", "05"]
    assert rows[1][2] == "جهة مراكش آسفي" and float(rows[1][4]) == 72.5

    first.get_by_role("link", name="جهة مراكش آسفي").click()
    expect(page.locator("h1")).to_contain_text("جهة مراكش آسفي")
    expect(page.locator("#member-years tbody tr")).to_have_count(2)
    expect(page.locator("#profile tbody tr").first).to_contain_text("72,50")
    page.screenshot(path=str(screenshot_dir / "openness-index-member-ar.png"), full_page=True)
