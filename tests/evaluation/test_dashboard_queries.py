"""The network dashboard, a member's page and the CSV files cost a fixed number of queries whatever the number of
members and years (values are read once per figure family, then ranked and summarised in Python)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.evaluation.index_factories import IndexFrameworkFactory, index_rows
from tests.factories import CommuneFactory

pytestmark = pytest.mark.django_db


def network_of(members, years):
    framework = IndexFrameworkFactory()
    communes = [CommuneFactory() for _ in range(members)]
    index_rows(communes, years, framework, value=lambda c, y, p: (c.pk * 7 + y) % 101)
    return communes


def count(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(captured)


PAGES = [
    "/en/openness-index/",
    "/en/openness-index/?kind=commune&member={code}",
    "/en/openness-index/csv/ranking/",
    "/en/openness-index/csv/trend/?member={code}",
    "/en/openness-index/members/{code}/",
    "/en/openness-index/members/{code}/csv/",
]


@pytest.mark.parametrize("url", PAGES)
def test_the_query_count_does_not_grow_with_members_and_years(client, url, django_assert_max_num_queries):
    small = network_of(3, [2024])
    small_count = count(client, url.format(code=small[0].code))
    large = network_of(60, [2020, 2021, 2022, 2023, 2024])
    assert count(client, url.format(code=large[0].code)) == small_count
    with django_assert_max_num_queries(8):
        client.get(url.format(code=large[0].code))


def test_the_dashboard_reads_a_fixed_handful_of_queries(client, django_assert_num_queries):
    network_of(40, [2023, 2024])
    # years, regions (the filter), the year's values and the ranked members' names, the trend's values, the
    # illustrative-members note.
    with django_assert_num_queries(6):
        assert client.get("/en/openness-index/").status_code == 200


def test_the_members_network_page_block_costs_the_same_with_one_year_or_many(client):
    from tests.factories import MembershipFactory

    framework = IndexFrameworkFactory()
    one, many = CommuneFactory(), CommuneFactory()
    MembershipFactory(collectivity=one)
    MembershipFactory(collectivity=many)
    index_rows([one], [2024], framework)
    index_rows([many], [2018, 2019, 2020, 2021, 2022, 2023, 2024], framework)
    assert count(client, f"/en/network/members/{one.code}/") == count(client, f"/en/network/members/{many.code}/")
