"""Other apps add sections to a member's page; the page costs the same number of queries however much they list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from infitah.bodies.models import BodyKind
from infitah.core.contributions import member_sections
from tests.factories import AdvisoryBodyFactory, MembershipFactory, NetworkFactory, RegionFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_bodies_app_registers_its_member_section():
    assert member_sections["advisory_bodies"].template == "bodies/member_section.html"


def test_a_member_without_advisory_bodies_shows_no_empty_section(client):
    MembershipFactory()
    membership = MembershipFactory(collectivity=RegionFactory())
    _count, page = queries_for(client, membership.get_absolute_url())
    assert 'id="advisory-bodies-title"' not in page


def test_the_member_page_lists_the_bodies_with_a_constant_number_of_queries(client):
    NetworkFactory()
    region = RegionFactory()
    membership = MembershipFactory(collectivity=region)
    AdvisoryBodyFactory(collectivity=region, name={"ar": "هيئة الشباب", "fr": "Instance jeunesse"})
    few, page = queries_for(client, membership.get_absolute_url())
    assert "هيئة الشباب" in page
    for number in range(6):
        AdvisoryBodyFactory(collectivity=region, kind=BodyKind.OTHER, name={"ar": f"هيئة {number}"})
    many, page = queries_for(client, membership.get_absolute_url())
    assert "هيئة 5" in page
    assert many == few


def test_another_collectivitys_bodies_are_not_listed(client):
    membership = MembershipFactory(collectivity=RegionFactory())
    AdvisoryBodyFactory(name={"ar": "هيئة أخرى", "fr": "Une autre instance"})
    _count, page = queries_for(client, membership.get_absolute_url())
    assert "هيئة أخرى" not in page
