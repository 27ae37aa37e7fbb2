"""A developer reads the network's public data as JSON: collectivities, members, the network, charter, partners."""

import datetime

import pytest

from infitah.territories.models import Collectivity, CommitmentStanding, MembershipStatus, StandingLevel
from tests.api.helpers import API, get_json, queries
from tests.factories import (
    CharterCommitmentFactory,
    CommuneFactory,
    MembershipFactory,
    NetworkFactory,
    PartnerFactory,
    ProvinceFactory,
)

pytestmark = pytest.mark.django_db

COLLECTIVITY_FIELDS = {
    "code",
    "kind",
    "province_type",
    "name",
    "parent_code",
    "region_code",
    "population",
    "census_year",
    "has_arrondissements",
}


@pytest.fixture
def marrakech_safi():
    """The shipped Marrakech-Safi region with one province and two communes, and a commune elsewhere."""
    region = Collectivity.objects.get(code="07")
    province = ProvinceFactory(parent=region, code="07002", name={"ar": "إقليم الحوز", "fr": "Province d'Al Haouz"})
    tahannaout = CommuneFactory(parent=province, code="07002001", has_arrondissements=False)
    amizmiz = CommuneFactory(parent=province, code="07002002")
    elsewhere = CommuneFactory(code="99999001")
    return {
        "region": region,
        "province": province,
        "communes": [tahannaout, amizmiz],
        "elsewhere": elsewhere,
    }


def codes(page):
    return [item["code"] for item in page["items"]]


def member_codes(page):
    return [item["collectivity"]["code"] for item in page["items"]]


# Collectivities


def test_a_collectivity_shows_its_public_fields_and_place_in_the_hierarchy(client, marrakech_safi):
    body = get_json(client, f"{API}/collectivities/07002001")
    assert set(body) == COLLECTIVITY_FIELDS, "only public fields, nothing internal such as the search key"
    assert body["kind"] == "commune"
    assert body["parent_code"] == "07002"
    assert body["region_code"] == "07"
    assert body["population"] == 30_000
    assert body["census_year"] == 2014


def test_a_region_has_no_parent_and_is_its_own_region(client, marrakech_safi):
    body = get_json(client, f"{API}/collectivities/07")
    assert body["parent_code"] is None
    assert body["region_code"] == "07"
    assert body["name"]["ar"] == "جهة مراكش آسفي"
    assert body["name"]["fr"] == "Région de Marrakech-Safi"


def test_an_unknown_collectivity_is_a_404_problem_naming_the_code(client):
    response = client.get(f"{API}/collectivities/NOPE", headers={"accept-language": "en"})
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json() == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "detail": "No territorial collectivity has the code NOPE.",
    }


def test_collectivities_filter_by_kind(client, marrakech_safi):
    page = get_json(client, f"{API}/collectivities", kind="province")
    provinces = {marrakech_safi["province"].code, marrakech_safi["elsewhere"].parent.code}
    assert set(codes(page)) == provinces
    assert page["count"] == 2


def test_an_unknown_kind_is_refused_with_the_allowed_values(client):
    response = client.get(f"{API}/collectivities", {"kind": "village"}, headers={"accept-language": "en"})
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["detail"] == "These parameters are not valid: kind."
    [refused] = problem["invalid_params"]
    assert refused["name"] == "kind"
    assert "commune" in refused["reason"]


def test_collectivities_filter_by_parent_lists_its_direct_children(client, marrakech_safi):
    page = get_json(client, f"{API}/collectivities", parent="07002")
    assert codes(page) == ["07002001", "07002002"]


def test_collectivities_filter_by_region_gives_the_region_and_all_that_lies_inside(client, marrakech_safi):
    page = get_json(client, f"{API}/collectivities", region="07")
    assert codes(page) == ["07", "07002", "07002001", "07002002"]

    communes = get_json(client, f"{API}/collectivities", region="07", kind="commune")
    assert codes(communes) == ["07002001", "07002002"]


def test_a_province_code_is_not_taken_for_a_region(client, marrakech_safi):
    assert get_json(client, f"{API}/collectivities", region="07002")["count"] == 0


def test_collectivities_are_paginated_by_a_hundred(client):
    CommuneFactory.create_batch(100, parent=ProvinceFactory())
    total = Collectivity.objects.count()  # the twelve shipped regions, the new province and communes
    first = get_json(client, f"{API}/collectivities")
    second = get_json(client, f"{API}/collectivities", page=2)
    assert first["count"] == second["count"] == total
    assert len(first["items"]) == 100
    assert len(second["items"]) == total - 100
    assert not set(codes(first)) & set(codes(second))


# Network members


@pytest.fixture
def members(marrakech_safi):
    region, province = marrakech_safi["region"], marrakech_safi["province"]
    tahannaout, amizmiz = marrakech_safi["communes"]
    return {
        "region": MembershipFactory(collectivity=region, is_illustrative=True),
        "province": MembershipFactory(collectivity=province, status=MembershipStatus.SUSPENDED),
        "commune": MembershipFactory(collectivity=tahannaout),
        "withdrawn": MembershipFactory(collectivity=amizmiz, status=MembershipStatus.WITHDRAWN),
        "elsewhere": MembershipFactory(collectivity=marrakech_safi["elsewhere"]),
    }


def test_members_list_current_members_with_their_collectivity(client, members):
    page = get_json(client, f"{API}/members")
    assert member_codes(page) == ["07", "07002", "07002001", "99999001"], "a withdrawn member is not listed"
    region = page["items"][0]
    assert region["joined_on"] == "2022-10-21"
    assert region["is_illustrative"] is True
    assert region["status"] == "active"
    assert set(region["collectivity"]) == COLLECTIVITY_FIELDS
    assert page["items"][1]["status"] == "suspended"


def test_members_filter_by_kind(client, members):
    assert member_codes(get_json(client, f"{API}/members", kind="commune")) == ["07002001", "99999001"]
    assert member_codes(get_json(client, f"{API}/members", kind="region")) == ["07"]


def test_members_filter_by_region_includes_its_provinces_and_communes(client, members):
    assert member_codes(get_json(client, f"{API}/members", region="07")) == ["07", "07002", "07002001"]
    assert member_codes(get_json(client, f"{API}/members", region="07", kind="commune")) == ["07002001"]


def test_a_member_shows_its_standing_on_every_commitment(client, members):
    first, second = CharterCommitmentFactory(number=1), CharterCommitmentFactory(number=2)
    CommitmentStanding.objects.create(
        membership=members["commune"],
        commitment=second,
        level=StandingLevel.MET,
        note={"fr": "Programme adopté"},
        assessed_on=datetime.date(2023, 4, 11),
    )
    body = get_json(client, f"{API}/members/07002001")
    assert body["collectivity"]["code"] == "07002001"
    assert body["standings"] == [
        {"commitment": first.number, "level": None, "note": {}, "assessed_on": None},
        {"commitment": 2, "level": "met", "note": {"fr": "Programme adopté"}, "assessed_on": "2023-04-11"},
    ]


def test_a_withdrawn_member_keeps_its_page_with_its_status(client, members):
    """As on the site: a withdrawn member is left out of the lists but its record stays readable."""
    assert get_json(client, f"{API}/members/07002002")["status"] == "withdrawn"


def test_a_collectivity_that_is_not_a_member_is_a_404(client, members, marrakech_safi):
    never_joined = marrakech_safi["elsewhere"].parent.code
    for code in (never_joined, "NOPE"):
        response = client.get(f"{API}/members/{code}")
        assert response.status_code == 404
        assert code in response.json()["detail"]


# The network, its charter and partners


def test_the_network_gives_its_name_founding_date_and_members_by_kind(client, members):
    NetworkFactory(description={"ar": "فضاء للتبادل"})
    body = get_json(client, f"{API}/network")
    assert body["founded_on"] == "2022-10-21"
    assert body["name"]["ar"] == "الشبكة المغربية للجماعات الترابية المنفتحة"
    assert body["description"] == {"ar": "فضاء للتبادل"}
    assert body["member_counts"] == {"region": 1, "province": 1, "commune": 2}


def test_the_network_is_a_404_before_it_is_set_up(client):
    response = client.get(f"{API}/network")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_the_charter_commitments_come_in_order(client):
    CharterCommitmentFactory(number=2, title={"fr": "Adopter des programmes"})
    CharterCommitmentFactory(number=1, title={"fr": "Respecter les normes"})
    body = get_json(client, f"{API}/charter/commitments")
    assert [item["number"] for item in body] == [1, 2]
    assert body[0]["title"] == {"fr": "Respecter les normes"}
    assert set(body[0]) == {"number", "title", "text"}


def test_the_partners_come_in_their_order(client):
    PartnerFactory(acronym="IMPACT", order=3)
    PartnerFactory(acronym="DGCT", order=1, role={"fr": "Pilote du programme"})
    body = get_json(client, f"{API}/partners")
    assert [item["acronym"] for item in body] == ["DGCT", "IMPACT"]
    assert body[0] == {
        "acronym": "DGCT",
        "name": {"ar": "شريك", "fr": "Partenaire"},
        "role": {"fr": "Pilote du programme"},
    }


# Query counts do not grow with rows


LIST_URLS = [
    f"{API}/collectivities",
    f"{API}/collectivities?region=07",
    f"{API}/members",
    f"{API}/members?kind=commune&region=07",
    f"{API}/members/07",
    f"{API}/network",
    f"{API}/charter/commitments",
    f"{API}/partners",
]


def add_members(province, count):
    MembershipFactory.create_batch(count, collectivity__parent=province)
    CharterCommitmentFactory.create_batch(count // 10)
    PartnerFactory.create_batch(count // 10)


def test_list_endpoints_cost_the_same_queries_for_10_and_200_rows(client):
    NetworkFactory()
    region = Collectivity.objects.get(code="07")
    province = ProvinceFactory(parent=region)
    MembershipFactory(collectivity=region)
    add_members(province, 10)
    few = {url: queries(client, url) for url in LIST_URLS}
    add_members(province, 190)
    many = {url: queries(client, url) for url in LIST_URLS}
    assert few == many
    assert max(many.values()) <= 3, many
