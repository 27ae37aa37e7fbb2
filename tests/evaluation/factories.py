"""Factories for co-evaluation: a framework version with indicators, a campaign with its two assessments."""

import datetime
from decimal import Decimal

import factory

from infitah.core.principles import Principle
from infitah.evaluation.models import (
    Assessment,
    AssessmentStatus,
    Campaign,
    Framework,
    FrameworkIndicator,
    FrameworkStatus,
    Party,
    Score,
)
from tests.factories import CommuneFactory


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework

    version = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: {"ar": f"إطار التقييم {n}", "fr": f"Cadre d'évaluation {n}"})
    status = FrameworkStatus.OPEN
    discrepancy_threshold = Decimal(25)


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FrameworkIndicator

    framework = factory.SubFactory(FrameworkFactory)
    code = factory.Sequence(lambda n: f"indicator-{n}")
    principle = Principle.TRANSPARENCY
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: {"ar": f"المؤشر {n}", "fr": f"Indicateur {n}", "en": f"Indicator {n}"})
    scale_min = 0
    scale_max = 4


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign
        skip_postgeneration_save = True

    framework = factory.SubFactory(FrameworkFactory)
    collectivity = factory.SubFactory(CommuneFactory)
    year = 2024
    opens_on = datetime.date(2025, 1, 15)
    closes_on = datetime.date(2025, 6, 30)

    @factory.post_generation
    def parties(self, create, extracted, **kwargs):
        if create:
            Assessment.objects.get_or_create(campaign=self, party=Party.SELF)
            Assessment.objects.get_or_create(campaign=self, party=Party.INDEPENDENT)


def assessment(campaign, party):
    return Assessment.objects.get(campaign=campaign, party=party)


def score(assessment_, indicator, value, evidence=""):
    return Score.objects.create(assessment=assessment_, indicator=indicator, value=Decimal(value), evidence=evidence)


def submitted(assessment_):
    assessment_.status = AssessmentStatus.SUBMITTED
    assessment_.save(update_fields=["status"])
    return assessment_
