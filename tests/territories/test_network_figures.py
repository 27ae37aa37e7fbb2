"""The network's figures (members by kind, how many match, whether some are illustrative) are worked out once and kept
until a membership or a collectivity is written (core/counting.py): rendering the network page at 1,000 members then
reads no more rows than at 10, and any committed write — saved, updated in bulk or in raw SQL — shows at the next
rendering. These tests commit (transaction=True): the figures kept are those of committed data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from infitah.territories.models import Membership, MembershipStatus
from tests.factories import MembershipFactory, NetworkFactory, RegionFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _rendered_every_time(settings):
    """The page itself is not cached, so every request renders it: what is measured is the figures' own keeping."""
    from django.core.cache import cache

    settings.INFITAH_PAGE_CACHE_SECONDS = 0
    cache.clear()


def rendered(client):
    """The network page as a French reader sees it, and the SQL it ran that reads every membership."""
    with CaptureQueriesContext(connection) as captured:
        html = client.get("/fr/network/").content.decode()
    return html, [query["sql"] for query in captured if _reads_every_membership(query["sql"])]


def _reads_every_membership(sql):
    """A count of the memberships or a look for an illustrative one (the list's page of 30 rows is not one)."""
    return 'FROM "territories_membership"' in sql and ("COUNT(" in sql or "is_illustrative" in sql)


def stat(html, label):
    """The figure the page shows before `label` in its members-by-kind strip."""
    return html.split(f'</span> <span class="stat-label">{label}</span>')[0].rsplit(">", 1)[-1]


ILLUSTRATIVE = "la liste des collectivités membres est"


def test_the_figures_are_worked_out_once_and_shown_again_without_reading_every_member(client):
    NetworkFactory()
    MembershipFactory(collectivity=RegionFactory())
    MembershipFactory.create_batch(3)
    first, worked_out = rendered(client)
    again, worked_out_again = rendered(client)
    assert worked_out and not worked_out_again
    for html in (first, again):
        assert "4 membres correspondent." in html
        assert (stat(html, "régions"), stat(html, "communes")) == ("1", "3")


def test_every_kind_of_committed_write_shows_at_the_next_rendering(client):
    NetworkFactory()
    memberships = MembershipFactory.create_batch(3)
    assert "3 membres correspondent." in rendered(client)[0]

    MembershipFactory(collectivity=RegionFactory())  # saved
    html = rendered(client)[0]
    assert "4 membres correspondent." in html and (stat(html, "régions"), stat(html, "communes")) == ("1", "3")

    Membership.objects.filter(pk=memberships[0].pk).update(status=MembershipStatus.WITHDRAWN)  # in bulk, no signal
    html = rendered(client)[0]
    assert "3 membres correspondent." in html and stat(html, "communes") == "2"
    assert ILLUSTRATIVE not in html

    with connection.cursor() as cursor:  # raw SQL
        illustrative = "UPDATE territories_membership SET is_illustrative = %s WHERE id = %s"
        cursor.execute(illustrative, [True, memberships[1].pk])
    html, worked_out = rendered(client)
    assert worked_out
    assert ILLUSTRATIVE in html and "3 membres correspondent." in html
