"""A developer reads published events as JSON, with their agenda and how many registered — never who."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from infitah.events.models import EventKind
from tests.api.helpers import API, get_json, queries
from tests.events.factories import AgendaItemFactory, EventFactory, RegistrationFactory, in_days

pytestmark = pytest.mark.django_db


def test_events_are_listed_with_counts_and_filters(client):
    workshop = EventFactory(capacity=1, kind=EventKind.WORKSHOP)
    RegistrationFactory(event=workshop)
    RegistrationFactory(event=workshop, status="waiting")
    RegistrationFactory(event=workshop, status="cancelled")
    training = EventFactory(kind=EventKind.TRAINING, starts_at=in_days(40), ends_at=in_days(40, 12))
    EventFactory(is_published=False)

    items = get_json(client, f"{API}/events")["items"]
    assert len(items) == 2
    first = items[0]
    assert first["registrations"] == {"capacity": 1, "confirmed": 1, "waiting": 1}
    assert first["starts_at"].endswith("+01:00") or first["starts_at"].endswith("+00:00")
    assert [e["id"] for e in get_json(client, f"{API}/events", kind="training")["items"]] == [training.pk]
    code = workshop.collectivity.code
    assert [e["id"] for e in get_json(client, f"{API}/events", collectivity=code)["items"]] == [workshop.pk]
    later = in_days(30).date().isoformat()
    assert [e["id"] for e in get_json(client, f"{API}/events", **{"to": later})["items"]] == [workshop.pk]


def test_one_event_has_its_nested_agenda_and_no_identities(client):
    event = EventFactory()
    groups = AgendaItemFactory(event=event, order=2, starts_at=time(11, 30), title={"fr": "Ateliers"})
    AgendaItemFactory(event=event, order=1, starts_at=time(10, 30), ends_at=time(11), title={"fr": "Accueil"})
    AgendaItemFactory(event=event, parent=groups, title={"fr": "Groupe 1"}, is_parallel=True)
    person = RegistrationFactory(event=event).user

    data = get_json(client, f"{API}/events/{event.pk}")
    assert [item["title"]["fr"] for item in data["agenda"]] == ["Accueil", "Ateliers"]
    assert [item["title"]["fr"] for item in data["agenda"][1]["items"]] == ["Groupe 1"]
    assert data["registrations"]["confirmed"] == 1
    assert person.email not in str(data) and "online_url" not in data


@pytest.mark.parametrize(
    ("day", "offset"),
    [
        (datetime(2023, 9, 28, 10, 30), "+01:00"),  # the article's workshop: Morocco is at UTC+1
        (datetime(2024, 3, 20, 10, 30), "+00:00"),  # in Ramadan Morocco goes back to UTC
    ],
)
def test_agenda_times_carry_moroccos_offset_on_the_events_day(client, day, offset):
    """The schema says `time` (RFC 3339 full-time), which needs an offset: 10:30 reads 10:30:00+01:00."""
    starts = timezone.make_aware(day)
    event = EventFactory(starts_at=starts, ends_at=starts + timedelta(hours=3))
    AgendaItemFactory(event=event, order=1, starts_at=time(10, 30), ends_at=time(11), title={"fr": "Accueil"})
    AgendaItemFactory(event=event, order=2, title={"fr": "Travaux en groupes"})

    agenda = get_json(client, f"{API}/events/{event.pk}")["agenda"]
    assert [(item["starts_at"], item["ends_at"]) for item in agenda] == [
        (f"10:30:00{offset}", f"11:00:00{offset}"),
        (None, None),
    ]
    schema = client.get(f"{API}/openapi.json").json()["components"]["schemas"]["AgendaItemOut"]
    assert schema["properties"]["starts_at"]["anyOf"][0] == {
        "type": "string",
        "format": "time",
        "examples": ["10:30:00+01:00"],
    }


def test_an_unpublished_event_is_not_found(client):
    event = EventFactory(is_published=False)
    get_json(client, f"{API}/events/{event.pk}", status=404)


def test_the_queries_do_not_grow_with_events_or_registrations(client):
    event = EventFactory()
    AgendaItemFactory(event=event)
    few = [queries(client, f"{API}/events"), queries(client, f"{API}/events/{event.pk}")]
    for _ in range(10):
        other = EventFactory()
        RegistrationFactory(event=other)
        AgendaItemFactory(event=event)
        RegistrationFactory(event=event)
    assert [queries(client, f"{API}/events"), queries(client, f"{API}/events/{event.pk}")] == few
