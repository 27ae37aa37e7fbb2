"""What a visitor sees: the calendar, a session with its agenda and decisions, a decision with its votes, the feeds,
the API, the datasets and search — and never an unpublished session, anywhere. Pages cost a fixed number of
queries whatever the number of sessions and decisions."""

import datetime
import xml.etree.ElementTree as ET

import icalendar
import pytest
from django.urls import reverse

from infitah.core.datasets import table
from infitah.core.search import documents
from tests.council.factories import decision, point, session

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def hidden(people):
    """An unpublished session of commune A with a decision, named so that it can be looked for everywhere."""
    secret = session(people.commune_a, is_published=False, title={"fr": "Séance secrète", "en": "Secret sitting"})
    decision(secret, number="SECRET-1", title={"fr": "Décision secrète", "en": "Secret decision"})
    return secret


def test_the_calendar_lists_upcoming_sessions_first_and_filters(client, people):
    past = session(people.region, opens_on=datetime.date(2023, 10, 2), title={"en": "October 2023 session"})
    soon = session(people.commune_a, opens_on=datetime.date.today() + datetime.timedelta(days=20), kind="extraordinary")
    page = client.get(reverse("council:calendar")).content.decode()
    assert page.index(f'id="session-{soon.pk}"') < page.index(f'id="session-{past.pk}"')
    filtered = client.get(reverse("council:calendar"), {"collectivity": people.region.code, "year": 2023}).content
    assert f'id="session-{past.pk}"'.encode() in filtered and f'id="session-{soon.pk}"'.encode() not in filtered
    by_kind = client.get(reverse("council:calendar"), {"kind": "extraordinary"}).content
    assert f'id="session-{soon.pk}"'.encode() in by_kind and f'id="session-{past.pk}"'.encode() not in by_kind


def test_a_session_shows_its_agenda_documents_and_decisions_with_votes(client, people):
    october = session(people.region, title={"en": "October 2023 session"})
    budget = point(october, title={"en": "The 2024 budget"})
    decision(october, agenda_point=budget, number="07/2023/120", votes=(50, 3, 2))
    page = client.get(reverse("council:session", args=[october.pk])).content.decode()
    assert "The 2024 budget" in page and "07/2023/120" in page
    assert "50 for, 3 against, 2 abstentions" in page and "Adopted" in page


def test_a_decision_page_shows_its_votes_and_outcome(client, people):
    october = session(people.region, seats=75)
    rejected = decision(october, number="07/2023/121", votes=(20, 30, 5))
    page = client.get(reverse("council:decision", args=[rejected.pk])).content.decode()
    assert 'id="votes-for">20<' in page and 'id="votes-against">30<' in page and 'id="votes-abstain">5<' in page
    assert 'id="outcome">Rejected<' in page


def test_an_unpublished_session_is_invisible_everywhere(client, people, hidden):
    secret_decision = hidden.decisions.get()
    assert client.get(reverse("council:session", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("council:decision", args=[secret_decision.pk])).status_code == 404
    for address in (
        reverse("council:calendar"),
        reverse("council:member_sessions", args=[people.commune_a.code]),
        reverse("council:ical"),
        reverse("council:feed"),
        "/api/v1/council/sessions",
        "/api/v1/council/decisions",
    ):
        body = client.get(address).content.decode()
        assert "Secret" not in body and "secrète" not in body and "SECRET-1" not in body, address
    assert client.get(f"/api/v1/council/sessions/{hidden.pk}").status_code == 404
    assert client.get(f"/api/v1/council/decisions/{secret_decision.pk}").status_code == 404
    assert [row for row in table("council-sessions") if hidden.pk in row[:1]] == []
    assert [row for row in table("council-decisions") if "SECRET-1" in row] == []
    found = list(documents(["council.session", "council.decision"]))
    assert all("Secret" not in document.title and "SECRET" not in document.title for document in found)


def test_staff_of_the_collectivity_see_its_unpublished_session(client, people, hidden):
    client.force_login(people.council_member)
    assert client.get(reverse("council:session", args=[hidden.pk])).status_code == 200
    client.force_login(people.other_focal_point)
    assert client.get(reverse("council:session", args=[hidden.pk])).status_code == 404


def test_absurd_ids_are_not_found(client):
    for name in ("council:session", "council:decision"):
        assert client.get(reverse(name, args=[10**12])).status_code == 404
    assert client.get(reverse("council:member_sessions", args=["NOPE"])).status_code == 404


def test_what_people_typed_is_escaped(client, people):
    tricky = session(people.commune_a, title={"en": SCRIPT}, place={"en": SCRIPT})
    point(tricky, title={"en": SCRIPT}, description={"en": SCRIPT})
    written = decision(tricky, number=SCRIPT[:50], title={"en": SCRIPT}, text={"en": SCRIPT})
    for address in (
        reverse("council:session", args=[tricky.pk]),
        reverse("council:decision", args=[written.pk]),
        reverse("council:calendar"),
    ):
        body = client.get(address).content.decode()
        assert SCRIPT not in body and "&lt;script&gt;" in body, address


def test_the_icalendar_feed_parses_with_one_event_per_published_session(client, people, hidden):
    october = session(people.region, opens_on=datetime.date(2023, 10, 2), closes_on=datetime.date(2023, 10, 3))
    session(people.commune_a)
    response = client.get(reverse("council:ical"), {"collectivity": people.region.code})
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert [str(event["uid"]) for event in events] == [f"council-session-{october.pk}@infitah"]
    assert events[0].decoded("dtstart") == datetime.date(2023, 10, 2)
    assert events[0].decoded("dtend") == datetime.date(2023, 10, 4)  # exclusive end of an all-day event


def test_the_atom_feed_of_decisions_parses(client, people, hidden):
    october = session(people.region)
    decision(october, number="07/2023/115", votes=(58, 0, 3))
    response = client.get(reverse("council:feed"))
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    entries = root.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}title").text.split(" — ")[0] for entry in entries] == ["07/2023/115"]
    assert "(58/0/3)" in entries[0].find(f"{ATOM}summary").text


def test_the_datasets_hold_the_published_rows(people, hidden):
    october = session(people.region)
    point(october)
    decision(october, number="07/2023/115", votes=(58, 0, 3))
    sessions = list(table("council-sessions"))
    assert sessions[0] == [
        "id",
        "collectivity",
        "session_date",
        "kind",
        "title",
        "status",
        "members",
        "agenda_points",
        "url",
    ]
    assert [row[:4] + row[7:8] for row in sessions[1:]] == [
        [october.pk, people.region.code, "2023-10-02", "ordinary", 1]
    ]
    decisions = list(table("council-decisions"))
    assert decisions[1][4] == "07/2023/115" and decisions[1][7:11] == [58, 0, 3, "adopted"]


def _many(people, n):
    for index in range(n):
        held = session(people.region, opens_on=datetime.date(2023, 3 + index % 3, 1 + index))
        agenda_point = point(held)
        decision(held, agenda_point=agenda_point)


@pytest.mark.parametrize("rows", [1, 12])
def test_calendar_queries_do_not_grow_with_sessions(client, people, django_assert_max_num_queries, rows):
    _many(people, rows)
    with django_assert_max_num_queries(3):
        assert client.get(reverse("council:calendar")).status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get(reverse("council:member_sessions", args=[people.region.code])).status_code == 200
    with django_assert_max_num_queries(1):
        assert client.get(reverse("council:ical")).status_code == 200
    with django_assert_max_num_queries(1):
        assert client.get(reverse("council:feed")).status_code == 200


@pytest.mark.parametrize("rows", [1, 12])
def test_session_and_decision_pages_cost_fixed_queries(client, people, django_assert_max_num_queries, rows):
    october = session(people.region)
    for index in range(rows):
        agenda_point = point(october, order=index + 1)
        last = decision(october, agenda_point=agenda_point)
    with django_assert_max_num_queries(7):
        assert client.get(reverse("council:session", args=[october.pk])).status_code == 200
    with django_assert_max_num_queries(1):
        assert client.get(reverse("council:decision", args=[last.pk])).status_code == 200


def test_the_api_lists_sessions_and_decisions_with_filters(client, people):
    october = session(people.region, opens_on=datetime.date(2023, 10, 2))
    session(people.commune_a, opens_on=datetime.date(2024, 2, 5))
    decision(october, number="07/2023/115", votes=(58, 0, 3))
    listed = client.get("/api/v1/council/sessions", {"collectivity": people.region.code}).json()
    assert [item["id"] for item in listed["items"]] == [october.pk]
    detail = client.get(f"/api/v1/council/sessions/{october.pk}").json()
    assert detail["decisions"][0]["number"] == "07/2023/115" and detail["decisions"][0]["outcome"] == "adopted"
    decisions = client.get("/api/v1/council/decisions", {"year": 2023}).json()["items"]
    assert [(d["votes_for"], d["votes_against"], d["votes_abstain"]) for d in decisions] == [(58, 0, 3)]
    assert client.get("/api/v1/council/sessions", {"kind": "weekly"}).status_code == 422


def test_everyone_signed_in_reads_a_session_and_a_decision_from_one_copy_each_given_the_tools_their_powers_open(
    settings, people
):
    """A session's and a decision's pages are shared by everyone signed in (core.sharedpages): changing the session,
    its agenda points and its decisions is offered, from the copy, to the focal point and the editors of its
    collectivity only."""
    from tests.core.page_cache_helpers import read_from_one_copy

    october = session(people.commune_a, title={"en": "October 2023 session"})
    budget = point(october, title={"en": "The 2024 budget"})
    taken = decision(october, agenda_point=budget, number="07/2023/120")
    readers = {
        "citizen": people.citizen,
        "council member": people.council_member,  # reads unpublished sessions, manages none
        "other focal point": people.other_focal_point,
        "editor": people.editor,
        "coordinator": people.coordinator,
    }
    pages = read_from_one_copy(
        settings, readers, [reverse("council:session", args=[october.pk]), reverse("council:decision", args=[taken.pk])]
    )

    tools = (
        reverse("council:edit_session", args=[october.pk]),
        reverse("council:add_decision", args=[october.pk]),
        reverse("council:edit_point", args=[budget.pk]),
    )
    change_decision = reverse("council:edit_decision", args=[taken.pk])
    offered = {
        name: (all(f'href="{url}"' in shown for url in tools), f'href="{change_decision}"' in decided)
        for name, (shown, decided) in pages.items()
    }
    assert offered == {
        "citizen": (False, False),
        "council member": (False, False),
        "other focal point": (False, False),
        "editor": (True, True),
        "coordinator": (False, False),
    }


def test_the_calendar_is_shared_with_whoever_may_read_no_unpublished_session(settings, people):
    """The calendar is given from the copy everyone signed in shares to a reader with a power who may read no
    unpublished session; a reader who may read one (its collectivity's staff and council, the coordinators) has it
    rendered, with it."""
    from tests.core.page_cache_helpers import assert_rendered_showing, read_from_one_copy

    session(people.commune_a, title={"en": "October 2023 session"})
    session(people.commune_b, is_published=False, title={"en": "Secret sitting"})
    readers = {"citizen": people.citizen, "editor of A": people.editor, "council member of A": people.council_member}
    pages = read_from_one_copy(settings, readers, [reverse("council:calendar")])
    assert all("October 2023 session" in page and "Secret sitting" not in page for (page,) in pages.values())

    assert_rendered_showing(
        [people.other_focal_point, people.coordinator], reverse("council:calendar"), "Secret sitting"
    )
