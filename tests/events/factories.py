"""Factories for events (next to tests/factories.py, which holds the foundation's)."""

import datetime

import factory
from django.utils import timezone

from infitah.events.models import AgendaItem, Event, EventFormat, EventKind, Registration, RegistrationStatus
from tests.factories import CommuneFactory, UserFactory


def in_days(days, hour=10, minute=0):
    """An aware local datetime `days` from today at the given time."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    collectivity = factory.SubFactory(CommuneFactory)
    kind = EventKind.WORKSHOP
    format = EventFormat.IN_PERSON
    title = factory.Sequence(lambda n: {"ar": f"ورشة رقم {n}", "fr": f"Atelier n° {n}"})
    description = {"ar": "وصف الورشة", "fr": "Description de l'atelier"}
    place = {"ar": "مقر الجماعة", "fr": "Siège de la commune"}
    starts_at = factory.LazyFunction(lambda: in_days(10, 10, 30))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=3))
    is_published = True


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    event = factory.SubFactory(EventFactory)
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: {"ar": f"فقرة {n}", "fr": f"Point {n}"})


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)
    status = RegistrationStatus.CONFIRMED
