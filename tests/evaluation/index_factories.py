"""Factories of the index part's tests: a framework with indicators, a campaign with both parties' scores, and
index values written in bulk (the dashboard's query pins).

Kept apart from the assessments part's factories (tests/evaluation/factories.py) so that the two parts merge
without conflict."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from infitah.core.principles import Principle
from infitah.evaluation.models import (
    Assessment,
    AssessmentStatus,
    Campaign,
    Framework,
    FrameworkIndicator,
    FrameworkStatus,
    IndexValue,
    IndicatorSource,
    Party,
    Reconciliation,
    Score,
)
from tests.factories import CommuneFactory


class IndexFrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework

    version = factory.Sequence(lambda n: 100 + n)
    title = {"ar": "إطار تقييم الانفتاح", "fr": "Cadre d'évaluation de l'ouverture"}
    method = {"ar": "يحتسب المؤشر من النقاط المتفق عليها.", "fr": "L'indice se calcule à partir des scores convenus."}
    status = FrameworkStatus.OPEN


class IndexIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FrameworkIndicator

    framework = factory.SubFactory(IndexFrameworkFactory)
    code = factory.Sequence(lambda n: f"indicator-{n}")
    principle = Principle.TRANSPARENCY
    title = factory.Sequence(lambda n: {"ar": f"مؤشر {n}", "fr": f"Indicateur {n}"})
    guidance = {"ar": "ما يجب تقييمه", "fr": "Ce qu'il faut évaluer"}
    evidence_expected = {"ar": "محضر الدورة", "fr": "Le procès-verbal"}
    scale_min = 0
    scale_max = 4
    weight = Decimal(1)
    source = IndicatorSource.ENTERED


def framework_with(*specs, **fields):
    """A framework whose indicators are (principle, weight[, source, computed_key, scale_max]) specs."""
    framework = IndexFrameworkFactory(**fields)
    for number, spec in enumerate(specs):
        principle, weight, *rest = spec
        source = rest[0] if rest else IndicatorSource.ENTERED
        key = rest[1] if len(rest) > 1 else ""
        scale_max = rest[2] if len(rest) > 2 else 4
        IndexIndicatorFactory(
            framework=framework,
            code=f"i{number}",
            principle=principle,
            weight=Decimal(str(weight)),
            order=number,
            source=source,
            computed_key=key,
            scale_max=scale_max,
        )
    return framework


def campaign_for(framework, collectivity=None, year=2024):
    return Campaign.objects.create(framework=framework, collectivity=collectivity or CommuneFactory(), year=year)


def assess(campaign, party, scores, submitted=True):
    """The party's assessment with {indicator code: score}; submitted unless told otherwise."""
    assessment = Assessment.objects.create(
        campaign=campaign,
        party=party,
        status=AssessmentStatus.SUBMITTED if submitted else AssessmentStatus.DRAFT,
        submitted_at=timezone.now() if submitted else None,
    )
    indicators = {i.code: i for i in campaign.framework.indicators.all()}
    for code, value in scores.items():
        Score.objects.create(
            assessment=assessment,
            indicator=indicators[code],
            value=Decimal(str(value)),
            evidence=f"evidence of {code}",
            evidence_links=["https://example.org/proof"],
        )
    return assessment


def reconcile(campaign, code, value, justification="Both parties read the minutes again."):
    indicator = campaign.framework.indicators.get(code=code)
    return Reconciliation.objects.create(
        campaign=campaign, indicator=indicator, agreed_value=Decimal(str(value)), justification=justification
    )


SELF, INDEPENDENT = Party.SELF, Party.INDEPENDENT
PRINCIPLES = [p.value for p in Principle]


def index_rows(collectivities, years, framework, value=lambda c, y, p: 50):
    """IndexValue rows (the index and its five sub-scores) for every collectivity and year, in bulk."""
    now = timezone.now()
    rows = [
        IndexValue(
            collectivity=collectivity,
            year=year,
            principle=principle,
            value=Decimal(str(value(collectivity, year, principle))),
            framework=framework,
            inputs={},
            computed_at=now,
        )
        for collectivity in collectivities
        for year in years
        for principle in ["", *PRINCIPLES]
    ]
    IndexValue.objects.bulk_create(rows, batch_size=1000)
    return rows


def a_date(year):
    return datetime.date(year, 6, 1)
