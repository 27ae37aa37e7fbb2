"""Staff write their collectivity's events through the API with a token: create, change, publish; never another
collectivity's, and never with a citizen's token. Refusals are problems; what they send is kept as plain text."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse

from infitah.api import tokens
from infitah.events.models import Event
from tests.events.factories import EventFactory, in_days

pytestmark = pytest.mark.django_db
API = "/api/v1"


def send(client, method, url, secret, body=None):
    kwargs = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    if body is not None:
        kwargs.update(data=json.dumps(body), content_type="application/json")
    return getattr(client, method)(url, **kwargs)


def new_event(**changes):
    start = in_days(20, 10)
    body = {
        "title": {"ar": "ورشة الميزانية", "fr": "Atelier budget"},
        "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(hours=2)).isoformat(),
        "place": {"ar": "مقر الجماعة"},
    }
    body.update(changes)
    return body


@pytest.fixture
def editor_secret(people):
    return tokens.issue(people.editor, "script")[1]


def test_an_editor_creates_an_unpublished_event_of_their_commune(client, people, editor_secret):
    body = new_event(collectivity_code=people.commune_a.code, capacity=30)
    response = send(client, "post", f"{API}/events", editor_secret, body)
    assert response.status_code == 201, response.content
    answer = response.json()
    event = Event.objects.get(pk=answer["id"])
    assert event.collectivity == people.commune_a and not event.is_published and event.capacity == 30
    assert answer["is_published"] is False and answer["title"]["fr"] == "Atelier budget"
    # Not public until published.
    assert client.get(f"{API}/events/{event.pk}").status_code == 404


def test_an_editor_changes_then_publishes_their_event(client, people, editor_secret):
    event = EventFactory(collectivity=people.commune_a, is_published=False)
    response = send(client, "patch", f"{API}/events/{event.pk}", editor_secret, {"title": {"fr": "Nouveau titre"}})
    assert response.status_code == 200, response.content
    event.refresh_from_db()
    assert event.title == {"fr": "Nouveau titre"} and event.place  # the rest kept
    response = send(client, "post", f"{API}/events/{event.pk}/publish", editor_secret)
    assert response.status_code == 200 and response.json()["is_published"] is True
    assert client.get(f"{API}/events/{event.pk}").status_code == 200


def test_staff_of_a_do_not_find_b_s_events(client, people, editor_secret):
    event = EventFactory(collectivity=people.commune_b, is_published=False)
    for method, url, body in [
        ("patch", f"{API}/events/{event.pk}", {"title": {"fr": "Pris"}}),
        ("post", f"{API}/events/{event.pk}/publish", None),
        ("post", f"{API}/events/{2**63 - 1}/publish", None),
    ]:
        response = send(client, method, url, editor_secret, body)
        assert response.status_code == 404, response.content
        assert response["Content-Type"].startswith("application/problem+json")
    event.refresh_from_db()
    assert not event.is_published and event.title != {"fr": "Pris"}


def test_staff_of_a_may_not_create_an_event_of_b(client, people, editor_secret):
    response = send(client, "post", f"{API}/events", editor_secret, new_event(collectivity_code=people.commune_b.code))
    assert response.status_code == 403
    assert not Event.objects.exists()


def test_a_citizen_s_token_is_refused_with_403(client, people):
    event = EventFactory(collectivity=people.commune_a, is_published=False)
    secret = tokens.issue(people.citizen, "script")[1]
    assert send(client, "post", f"{API}/events/{event.pk}/publish", secret).status_code == 403
    response = send(client, "post", f"{API}/events", secret, new_event(collectivity_code=people.commune_a.code))
    assert response.status_code == 403
    assert response.json()["status"] == 403


def test_the_network_s_events_are_the_coordinators(client, people, editor_secret):
    response = send(client, "post", f"{API}/events", editor_secret, new_event())
    assert response.status_code == 403
    secret = tokens.issue(people.coordinator, "script")[1]
    response = send(client, "post", f"{API}/events", secret, new_event())
    assert response.status_code == 201 and response.json()["collectivity_code"] is None


@pytest.mark.parametrize(
    ("changes", "refused"),
    [
        ({"ends_at": in_days(19).isoformat()}, "ends_at"),
        ({"place": {}}, "place"),
        ({"format": "online"}, "online_url"),
        ({"title": {"xx": "no language"}}, "title"),
        ({"capacity": 0}, "capacity"),
        ({"starts_at": "tomorrow"}, "starts_at"),
        ({"kind": "party"}, "kind"),
    ],
)
def test_an_invalid_event_is_a_422_naming_the_field(client, people, editor_secret, changes, refused):
    body = new_event(collectivity_code=people.commune_a.code, **changes)
    response = send(client, "post", f"{API}/events", editor_secret, body)
    assert response.status_code == 422, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    assert refused in {param["name"] for param in response.json()["invalid_params"]}
    assert not Event.objects.exists()


def test_a_refused_change_loses_nothing_already_saved(client, people, editor_secret):
    event = EventFactory(collectivity=people.commune_a, is_published=False)
    before = (event.title, event.ends_at)
    response = send(client, "patch", f"{API}/events/{event.pk}", editor_secret, {"ends_at": in_days(1).isoformat()})
    assert response.status_code == 422
    event.refresh_from_db()
    assert (event.title, event.ends_at) == before


def test_script_in_a_title_is_stored_as_text_and_escaped_on_the_page(client, people, editor_secret):
    body = new_event(collectivity_code=people.commune_a.code, title={"fr": "<script>alert(1)</script>Atelier"})
    event_id = send(client, "post", f"{API}/events", editor_secret, body).json()["id"]
    send(client, "post", f"{API}/events/{event_id}/publish", editor_secret)
    assert Event.objects.get(pk=event_id).title["fr"] == "<script>alert(1)</script>Atelier"
    page = client.get(reverse("events:detail", args=[event_id]), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "<script>alert(1)</script>" not in page


def test_publishing_tells_the_commune_s_followers(client, people, editor_secret, django_capture_on_commit_callbacks):
    from infitah.participation.follows import follow
    from infitah.participation.models import Notification

    follow(people.citizen, people.commune_a)
    event = EventFactory(collectivity=people.commune_a, is_published=False)
    with django_capture_on_commit_callbacks(execute=True):
        send(client, "post", f"{API}/events/{event.pk}/publish", editor_secret)
    told = Notification.objects.filter(recipient=people.citizen, verb="event_published")
    assert told.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        # Already published: nothing new to announce.
        assert send(client, "post", f"{API}/events/{event.pk}/publish", editor_secret).status_code == 200
    assert told.count() == 1
