"""Co-evaluation in the API: the published assessment frameworks with their indicators, the submitted assessments
with their scores and evidence, the reconciled scores, and the openness index values.

An assessment is private to its party until submitted: a draft is never listed, nor are its scores. A framework
still in draft is never listed either. No person is named: assessments say which verified associations carried
them, never who typed or submitted them. Every answer costs a fixed number of queries (tests/evaluation/test_api.py).
"""

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema

from infitah.accounts.models import Association
from infitah.api.problems import Code, Id, first_or_404
from infitah.api.routers import AppRouter
from infitah.api.schemas import AssociationRef, Translated
from infitah.core.principles import Principle
from infitah.core.visibility import all_visible
from infitah.evaluation.models import (
    Assessment,
    AssessmentStatus,
    Framework,
    FrameworkStatus,
    IndexValue,
    IndicatorSource,
    Party,
    Reconciliation,
    Score,
)

router = AppRouter("evaluation", tags=["co-evaluation"])

# The year column is a small positive integer; a version number too.
Year = Annotated[int, Field(ge=1, le=32767)]
Version = Annotated[int, Field(ge=1, le=32767)]
IndexPrinciple = Literal[
    "index", "transparency", "accountability", "access_to_information", "citizen_participation", "digitalisation"
]


class FrameworkIndicatorOut(Schema):
    code: str
    principle: Principle
    order: int
    title: Translated
    guidance: Translated
    evidence_expected: Translated
    scale_min: int
    scale_max: int
    weight: Decimal
    source: IndicatorSource
    computed_key: str = Field(description="For a computed indicator: the platform's measure it is computed from")


class FrameworkOut(Schema):
    version: int
    title: Translated
    method: Translated = Field(description="How scores become the index, as published with the index")
    status: FrameworkStatus
    discrepancy_threshold: Decimal = Field(description="Points out of 100 beyond which two scores are reconciled")
    indicators: list[FrameworkIndicatorOut]

    @staticmethod
    def resolve_indicators(obj: Framework) -> list:
        return list(obj.indicators.all())


class ScoreOut(Schema):
    indicator: str = Field(description="The indicator's code in the framework")
    value: Decimal = Field(description="On the indicator's scale")
    evidence: str
    evidence_links: list[str]

    @staticmethod
    def resolve_indicator(obj: Score) -> str:
        return obj.indicator.code


class AssessmentOut(Schema):
    id: int
    campaign_id: int
    collectivity_code: str
    year: int
    framework_version: int
    party: Party
    associations: list[AssociationRef] = Field(description="For the independent assessment: who carried it")
    submitted_at: datetime | None
    scores: list[ScoreOut]

    @staticmethod
    def resolve_collectivity_code(obj: Assessment) -> str:
        return obj.campaign.collectivity.code

    @staticmethod
    def resolve_year(obj: Assessment) -> int:
        return obj.campaign.year

    @staticmethod
    def resolve_framework_version(obj: Assessment) -> int:
        return obj.campaign.framework.version

    @staticmethod
    def resolve_associations(obj: Assessment) -> list[Association]:
        return all_visible(None, obj.associations.all())

    @staticmethod
    def resolve_scores(obj: Assessment) -> list[Score]:
        return list(obj.scores.all())


class ReconciliationOut(Schema):
    id: int
    campaign_id: int
    collectivity_code: str
    year: int
    indicator: str = Field(description="The indicator's code in the framework")
    agreed_value: Decimal = Field(description="The agreed score, on the indicator's scale")
    justification: str
    created_at: datetime

    @staticmethod
    def resolve_collectivity_code(obj: Reconciliation) -> str:
        return obj.campaign.collectivity.code

    @staticmethod
    def resolve_year(obj: Reconciliation) -> int:
        return obj.campaign.year

    @staticmethod
    def resolve_indicator(obj: Reconciliation) -> str:
        return obj.indicator.code


class IndexValueOut(Schema):
    collectivity_code: str
    year: int
    principle: IndexPrinciple = Field(description="A principle's sub-score, or index for the openness index itself")
    value: Decimal = Field(description="From 0 to 100")
    framework_version: int
    campaign_id: int | None
    computed_at: datetime

    @staticmethod
    def resolve_collectivity_code(obj: IndexValue) -> str:
        return obj.collectivity.code

    @staticmethod
    def resolve_principle(obj: IndexValue) -> str:
        return obj.principle or "index"

    @staticmethod
    def resolve_framework_version(obj: IndexValue) -> int:
        return obj.framework.version


def _frameworks() -> QuerySet[Framework]:
    return Framework.objects.exclude(status=FrameworkStatus.DRAFT).prefetch_related("indicators")


@router.paged(
    "frameworks",
    FrameworkOut,
    summary="The published assessment frameworks, with their indicators",
    ordering={"id": "pk", "version": "version", "created": "created_at"},
)
def list_frameworks(request: HttpRequest) -> QuerySet[Framework]:
    return _frameworks().order_by("-version")


@router.one("frameworks/{version}", FrameworkOut, summary="One version of the assessment framework")
def get_framework(request: HttpRequest, version: Version) -> Framework:
    detail = _("There is no published assessment framework with the version %(version)s.") % {"version": version}
    return first_or_404(_frameworks().filter(version=version), detail)


def _assessments() -> QuerySet[Assessment]:
    """Submitted assessments only: a draft is its party's own."""
    return (
        Assessment.objects.filter(status=AssessmentStatus.SUBMITTED)
        .select_related("campaign__collectivity", "campaign__framework")
        .prefetch_related(
            "associations",
            Prefetch("scores", queryset=Score.objects.select_related("indicator").order_by("indicator__code")),
        )
    )


@router.paged(
    "assessments",
    AssessmentOut,
    summary="Submitted assessments, with their scores and evidence",
    ordering={"id": "pk", "year": "campaign__year", "submitted_at": "submitted_at", "created": "created_at"},
)
def list_assessments(
    request: HttpRequest,
    collectivity: Code | None = Query(None, description="Only the assessments of the collectivity with this code"),
    year: Year | None = Query(None, description="Only the assessments of this year"),
    party: Party | None = None,
) -> QuerySet[Assessment]:
    queryset = _assessments()
    if collectivity:
        queryset = queryset.filter(campaign__collectivity__code=collectivity)
    if year:
        queryset = queryset.filter(campaign__year=year)
    if party:
        queryset = queryset.filter(party=party)
    return queryset.order_by("campaign__year", "campaign_id", "party", "pk")


@router.one("assessments/{assessment_id}", AssessmentOut, summary="One submitted assessment, with its scores")
def get_assessment(request: HttpRequest, assessment_id: Id) -> Assessment:
    detail = _("There is no submitted assessment with the id %(id)s.") % {"id": assessment_id}
    return first_or_404(_assessments().filter(pk=assessment_id), detail)


@router.paged(
    "reconciliations",
    ReconciliationOut,
    summary="Scores the two parties reconciled, with the reasons",
    ordering={"id": "pk", "year": "campaign__year", "created": "created_at"},
)
def list_reconciliations(
    request: HttpRequest,
    collectivity: Code | None = Query(None, description="Only the reconciliations of the collectivity with this code"),
    year: Year | None = Query(None, description="Only the reconciliations of this year"),
) -> QuerySet[Reconciliation]:
    queryset = Reconciliation.objects.select_related("campaign__collectivity", "indicator")
    if collectivity:
        queryset = queryset.filter(campaign__collectivity__code=collectivity)
    if year:
        queryset = queryset.filter(campaign__year=year)
    return queryset.order_by("campaign__year", "campaign_id", "indicator__code", "pk")


@router.paged(
    "index-values",
    IndexValueOut,
    summary="The openness index and its sub-scores per member and year",
    ordering={"id": "pk", "year": "year", "value": "value", "computed_at": "computed_at"},
)
def list_index_values(
    request: HttpRequest,
    collectivity: Code | None = Query(None, description="Only the values of the collectivity with this code"),
    year: Year | None = Query(None, description="Only the values of this year"),
    principle: IndexPrinciple | None = Query(None, description="Only this principle's sub-scores, or index"),
) -> QuerySet[IndexValue]:
    queryset = IndexValue.objects.select_related("collectivity", "framework")
    if collectivity:
        queryset = queryset.filter(collectivity__code=collectivity)
    if year:
        queryset = queryset.filter(year=year)
    if principle:
        queryset = queryset.filter(principle="" if principle == "index" else principle)
    return queryset.order_by("year", "collectivity__code", "principle")
