import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CommuneFactory, MembershipFactory, NetworkFactory, RegionFactory

pytestmark = pytest.mark.django_db


def test_network_page_counts_members_by_kind(client):
    NetworkFactory()
    region = RegionFactory()
    MembershipFactory(collectivity=region)
    MembershipFactory.create_batch(3)
    response = client.get("/ar/network/")
    assert response.status_code == 200
    counts = {item["kind"]: item["count"] for item in response.context["member_counts"]}
    assert counts == {"region": 1, "province": 0, "commune": 3}


def test_network_page_filters_by_region_including_its_communes(client):
    NetworkFactory()
    inside = CommuneFactory()
    outside = CommuneFactory()
    MembershipFactory(collectivity=inside)
    MembershipFactory(collectivity=outside)
    region = inside.parent.parent
    response = client.get("/fr/network/", {"region": region.code})
    shown = [m.collectivity for m in response.context["page"].object_list]
    assert shown == [inside]


def _queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_network_and_home_queries_do_not_grow_with_members(client):
    NetworkFactory()
    MembershipFactory.create_batch(3)
    few = {url: _queries_for(client, url) for url in ("/ar/", "/ar/network/")}
    MembershipFactory.create_batch(40)
    many = {url: _queries_for(client, url) for url in ("/ar/", "/ar/network/")}
    assert few == many


def test_unknown_member_is_a_404_in_the_users_language(client):
    response = client.get("/fr/network/members/NOPE/")
    assert response.status_code == 404
    assert "core/404.html" in [t.name for t in response.templates]


def test_paging_through_members_keeps_the_filters(client):
    NetworkFactory()
    MembershipFactory.create_batch(35)
    html = client.get("/fr/network/", {"kind": "commune", "page": "1"}).content.decode()
    assert 'href="?kind=commune&amp;page=2" rel="next"' in html
    second = client.get("/fr/network/", {"kind": "commune", "page": "2"})
    assert len(second.context["page"].object_list) == 5
    assert 'href="?kind=commune&amp;page=1" rel="prev"' in second.content.decode()
