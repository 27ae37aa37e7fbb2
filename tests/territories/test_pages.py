import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from infitah.territories.models import ProvinceType
from tests.factories import CommuneFactory, MembershipFactory, NetworkFactory, ProvinceFactory, RegionFactory

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
    listed = MembershipFactory(collectivity=inside)
    MembershipFactory(collectivity=outside)
    region = inside.parent.parent
    html = client.get("/fr/network/", {"region": region.code}).content.decode()
    assert f'<a href="{listed.get_absolute_url()}">{inside.name["fr"]}</a>' in html
    assert outside.name["fr"] not in html


def test_the_members_list_shows_each_members_kind_region_and_date_in_the_readers_language(client):
    """The list's rows are built in Python (territories.selectors.member_rows): what a reader sees must be what the
    model says, in their language, a name kept in another language marked as such, and odd codes still linked."""
    NetworkFactory()
    region = RegionFactory(name={"ar": "جهة الشرق", "fr": "Région de l'Oriental"})
    prefecture = ProvinceFactory(
        parent=region, province_type=ProvinceType.PREFECTURE, name={"fr": "Préfecture d'Oujda"}
    )
    commune = CommuneFactory(parent=prefecture, code="C 1é", name={"ar": "جماعة <b>وجدة</b>"})
    for member in (region, prefecture, commune):
        MembershipFactory(collectivity=member, joined_on=datetime.date(2023, 3, 9))
    html = client.get("/fr/network/").content.decode()

    def row_of(collectivity):
        with translation.override("fr"):
            address = reverse("territories:member", args=[collectivity.code])
        return html[html.index(f'href="{address}"') :].split("</tr>")[0]

    commune_row = row_of(commune)
    assert 'href="/fr/network/members/C%201%C3%A9/"' in commune_row
    assert '<span lang="ar" dir="rtl">جماعة &lt;b&gt;وجدة&lt;/b&gt;</span>' in commune_row
    assert "<td>Commune</td>" in commune_row
    assert "Région de l&#x27;Oriental" in commune_row and "09/03/2023" in commune_row
    prefecture_row = row_of(prefecture)
    assert "<td>Préfecture</td>" in prefecture_row and "Région de l&#x27;Oriental" in prefecture_row
    assert "<td>—</td>" in row_of(region)
    arabic = client.get("/ar/network/").content.decode()
    assert "جهة الشرق" in arabic and '<span lang="fr" dir="ltr">Préfecture d&#x27;Oujda</span>' in arabic


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
    assert second.content.decode().count('href="/fr/network/members/') == 5
    assert 'href="?kind=commune&amp;page=1" rel="prev"' in second.content.decode()
