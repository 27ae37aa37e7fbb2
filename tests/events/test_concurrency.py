"""30 people clicking together on 10 seats: exactly 10 confirmed and 20 waiting, on SQLite and PostgreSQL."""

import pytest

from infitah.events.models import Registration, RegistrationStatus
from infitah.events.registrations import RegistrationRefused, cancel, register
from tests.concurrency import in_parallel
from tests.events.factories import EventFactory
from tests.factories import UserFactory


def _count(event, status):
    return Registration.objects.filter(event=event, status=status).count()


@pytest.mark.django_db(transaction=True)
def test_30_parallel_registrations_on_10_seats_give_10_confirmed_and_20_waiting():
    event = EventFactory(capacity=10)
    people = UserFactory.create_batch(30)

    errors = in_parallel([lambda person=person: register(person, event) for person in people])

    assert errors == []
    assert _count(event, RegistrationStatus.CONFIRMED) == 10
    assert _count(event, RegistrationStatus.WAITING) == 20


@pytest.mark.django_db(transaction=True)
def test_a_cancellation_clicked_twice_at_once_promotes_the_first_waiting_exactly_once():
    event = EventFactory(capacity=2)
    people = UserFactory.create_batch(5)
    registrations = [register(person, event) for person in people]

    errors = in_parallel([lambda: cancel(registrations[0]) for _ in range(4)])

    assert len(errors) == 3 and all(isinstance(error, RegistrationRefused) for error in errors)
    statuses = list(Registration.objects.filter(event=event).order_by("pk").values_list("status", flat=True))
    assert statuses == ["cancelled", "confirmed", "confirmed", "waiting", "waiting"]


@pytest.mark.django_db(transaction=True)
def test_parallel_cancellations_promote_people_waiting_in_their_order():
    event = EventFactory(capacity=3)
    people = UserFactory.create_batch(7)
    registrations = [register(person, event) for person in people]

    errors = in_parallel([lambda r=r: cancel(r) for r in registrations[:3]])

    assert errors == []
    statuses = list(Registration.objects.filter(event=event).order_by("pk").values_list("status", flat=True))
    assert statuses == ["cancelled"] * 3 + ["confirmed"] * 3 + ["waiting"]
