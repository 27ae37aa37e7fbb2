"""A list's total is counted once and kept until one of its tables changes: walking a list does not count it again,
and any committed write — saved, bulk-created, updated in bulk, deleted, or written in raw SQL — shows in the very
next page's total. These tests commit (transaction=True): the totals kept are those of committed data."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from infitah.core import counting
from tests.api.helpers import API, get_json
from tests.events.factories import EventFactory, in_days

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _empty_cache():
    from django.core.cache import cache

    cache.clear()


def counted(client, url, **params):
    """The page, and whether answering it counted the events."""
    with CaptureQueriesContext(connection) as captured:
        page = get_json(client, url, **params)
    counts = [query["sql"] for query in captured if query["sql"].startswith("SELECT COUNT(*)")]
    return page, any("events_event" in sql for sql in counts)


def test_walking_a_list_counts_it_once(client):
    for _ in range(5):
        EventFactory()
    first, counted_first = counted(client, f"{API}/events", page_size=2)
    second, counted_second = counted(client, first["next"])
    again, counted_again = counted(client, f"{API}/events", page_size=2)
    assert counted_first and not counted_second and not counted_again
    assert first["count"] == second["count"] == again["count"] == 5


def test_every_kind_of_committed_write_shows_in_the_next_total(client):
    from infitah.events.models import Event

    event = EventFactory()
    assert get_json(client, f"{API}/events")["count"] == 1
    EventFactory()
    assert get_json(client, f"{API}/events")["count"] == 2
    Event.objects.bulk_create([Event(**_fields(event)) for _ in range(3)])
    assert get_json(client, f"{API}/events")["count"] == 5
    Event.objects.filter(pk=event.pk).update(is_published=False)
    assert get_json(client, f"{API}/events")["count"] == 4
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM events_event WHERE id IN (SELECT id FROM events_event WHERE is_published ORDER BY id LIMIT 2)"
        )
    assert get_json(client, f"{API}/events")["count"] == 2
    with transaction.atomic():
        Event.objects.all().delete()
    assert get_json(client, f"{API}/events")["count"] == 0


def test_a_write_to_a_table_the_list_joins_counts_it_again(client):
    from infitah.territories.models import Collectivity

    event = EventFactory()
    code = event.collectivity.code
    assert get_json(client, f"{API}/events", collectivity=code)["count"] == 1
    Collectivity.objects.filter(pk=event.collectivity_id).update(code="X" + code[:7])
    assert get_json(client, f"{API}/events", collectivity=code)["count"] == 0


def test_a_rolled_back_write_leaves_the_total_right(client):
    EventFactory()
    assert get_json(client, f"{API}/events")["count"] == 1
    with transaction.atomic():
        EventFactory()
        # Inside the writing transaction: its own row is counted, and that total is not kept for others.
        assert counting.count(_published()) == 2
        transaction.set_rollback(True)
    assert get_json(client, f"{API}/events")["count"] == 1


def test_writes_are_recognised_by_their_statement():
    assert counting.tables_written('INSERT INTO "events_event" ("title") VALUES (%s)') == "events_event"
    assert counting.tables_written('UPDATE "events_event" SET "is_published" = false') == "events_event"
    assert counting.tables_written('DELETE FROM "events_event" WHERE id = 1') == "events_event"
    assert counting.tables_written("INSERT OR IGNORE INTO events_event VALUES (1)") == "events_event"
    assert counting.tables_written('SELECT COUNT(*) FROM "events_event"') is None
    # PostgreSQL's TRUNCATE may empty several tables at once (a test database's flush does): every figure is stale.
    assert counting.tables_written('TRUNCATE "events_event", "events_registration";') == counting.EVERY_TABLE


def _published():
    from infitah.events.models import Event

    return Event.objects.published()


def _fields(event):
    return {
        "collectivity": event.collectivity,
        "title": {"fr": "Atelier"},
        "place": {"fr": "Siège"},
        "starts_at": in_days(3),
        "ends_at": in_days(4),
        "is_published": True,
    }


def test_a_list_filtered_to_nothing_counts_zero_without_a_query():
    """A filter that can match no row (an empty `id__in`, as a search with no hit) builds no SQL at all."""
    from infitah.events.models import Event

    EventFactory()
    with CaptureQueriesContext(connection) as captured:
        assert counting.count(Event.objects.filter(pk__in=[])) == 0
    assert len(captured) == 0


def test_a_migrate_stamps_nothing_while_it_runs_and_every_total_is_counted_again_after_it(client):
    """A migration's writes run before the cache table exists (on PostgreSQL a failed read of it would abort the
    migration's transaction): they move no stamp; the migrate's end makes every kept total count again."""
    from django.apps import apps
    from django.core.cache import cache
    from django.core.management.sql import emit_post_migrate_signal, emit_pre_migrate_signal

    from infitah.events.models import Event

    EventFactory()
    assert get_json(client, f"{API}/events")["count"] == 1
    stamp = counting._stamp_key(Event._meta.db_table)
    before = cache.get(stamp)
    emit_pre_migrate_signal(verbosity=0, interactive=False, db="default", apps=apps)
    try:
        Event.objects.filter(is_published=True).update(is_published=False)  # as a data migration would
        assert cache.get(stamp) == before
    finally:
        emit_post_migrate_signal(verbosity=0, interactive=False, db="default", apps=apps)
    page, recounted = counted(client, f"{API}/events")
    assert recounted and page["count"] == 0
