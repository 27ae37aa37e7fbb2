"""Staff write an event's agenda on the site, one item at a time; every save checks the whole agenda (in the
event's hours, in order, no overlap unless parallel, sub-items inside their main item) and a refusal says why
and keeps what was typed. Nobody outside the organiser's staff writes it."""

import datetime

import pytest
from django.utils import timezone

from infitah.events.models import AgendaItem
from infitah.participation.models import AuditLogEntry
from tests.events.factories import AgendaItemFactory, EventFactory
from tests.refusals import refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop(people):
    # Tuesday 11 April 2023, 10:30–13:30 in Casablanca, as in the article.
    start = timezone.make_aware(datetime.datetime(2023, 4, 11, 10, 30))
    event = EventFactory(collectivity=people.commune_a, starts_at=start, ends_at=start + datetime.timedelta(hours=3))
    AgendaItemFactory(event=event, order=1, starts_at=datetime.time(10, 30), ends_at=datetime.time(11, 0))
    return event


def post(client, event, data, item=None):
    url = f"/en/events/{event.pk}/agenda/{item.pk}/" if item else f"/en/events/{event.pk}/agenda/new/"
    return client.post(url, {"order": "2", "title_1": "Séance d'ouverture", **data})


def test_an_item_after_the_previous_one_is_saved_and_audited(client, people, workshop):
    client.force_login(people.editor)
    response = post(client, workshop, {"starts_at": "11:00", "ends_at": "11:30"})
    assert response.status_code == 302
    assert workshop.agenda_items.count() == 2
    assert AuditLogEntry.objects.filter(action="events.add_agenda_item", actor=people.editor).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"starts_at": "10:45", "ends_at": "11:15"}, "overlaps the previous one"),
        ({"starts_at": "13:00", "ends_at": "14:00"}, "outside the hours of the event"),
        ({"starts_at": "11:30", "ends_at": "11:00"}, "must end after it starts"),
        ({"order": "0", "starts_at": "11:00", "ends_at": "11:30"}, "follow the order of time"),
    ],
    ids=["overlap", "after the event", "ends before it starts", "out of order"],
)
def test_a_wrong_item_is_refused_with_the_reason_and_the_title_kept(client, people, workshop, data, message):
    client.force_login(people.editor)
    response = post(client, workshop, data)
    assert response.status_code == 200
    page = response.content.decode().replace("&#x27;", "'")
    assert message in page
    assert page.count(message) == 1, "each problem is said once"
    assert "Séance d'ouverture" in page
    assert workshop.agenda_items.count() == 1


def test_parallel_working_groups_may_overlap_and_sub_items_stay_inside_their_main_item(client, people, workshop):
    groups = AgendaItemFactory(
        event=workshop, order=2, starts_at=datetime.time(11, 30), ends_at=datetime.time(13, 0), title={"fr": "Groupes"}
    )
    client.force_login(people.editor)
    for n in range(2):
        response = post(
            client,
            workshop,
            {"parent": groups.pk, "order": str(3 + n), "starts_at": "11:30", "ends_at": "12:30", "is_parallel": "on"},
        )
        assert response.status_code == 302, response.content.decode()[:2000]
    response = post(client, workshop, {"parent": groups.pk, "order": "5", "starts_at": "12:45", "ends_at": "13:15"})
    assert response.status_code == 200
    assert "outside the hours of its parent item" in response.content.decode()
    assert groups.children.count() == 2


def test_only_the_organisers_staff_write_the_agenda(client, people, workshop):
    item = workshop.agenda_items.get()
    for outsider in (people.other_focal_point, people.citizen, people.council_member):
        client.force_login(outsider)
        reason = "Only the organiser's staff write the agenda of this event."
        refused(client.get(f"/en/events/{workshop.pk}/agenda/"), reason)
        refused(client.post(f"/en/events/{workshop.pk}/agenda/{item.pk}/delete/"), reason)
    client.force_login(people.focal_point)
    assert client.post(f"/en/events/{workshop.pk}/agenda/{item.pk}/delete/").status_code == 302
    assert not AgendaItem.objects.filter(pk=item.pk).exists()


def test_an_edit_is_audited_with_the_values_before_and_after(client, people, workshop):
    item = workshop.agenda_items.get()
    client.force_login(people.editor)
    response = post(client, workshop, {"order": "1", "starts_at": "10:30", "ends_at": "10:50"}, item=item)
    assert response.status_code == 302
    entry = AuditLogEntry.objects.get(action="events.change_agenda_item")
    # Only what changed: the start and the order were typed again as they were.
    assert entry.changes == {
        "ends_at": ["11:00:00", "10:50:00"],
        "title": [item.title, {"fr": "Séance d'ouverture"}],
    }
    assert entry.actor == people.editor and entry.collectivity == people.commune_a


def test_a_removal_is_confirmed_then_audited_with_the_values_it_had(client, people, workshop):
    item = workshop.agenda_items.get()
    client.force_login(people.focal_point)
    url = f"/en/events/{workshop.pk}/agenda/{item.pk}/delete/"
    assert client.get(url).status_code == 200
    assert AgendaItem.objects.filter(pk=item.pk).exists()
    response = client.post(url, follow=True)
    assert "The agenda item has been removed." in response.content.decode()
    entry = AuditLogEntry.objects.get(action="events.delete_agenda_item")
    assert entry.changes == {
        "title": [item.title, None],
        "starts_at": ["10:30:00", None],
        "ends_at": ["11:00:00", None],
        "order": [1, None],
        "is_parallel": [False, None],
    }
    assert entry.target_repr == str(item) and entry.collectivity == people.commune_a
