"""Registration: seats, the waiting list that moves up by itself, refusals that keep everything in place."""

import datetime

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from infitah.events.models import Registration, RegistrationStatus
from infitah.events.registrations import (
    RegistrationRefused,
    cancel,
    change_capacity,
    register,
    waiting_position,
)
from tests.events.factories import EventFactory, RegistrationFactory, in_days
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
CONFIRMED, WAITING, CANCELLED = RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING, RegistrationStatus.CANCELLED


def statuses(event):
    return list(Registration.objects.filter(event=event).order_by("pk").values_list("status", flat=True))


def test_seats_then_the_waiting_list_in_order_of_arrival():
    event = EventFactory(capacity=2)
    people = UserFactory.create_batch(4)
    registrations = [register(person, event) for person in people]

    assert [r.status for r in registrations] == [CONFIRMED, CONFIRMED, WAITING, WAITING]
    assert [waiting_position(r) for r in registrations] == [None, None, 1, 2]


def test_no_capacity_means_everyone_is_confirmed():
    event = EventFactory(capacity=None)
    assert {register(person, event).status for person in UserFactory.create_batch(5)} == {CONFIRMED}


def test_a_cancellation_promotes_the_first_person_waiting_exactly_once(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    first, second, third = UserFactory.create_batch(3)
    seat = register(first, event)
    register(second, event)
    register(third, event)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        promoted = cancel(seat)

    assert [r.user for r in promoted] == [second]
    assert statuses(event) == [CANCELLED, CONFIRMED, WAITING]
    with pytest.raises(RegistrationRefused, match="already cancelled"):
        cancel(seat)
    assert statuses(event) == [CANCELLED, CONFIRMED, WAITING]
    assert [m.to for m in mail.outbox] == [[second.email]]
    assert "تم تأكيد تسجيلك" in mail.outbox[0].subject  # in the person's language: Arabic unless they chose another


def test_cancelling_a_waiting_place_promotes_nobody():
    event = EventFactory(capacity=1)
    register(UserFactory(), event)
    waiting = register(UserFactory(), event)
    assert cancel(waiting) == []
    assert statuses(event) == [CONFIRMED, CANCELLED]


def test_registering_twice_is_refused_and_keeps_the_first_registration():
    event = EventFactory()
    person = UserFactory()
    register(person, event)
    with pytest.raises(RegistrationRefused, match="already registered"):
        register(person, event)
    assert statuses(event) == [CONFIRMED]


def test_after_cancelling_one_may_register_again_at_the_end_of_the_line():
    event = EventFactory(capacity=1)
    person = UserFactory()
    cancel(register(person, event))
    register(UserFactory(), event)
    assert register(person, event).status == WAITING


def test_registration_after_closing_is_refused_with_the_date():
    event = EventFactory(registration_closes_at=timezone.now() - datetime.timedelta(hours=1))
    with pytest.raises(RegistrationRefused, match="Registration closed on"):
        register(UserFactory(), event)
    assert not Registration.objects.exists()


def test_registration_to_a_past_event_is_refused():
    event = EventFactory(starts_at=in_days(-2), ends_at=in_days(-2, 12))
    with pytest.raises(RegistrationRefused, match="closed"):
        register(UserFactory(), event)


def test_capacity_below_the_confirmed_count_is_refused_and_nothing_changes():
    event = EventFactory(capacity=3)
    for person in UserFactory.create_batch(3):
        register(person, event)
    with pytest.raises(RegistrationRefused, match="cannot be lower than the 3 people already confirmed"):
        change_capacity(event, 2)
    event.refresh_from_db()
    assert event.capacity == 3
    event.capacity = 1
    with pytest.raises(ValidationError, match="cannot be lower than the 3"):
        event.full_clean()


def test_raising_the_capacity_promotes_people_waiting():
    event = EventFactory(capacity=1)
    people = UserFactory.create_batch(3)
    for person in people:
        register(person, event)
    promoted = change_capacity(event, 2)
    assert [r.user for r in promoted] == [people[1]]
    assert statuses(event) == [CONFIRMED, CONFIRMED, WAITING]


def test_confirmation_email_carries_an_ics_in_casablanca_time(django_capture_on_commit_callbacks):
    event = EventFactory(online_url="https://meet.example.ma/atelier", format="hybrid")
    person = UserFactory(preferred_language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        register(person, event)

    (message,) = mail.outbox
    assert message.to == [person.email]
    assert "Atelier" in message.subject
    ((name, content, mimetype),) = message.attachments
    assert name.endswith(".ics") and mimetype == "text/calendar"
    calendar = icalendar.Calendar.from_ical(content)
    (entry,) = calendar.walk("VEVENT")
    assert entry["DTSTART"].params["TZID"] == "Africa/Casablanca"
    assert entry.decoded("DTSTART") == timezone.localtime(event.starts_at)
    assert str(entry.decoded("DTSTART").tzinfo) == "Africa/Casablanca"
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Africa/Casablanca"
    assert "https://meet.example.ma/atelier" in entry["DESCRIPTION"]


def test_a_waiting_person_gets_no_ics_and_no_online_link(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1, online_url="https://meet.example.ma/secret", format="hybrid")
    register(UserFactory(), event)
    with django_capture_on_commit_callbacks(execute=True):
        register(UserFactory(), event)
    (message,) = mail.outbox
    assert "لائحة الانتظار" in message.subject
    assert not message.attachments
    assert "secret" not in message.body


def test_reminders_go_the_day_before_once(settings):
    tomorrow = EventFactory(starts_at=in_days(1, 10), ends_at=in_days(1, 12))
    later = EventFactory(starts_at=in_days(3, 10), ends_at=in_days(3, 12))
    confirmed = RegistrationFactory(event=tomorrow)
    RegistrationFactory(event=tomorrow, status=CANCELLED)
    RegistrationFactory(event=later)
    from django.core.management import call_command

    call_command("send_event_reminders")
    call_command("send_event_reminders")

    assert [m.to for m in mail.outbox] == [[confirmed.user.email]]
    assert "تذكير" in mail.outbox[0].subject
