"""The openness index's public pages: the network dashboard (ranking, medians, distribution, trend, filters), a
member's profile with the inputs of every figure, the method, and every figure as CSV."""

import csv
import io

import pytest
from django.utils import translation

from infitah.core.principles import Principle
from infitah.evaluation.indexing import index_campaign
from infitah.evaluation.models import FrameworkStatus, IndicatorSource
from tests.clients import main_text, page
from tests.evaluation.index_factories import (
    INDEPENDENT,
    SELF,
    IndexFrameworkFactory,
    assess,
    campaign_for,
    framework_with,
    index_rows,
    reconcile,
)
from tests.factories import CommuneFactory, ProvinceFactory, RegionFactory
from tests.people import english_messages  # noqa: F401 - messages in English

pytestmark = pytest.mark.django_db
DASHBOARD = "/en/openness-index/"


@pytest.fixture
def network():
    """Two regions; a commune in each; index values for 2023 and 2024."""
    north, south = RegionFactory(code="91"), RegionFactory(code="92")
    a = CommuneFactory(code="91001001", parent=ProvinceFactory(parent=north), name={"ar": "جماعة ألف", "fr": "Alpha"})
    b = CommuneFactory(code="92001001", parent=ProvinceFactory(parent=south), name={"ar": "جماعة باء", "fr": "Beta"})
    framework = IndexFrameworkFactory()
    scores = {("91", 2024): 80, ("92", 2024): 55.5, (a.code, 2024): 40, (b.code, 2024): 55.5, ("91", 2023): 60}
    index_rows([north, south, a, b], [2024], framework, value=lambda c, y, p: scores[(c.code, y)])
    index_rows([north], [2023], framework, value=lambda c, y, p: scores[(c.code, y)])
    return {"north": north, "south": south, "a": a, "b": b, "framework": framework}


def csv_rows(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_dashboard_ranks_the_members_of_the_latest_year_best_first_equal_indices_sharing_a_rank(client, network):
    html = page(client, DASHBOARD)
    assert "Members ranked in 2024" in html
    rows = csv_rows(client, "/en/openness-index/csv/ranking/")
    assert rows[0][:5] == ["Rank", "Code", "Collectivity", "Kind", "Openness index"]
    ranked = [(r[0], r[1], r[4]) for r in rows[1:]]
    assert ranked[0] == ("1", "91", "80.0")
    assert set(ranked[1:3]) == {("2", "92", "55.5"), ("2", "92001001", "55.5")}
    assert ranked[3] == ("4", "91001001", "40.0")
    assert len(rows[1]) == 5 + len(Principle)


def test_the_dashboard_filters_by_kind_and_region_and_the_csv_follows_the_filters(client, network):
    text = main_text(client.get(DASHBOARD, {"kind": "commune"}))
    assert "Alpha" in text and "Beta" in text
    rows = csv_rows(client, "/en/openness-index/csv/ranking/?kind=commune&region=91")
    assert [r[1] for r in rows[1:]] == ["91001001"]
    medians = csv_rows(client, "/en/openness-index/csv/medians/?region=92")
    assert medians[1] == ["2024", "Openness index", "55.5"]


def test_an_earlier_year_is_chosen_by_the_filter(client, network):
    rows = csv_rows(client, "/en/openness-index/csv/ranking/?year=2023")
    assert [r[1] for r in rows[1:]] == ["91"]


def test_bad_filters_are_explained_and_the_dashboard_still_shows(client, network):
    response = client.get(DASHBOARD, {"year": "1850", "kind": "planet", "region": "x" * 500})
    assert response.status_code == 200
    text = main_text(response)
    assert "Select a valid choice" in text
    assert "Members ranked in 2024" in text


def test_the_distribution_counts_members_in_bands_of_ten_and_the_trend_follows_a_member(client, network):
    bands = csv_rows(client, "/en/openness-index/csv/distribution/")
    counts = {row[1]: row[3] for row in bands[1:]}
    assert (counts["40"], counts["50"], counts["80"], counts["0"]) == ("1", "2", "1", "0")
    trend = csv_rows(client, "/en/openness-index/csv/trend/?member=91")
    assert trend[1:] == [["2023", "60.0", "1", "60.0"], ["2024", "55.5", "4", "80.0"]]
    html = page(client, DASHBOARD + "?member=91")
    assert "Member <bdi>91</bdi>" in html


def test_an_unknown_figure_is_not_found(client, network):
    page(client, "/en/openness-index/csv/everything/", status=404)


def test_the_dashboard_says_when_there_is_no_index_yet(client):
    assert "No openness index has been computed yet" in page(client, DASHBOARD)


def test_the_charts_are_drawn_from_the_reading_start_in_arabic(client, network):
    with translation.override("ar"):
        html = page(client, "/ar/openness-index/")
    # The first band (0–10) is drawn on the right in Arabic: its bar starts at the far side of the chart.
    first_bar = html.split('<rect class="bar" ')[1]
    x = float(first_bar.split('x="')[1].split('"')[0])
    assert x > 500
    assert "," not in first_bar.split("<title>")[0]  # coordinates are never localised (4,5 would break SVG)


@pytest.fixture
def assessed():
    """A commune whose 2024 campaign has both parties' scores, one reconciled, and a computed indicator."""
    commune = CommuneFactory(name={"ar": "جماعة تامنصورت", "fr": "Tamansourt"})
    framework = framework_with(
        (Principle.TRANSPARENCY, 1),
        (Principle.TRANSPARENCY, 1),
        (Principle.ACCOUNTABILITY, 1, IndicatorSource.COMPUTED, "programs.adopted"),
    )
    campaign = campaign_for(framework, commune, 2024)
    assess(campaign, SELF, {"i0": 4, "i1": 4})
    assess(campaign, INDEPENDENT, {"i0": 3, "i1": 0})
    reconcile(campaign, "i1", 2)
    index_campaign(campaign)
    return campaign


def test_a_members_page_shows_its_index_sub_scores_against_the_median_and_the_inputs(client, assessed):
    html = page(client, f"/en/openness-index/members/{assessed.collectivity.code}/")
    text = " ".join(html.split())
    assert 'Openness index of <bdi lang="fr" dir="ltr">Tamansourt</bdi>' in text
    assert f'href="/en/evaluation/campaigns/{assessed.pk}/"' in html
    assert "reconciled" in text
    # The accountability indicator has nothing to measure (no program): no sub-score, said so.
    assert "nothing to measure" in text and "no sub-score" in text
    rows = csv_rows(client, f"/en/openness-index/members/{assessed.collectivity.code}/csv/")
    assert rows[0] == ["Year", "Principle", "Value", "Network median"]
    # i0: 4 and 3 are 25 points apart, within the threshold: their mean 3.5 counts (87.5); i1 is reconciled at 2
    # (50); the computed indicator has no value: the index is transparency's 68.75, the only member's.
    assert ["2024", "Openness index", "68.75", "68.75"] in rows
    assert ["2024", "Transparency", "68.75", "68.75"] in rows
    assert not [row for row in rows if row[1] == "Accountability"]


@pytest.mark.parametrize("code", ["nowhere", "x" * 500, "07%00", "%F0%9F%98%80"])
def test_a_members_page_for_an_unknown_or_absurd_code_is_not_found(client, code):
    page(client, f"/en/openness-index/members/{code}/", status=404)
    page(client, f"/en/openness-index/members/{code}/csv/", status=404)


def test_an_absurd_member_filter_is_refused_with_a_reason(client, network):
    text = main_text(client.get(DASHBOARD, {"page": "99999999999999999999"}))
    assert "Members ranked in 2024" in text
    # A NUL character is never typed: the query is refused before the page reads it (core.security).
    refused = client.get(DASHBOARD, {"member": "07\x00"})
    assert refused.status_code == 400 and "an address that was cut or changed" in main_text(refused)


def test_a_member_without_an_index_says_so(client):
    commune = CommuneFactory()
    assert "No openness index has been computed for this member yet" in page(
        client, f"/en/openness-index/members/{commune.code}/"
    )


def test_the_method_publishes_the_open_framework_never_a_draft(client):
    IndexFrameworkFactory(version=9, status=FrameworkStatus.DRAFT, title={"en": "Draft nine"})
    assert "has not opened an assessment framework yet" in page(client, "/en/openness-index/method/")
    framework = framework_with((Principle.DIGITALISATION, 2), version=3, title={"en": "Open framework"})
    text = main_text(client.get("/en/openness-index/method/"))
    assert "Open framework" in text and "Draft nine" not in text
    assert "left out and its weight is shared" in text
    assert framework.indicators.get().title["fr"] in text or "Indicateur" in text


def test_the_member_section_of_the_network_page_shows_the_latest_index(client, network):
    from tests.factories import MembershipFactory

    MembershipFactory(collectivity=network["a"])
    text = main_text(client.get(f"/en/network/members/{network['a'].code}/"))
    assert "Openness index 2024: 40.00 out of 100." in text


def test_index_values_are_shown_with_their_two_decimals(client, network):
    assert "55.50" in page(client, DASHBOARD)


def test_the_open_data_catalogue_publishes_the_index(network):
    from infitah.core.datasets import table

    rows = list(table("openness_index"))
    assert rows[0] == ["collectivity", "year", "principle", "value"]
    assert ["91", 2024, "", 80.0] in rows and ["91", 2023, "transparency", 60.0] in rows
    assert len(rows) == 1 + 5 * 6


def test_the_sitemap_lists_the_dashboard_the_method_and_the_members_with_an_index(client, network):
    text = client.get("/sitemap.xml").content.decode()
    for path in ("/ar/openness-index/", "/fr/openness-index/method/", "/ar/openness-index/members/91001001/"):
        assert f"http://testserver{path}<" in text
