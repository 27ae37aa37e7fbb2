"""The law's signature thresholds (LAW.md), at the edges of every band, and the region's 5% in each province."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infitah.petitions import thresholds
from infitah.petitions.thresholds import COMMUNE, PROVINCE, REGION, Band, band_for, province_minimum, shortfall

TODAY = datetime.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("kind", "population", "arrondissements", "required"),
    [
        pytest.param(REGION, 999_999, False, 300, id="region just under one million: 300"),
        pytest.param(REGION, 1_000_000, False, 400, id="region of exactly one million: 400"),
        pytest.param(REGION, 3_000_000, False, 400, id="region of exactly three million: 400"),
        pytest.param(REGION, 3_000_001, False, 500, id="region over three million: 500"),
        pytest.param(REGION, 0, False, 300, id="region with no inhabitant counted: the lowest band"),
        pytest.param(PROVINCE, 400_000, False, 300, id="prefecture or province: 300"),
        pytest.param(PROVINCE, None, False, 300, id="prefecture or province whatever its population"),
        pytest.param(COMMUNE, 34_999, False, 100, id="commune under 35,000: 100"),
        pytest.param(COMMUNE, 35_000, False, 200, id="commune of exactly 35,000: 200"),
        pytest.param(COMMUNE, 1_200_000, False, 200, id="large commune without arrondissements: 200"),
        pytest.param(COMMUNE, 3_300_000, True, 400, id="commune with arrondissements: 400"),
        pytest.param(COMMUNE, 20_000, True, 400, id="arrondissements decide, not population"),
    ],
)
def test_the_threshold_of_each_band(kind, population, arrondissements, required):
    band = band_for(kind, population, has_arrondissements=arrondissements, on=TODAY)
    assert band is not None
    assert band.signatures == required


def test_a_region_or_commune_of_unknown_population_has_no_threshold_yet():
    assert band_for(REGION, None, on=TODAY) is None
    assert band_for(COMMUNE, None, on=TODAY) is None


def test_before_the_organic_laws_no_band_applies():
    assert band_for(COMMUNE, 10_000, on=datetime.date(2015, 7, 22)) is None


def test_a_later_band_replaces_an_earlier_one_from_its_effective_date():
    amended = Band(
        COMMUNE,
        150,
        "An amendment",
        population_max=34_999,
        arrondissements=False,
        effective_from=datetime.date(2027, 1, 1),
    )
    bands = (*thresholds.SHIPPED_BANDS, amended)
    assert band_for(COMMUNE, 20_000, on=datetime.date(2026, 12, 31), bands=bands).signatures == 100
    assert band_for(COMMUNE, 20_000, on=datetime.date(2027, 1, 1), bands=bands).signatures == 150


@pytest.mark.parametrize(
    ("required", "share", "minimum"),
    [(300, 5, 15), (400, 5, 20), (500, 5, 25), (310, 5, 16), (300, 0, 0)],
)
def test_five_percent_in_each_province_rounds_up(required, share, minimum):
    assert province_minimum(required, share) == minimum


def test_a_region_petition_with_enough_signatures_but_one_province_short_is_not_met():
    band = band_for(REGION, 4_500_000, on=TODAY)  # 500 signatures, 25 in each province
    counts = {"Marrakech": 300, "Safi": 150, "Essaouira": 40, "Al Haouz": 24}
    result = shortfall(band, counts, ["Marrakech", "Safi", "Essaouira", "Al Haouz", "Chichaoua"])
    assert result.counted == 514
    assert result.missing == 0
    assert result.missing_in_provinces == {"Al Haouz": 1, "Chichaoua": 25}
    assert not result.met


def test_a_region_petition_with_every_province_at_its_share_is_met():
    band = band_for(REGION, 900_000, on=TODAY)  # 300, 15 per province
    result = shortfall(band, {"A": 270, "B": 15, "C": 15}, ["A", "B", "C"])
    assert result.met


def test_signers_by_activity_count_in_the_total_not_in_a_province():
    band = band_for(REGION, 900_000, on=TODAY)
    result = shortfall(band, {None: 290, "A": 15}, ["A", "B"])
    assert result.missing == 0
    assert result.missing_in_provinces == {"B": 15}


def test_a_commune_petition_only_counts_the_total():
    band = band_for(COMMUNE, 30_000, on=TODAY)
    assert shortfall(band, {None: 99}).missing == 1
    assert shortfall(band, {None: 100}).met


@given(st.integers(min_value=0, max_value=50_000_000), st.integers(min_value=0, max_value=50_000_000))
def test_a_more_populous_collectivity_never_needs_fewer_signatures(a, b):
    for kind in (REGION, COMMUNE):
        low, high = sorted((a, b))
        assert band_for(kind, low, on=TODAY).signatures <= band_for(kind, high, on=TODAY).signatures


@given(st.sampled_from([REGION, PROVINCE, COMMUNE]), st.integers(min_value=0, max_value=50_000_000), st.booleans())
def test_exactly_one_shipped_band_applies_to_any_collectivity(kind, population, arrondissements):
    arrondissements = arrondissements and kind == COMMUNE
    matching = [band for band in thresholds.SHIPPED_BANDS if band.applies(kind, population, arrondissements, TODAY)]
    assert len(matching) == 1


@pytest.mark.django_db
def test_the_table_an_administrator_edits_starts_as_the_shipped_bands():
    from infitah.petitions.models import ThresholdRule

    stored = sorted((rule.as_band() for rule in ThresholdRule.objects.all()), key=repr)
    assert stored == sorted(thresholds.SHIPPED_BANDS, key=repr)
