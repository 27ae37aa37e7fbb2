"""Factories for openness programs (next to tests/factories.py, which holds the foundation's)."""

import datetime

import factory

from infitah.programs.models import Axis, Commitment, Milestone, Program
from infitah.programs.phases import Phase
from tests.factories import CommuneFactory


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program

    collectivity = factory.SubFactory(CommuneFactory)
    title = factory.Sequence(lambda n: {"ar": f"برنامج الانفتاح {n}", "fr": f"Programme d'ouverture {n}"})
    summary = {"ar": "ملخص البرنامج", "fr": "Résumé du programme"}
    phase = Phase.DRAFTING


class AxisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Axis

    program = factory.SubFactory(ProgramFactory)
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: {"ar": f"المحور {n}", "fr": f"Axe {n}"})


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    axis = factory.SubFactory(AxisFactory)
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: {"ar": f"الالتزام {n}", "fr": f"Engagement {n}"})
    problem = {"ar": "المشكلة", "fr": "Le problème"}
    description = {"ar": "ما يقوم به الالتزام", "fr": "Ce que fait l'engagement"}
    principles = ["transparency"]
    start_date = datetime.date(2024, 1, 1)
    end_date = datetime.date(2024, 12, 31)


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    commitment = factory.SubFactory(CommitmentFactory)
    title = factory.Sequence(lambda n: {"ar": f"مرحلة {n}", "fr": f"Jalon {n}"})
    due_date = datetime.date(2024, 6, 30)
    deliverable = {"fr": "Livrable"}
