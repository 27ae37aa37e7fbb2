"""Practices in every status, made through the model (the services are under test elsewhere)."""

import datetime

import factory
from django.utils import timezone

from infitah.practices.models import Adoption, Practice
from infitah.practices.states import Status
from tests.factories import CommuneFactory
from tests.programs.factories import AxisFactory, CommitmentFactory, ProgramFactory

PUBLISHED_AT = datetime.datetime(2024, 5, 6, 10, 0, tzinfo=datetime.UTC)


class PracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Practice

    collectivity = factory.SubFactory(CommuneFactory)
    title = factory.Sequence(lambda n: {"ar": f"ممارسة فضلى {n}", "fr": f"Bonne pratique {n}"})
    summary = {"ar": "ورشات للخلق المشترك مع الجمعيات", "fr": "Ateliers de co-création avec les associations"}
    principles = ["citizen_participation"]
    status = Status.DRAFT


def practice_in(collectivity, status=Status.DRAFT, **fields):
    if status == Status.PUBLISHED:
        fields.setdefault("published_at", PUBLISHED_AT)
    return PracticeFactory(collectivity=collectivity, status=status, **fields)


def commitment_of(collectivity):
    """A commitment of a public program of `collectivity`."""
    program = ProgramFactory(collectivity=collectivity)
    return CommitmentFactory(axis=AxisFactory(program=program))


def adoption_of(practice, collectivity, commitment=None):
    return Adoption.objects.create(
        practice=practice,
        collectivity=collectivity,
        commitment=commitment or commitment_of(collectivity),
        declared_at=timezone.now(),
    )
