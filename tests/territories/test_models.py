"""The shape of the territory: who may sit under whom, what lies within a region, and finding places by name."""

import pytest
from django.core.exceptions import ValidationError

from infitah.territories import selectors
from infitah.territories.models import Collectivity, CollectivityKind, ProvinceType
from tests.factories import CommuneFactory, MembershipFactory, ProvinceFactory, RegionFactory

pytestmark = pytest.mark.django_db


def errors_of(collectivity):
    with pytest.raises(ValidationError) as raised:
        collectivity.clean()
    return set(raised.value.message_dict)


def test_a_well_formed_hierarchy_is_clean():
    commune = CommuneFactory(has_arrondissements=True)
    for collectivity in (commune, commune.parent, commune.parent.parent):
        collectivity.clean()


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: RegionFactory.build(parent=RegionFactory()), "parent"),
        (lambda: ProvinceFactory.build(parent=ProvinceFactory()), "parent"),
        (lambda: CommuneFactory.build(parent=RegionFactory()), "parent"),
        (lambda: CommuneFactory.build(parent=CommuneFactory()), "parent"),
        (lambda: CommuneFactory.build(province_type=ProvinceType.PREFECTURE), "province_type"),
        (lambda: RegionFactory.build(province_type=ProvinceType.PROVINCE), "province_type"),
        (lambda: ProvinceFactory.build(has_arrondissements=True), "has_arrondissements"),
        (lambda: CommuneFactory.build(population=5000, census_year=None), "census_year"),
    ],
    ids=[
        "region under a region",
        "province under a province",
        "commune under a region",
        "commune under a commune",
        "commune with a province type",
        "region with a province type",
        "province with arrondissements",
        "population without census year",
    ],
)
def test_clean_refuses_what_the_territory_does_not_allow(build, field):
    assert errors_of(build()) == {field}


def test_within_region_holds_the_region_its_provinces_and_their_communes_only():
    commune = CommuneFactory()
    province, region = commune.parent, commune.parent.parent
    sibling_province = ProvinceFactory(parent=region)
    elsewhere = CommuneFactory()
    inside = set(Collectivity.objects.within_region(region))
    assert inside == {region, province, commune, sibling_province}
    assert elsewhere not in inside and elsewhere.parent.parent not in inside


def test_search_key_is_rebuilt_on_save():
    commune = CommuneFactory(name={"ar": "جماعة أمزميز", "fr": "Commune d'Amizmiz"})
    assert "جماعه امزميز" in commune.search_key and "amizmiz" in commune.search_key
    commune.name = {"ar": "جماعة تحناوت"}
    commune.save()
    assert "تحناوت" in commune.search_key and "amizmiz" not in commune.search_key


@pytest.mark.parametrize("query", ["مراكش اسفي", "مراكش أسفي", "مراكش آسفي", "مَرَّاكُش", "Marrakech-Safi", "MARRAKECH"])
def test_members_are_found_by_normalised_arabic_and_french(query):
    # Region 07 comes from migration 0002 with the name "جهة مراكش آسفي".
    marrakech_safi = Collectivity.objects.get(code="07", kind=CollectivityKind.REGION)
    MembershipFactory(collectivity=marrakech_safi)
    MembershipFactory(collectivity=Collectivity.objects.get(code="06"))
    assert [m.collectivity.code for m in selectors.members(query=query)] == ["07"]


def test_the_twelve_regions_are_shipped_with_arabic_and_french_names():
    regions = Collectivity.objects.filter(kind=CollectivityKind.REGION, code__regex=r"^\d\d$")
    assert sorted(r.code for r in regions) == [f"{n:02d}" for n in range(1, 13)]
    assert all(r.name.get("ar", "").startswith("جهة") and r.name.get("fr") for r in regions)
