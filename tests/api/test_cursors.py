"""A client walks any list by following `next` (or `previous`) links: every row exactly once, in the list's order,
whatever the ordering and its ties, and a page costs the same queries at any depth and any size of the list."""

import datetime

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infitah.api import keyset
from tests.api.helpers import API, get_json, queries
from tests.events.factories import EventFactory, in_days


def walk(client, url, **params):
    """Every item of the list, page after page by `next`; and the pages' `previous` links, to walk back."""
    page = get_json(client, url, **params)
    pages = [page]
    while page["next"]:
        page = get_json(client, page["next"])
        pages.append(page)
    return pages


def walk_back(client, page):
    pages = [page]
    while page["previous"]:
        page = get_json(client, page["previous"])
        pages.append(page)
    return pages[::-1]


def ids(pages):
    return [item["id"] for page in pages for item in page["items"]]


def expected_order(rows, field, descending):
    """Empty values last in either direction, the primary key breaking ties in the same direction."""
    present = sorted((row for row in rows if field(row) is not None), key=lambda row: (field(row), row.pk))
    if descending:
        present.reverse()
    empty = sorted((row for row in rows if field(row) is None), key=lambda row: row.pk, reverse=descending)
    return [row.pk for row in present + empty]


@pytest.fixture
def events(db):
    """Seven events, three of them starting at the same time and two ending at the same time."""
    same = in_days(5)
    rows = [EventFactory(starts_at=same, ends_at=same + datetime.timedelta(hours=h)) for h in (1, 2, 2)]
    rows += [EventFactory(starts_at=in_days(d), ends_at=in_days(d, 18)) for d in (2, 9, 9, 12)]
    return rows


FIELDS = {"starts_at": lambda e: e.starts_at, "ends_at": lambda e: e.ends_at, "created": lambda e: e.created_at}


@pytest.mark.parametrize("ordering", ["starts_at", "-starts_at", "ends_at", "-ends_at", "created", "-created"])
def test_following_next_then_previous_gives_every_event_once_in_order(client, events, ordering):
    expected = expected_order(events, FIELDS[ordering.removeprefix("-")], ordering.startswith("-"))
    forward = walk(client, f"{API}/events", ordering=ordering, page_size=2)
    assert ids(forward) == expected
    assert [len(page["items"]) for page in forward] == [2, 2, 2, 1]
    assert all(page["count"] == 7 for page in forward)
    assert forward[0]["previous"] is None and forward[-1]["next"] is None
    assert ids(walk_back(client, forward[-1])) == expected


def test_without_ordering_the_default_order_is_walked(client, events):
    assert ids(walk(client, f"{API}/events", page_size=3)) == expected_order(events, FIELDS["starts_at"], False)


def test_the_links_keep_the_filters_size_ordering_and_language(client, events):
    code = events[0].collectivity.code
    first = get_json(client, f"{API}/events", collectivity=code, page_size=1, lang="fr", ordering="-created")
    assert first["next"] is None  # one event of that commune
    page = get_json(client, f"{API}/events", page_size=2, lang="fr", ordering="-created")
    for name in ("page_size=2", "lang=fr", "ordering=-created", "cursor="):
        assert name in page["next"], page["next"]
    assert get_json(client, page["next"])["items"][0]["title"]["lang"] == "fr"


def test_a_numbered_page_links_to_its_neighbours_by_cursor(client, events):
    expected = expected_order(events, FIELDS["starts_at"], False)
    second = get_json(client, f"{API}/events", page=2, page_size=2)
    assert ids([second]) == expected[2:4]
    assert ids([get_json(client, second["next"])]) == expected[4:6]
    assert ids([get_json(client, second["previous"])]) == expected[0:2]
    assert "page=" not in second["next"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "cursor",
    [
        "nonsense",
        "eyJ2IjpbMV19:forged:signature",
        keyset.encode(keyset.Position((1,), False, "")),  # signed, but one value where the events have two
        keyset.encode(keyset.Position(("2026-01-01T10:00:00+00:00", 3), False, "-created")),  # another ordering
        keyset.encode(keyset.Position(("not a date", 3), False, "")),
    ],
)
def test_an_invalid_cursor_is_a_400_problem(client, cursor):
    problem = get_json(client, f"{API}/events", status=400, cursor=cursor)
    assert problem["status"] == 400 and problem["title"] == "Bad Request"
    assert "المؤشر" in problem["detail"], "the reason, in the platform's first language"
    in_french = client.get(f"{API}/events", {"cursor": cursor}, HTTP_ACCEPT_LANGUAGE="fr").json()
    assert "curseur" in in_french["detail"]


@pytest.mark.django_db
def test_empty_values_come_last_in_both_directions(client):
    from tests.factories import AdvisoryBodyFactory

    ended = [AdvisoryBodyFactory(mandate_end=datetime.date(2026, 1, day)) for day in (3, 1, 3)]
    open_ended = [AdvisoryBodyFactory(mandate_end=None) for _ in range(2)]
    rows = ended + open_ended
    for ordering in ("mandate_end", "-mandate_end"):
        expected = expected_order(rows, lambda body: body.mandate_end, ordering.startswith("-"))
        forward = walk(client, f"{API}/bodies", ordering=ordering, page_size=2)
        assert ids(forward) == expected, ordering
        assert ids(walk_back(client, forward[-1])) == expected, ordering


@pytest.mark.django_db
def test_a_cursor_page_costs_the_same_queries_with_10_or_1000_rows(client):
    from infitah.events.models import Event
    from tests.factories import CommuneFactory

    commune = CommuneFactory()

    def add(count):
        Event.objects.bulk_create(
            Event(
                collectivity=commune,
                title={"fr": f"Atelier {n}"},
                place={"fr": "Siège"},
                starts_at=in_days(3),
                ends_at=in_days(4),
                is_published=True,
            )
            for n in range(count)
        )

    add(10)
    cursor_page = get_json(client, f"{API}/events", ordering="-created", lang="fr", page_size=5)["next"]
    few = queries(client, cursor_page)
    add(990)
    assert queries(client, cursor_page) == few


def test_every_paged_list_answers_next_and_previous(client, events):
    from tests.api.test_listing import SORTABLE, _filled

    for path, allowed in SORTABLE:
        url = _filled(path)
        for ordering in allowed:
            page = get_json(client, url, ordering=ordering, page_size=1)
            assert page["previous"] is None, (url, ordering)
            if page["next"]:
                following = get_json(client, page["next"])
                assert following["items"] and following["previous"], (url, ordering)
                assert following["items"][0] != page["items"][0], (url, ordering)


# Start times drawn from three values: ties in the ordering field are the rule, not the exception.
STARTS = st.lists(st.integers(min_value=0, max_value=2), min_size=0, max_size=12)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    starts=STARTS,
    ordering=st.sampled_from(["starts_at", "-starts_at", "ends_at", "-ends_at", "created", "-created"]),
    page_size=st.integers(min_value=1, max_value=5),
)
@pytest.mark.django_db
def test_walking_by_cursor_returns_each_row_once_in_order(client, starts, ordering, page_size):
    from tests.factories import CommuneFactory

    # Each example in a savepoint rolled back at its end: the next one starts from an empty list.
    with transaction.atomic():
        commune = CommuneFactory()
        rows = [
            EventFactory(collectivity=commune, starts_at=in_days(1 + day), ends_at=in_days(10 - day, 18))
            for day in starts
        ]
        expected = expected_order(rows, FIELDS[ordering.removeprefix("-")], ordering.startswith("-"))
        forward = walk(client, f"{API}/events", ordering=ordering, page_size=page_size)
        backward = walk_back(client, forward[-1])
        transaction.set_rollback(True)
    assert ids(forward) == expected
    assert ids(backward) == expected
