"""Factories for training (next to tests/factories.py and tests/events/factories.py)."""

import factory

from infitah.events.models import EventKind
from infitah.training.models import Audience, Course, CourseSession, Enrolment
from tests.events.factories import EventFactory, RegistrationFactory, in_days


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    collectivity = None
    title = factory.Sequence(lambda n: {"ar": f"دورة رقم {n}", "fr": f"Cours n° {n}"})
    description = {"ar": "وصف الدورة", "fr": "Description du cours"}
    audience = Audience.BOTH
    is_published = True


def training_event(collectivity, days=-10, **fields):
    return EventFactory(
        collectivity=collectivity,
        kind=EventKind.TRAINING,
        starts_at=in_days(days, 10),
        ends_at=in_days(days, 12),
        **fields,
    )


def session(course, days=-10, **fields):
    event = training_event(course.collectivity, days, **fields)
    CourseSession.objects.create(course=course, event=event)
    return event


def attended(event, user, came=True):
    return RegistrationFactory(event=event, user=user, attended=came)


def enrolment(course, user, **fields):
    return Enrolment.objects.create(course=course, user=user, **fields)
