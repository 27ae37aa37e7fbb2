"""Public, read-only data of petitions under /api/v1/: the public petitions (never drafts) with their filters, one
petition with its history and its public counts (signatures in all and per prefecture/province, the threshold and
what is still missing), and the statistics. Never a signer's identity: no name, no ID number, not even masked;
not the agent's name either. Each answer costs a fixed number of queries (tests/petitions/test_api.py).
"""

import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema

from infitah.api.problems import Code, Id, Words, documented, first_or_404
from infitah.api.routers import AppRouter
from infitah.api.schemas import Translated
from infitah.petitions import counting, services, states, statistics, thresholds
from infitah.petitions.models import Petition, PetitionKind, Stage
from infitah.petitions.public_views import filtered, listed
from infitah.territories.models import Collectivity, CollectivityKind

REGION = CollectivityKind.REGION

router = AppRouter("petitions", tags=["petitions"])


class PetitionOut(Schema):
    id: int
    collectivity_code: str = Field(description="Code of the council petitioned")
    kind: PetitionKind
    title: str
    subject: str
    stage: Stage
    signatures: int = Field(description="Signatures counted now (an association's petition collects none)")
    opened_on: datetime.date | None
    deposited_on: datetime.date | None
    receipt_number: str | None
    admissibility_on: datetime.date | None
    session_month: datetime.date | None = Field(description="First day of the ordinary session's month")
    decision: str = Field(description="accepted, rejected, or empty while the council has not decided")
    decision_on: datetime.date | None
    is_illustrative: bool
    url: str

    @staticmethod
    def resolve_collectivity_code(obj: Petition) -> str:
        return obj.collectivity.code

    @staticmethod
    def resolve_signatures(obj: Petition) -> int:
        return obj.signature_count  # type: ignore[attr-defined]  # annotated by public_views.listed

    @staticmethod
    def resolve_url(obj: Petition) -> str:
        from infitah.petitions.open_data import petition_url

        return petition_url(obj)


class StageOut(Schema):
    act: str
    stage_from: str
    stage_to: Stage
    on: datetime.date


class ProvinceCount(Schema):
    code: str
    name: Translated
    signatures: int
    minimum: int = Field(description="Signatures required in this prefecture/province (0: no such rule)")
    missing: int


class CountsOut(Schema):
    total: int
    required: int | None = Field(description="The threshold; null when it cannot be computed (population unknown)")
    missing: int | None = Field(description="Signatures still missing in all; null when the threshold is unknown")
    threshold_source: str = Field(description="The legal source of the threshold")
    met: bool | None
    per_province: list[ProvinceCount]
    outside_provinces: int = Field(description="Signers who declared an activity rather than residence, and others")


class PetitionDetailOut(PetitionOut):
    reasons: str
    objectives: str
    admissibility_reasons: str = Field(description="The bureau's reasoned notice of inadmissibility")
    committee: str
    decision_text: str
    notice_due: datetime.date | None = Field(description="Last day of the bureau's legal time to rule")
    ruling_overdue: bool
    history: list[StageOut]
    counts: CountsOut | None = Field(description="Null for an association's petition (it collects no signatures)")


class StatisticsOut(Schema):
    total: int
    by_kind: dict[str, int]
    by_stage: dict[str, int]
    by_outcome: dict[str, int] = Field(description="accepted and rejected by the council, inadmissible by the bureau")
    acceptance_rate: float | None = Field(description="Accepted among decided, 0 to 1; null when none was decided")
    median_days_to_decision: float | None
    overdue_rulings: int
    ruled_in_time_share: float | None


@router.get(
    "petitions/statistics",
    response=documented(200, StatisticsOut),
    summary="Petitions in numbers, network-wide or per council",
)
def petition_statistics(
    request: HttpRequest,
    collectivity: Code | None = Query(None, description="Only the petitions to the council with this code"),
) -> statistics.Statistics:
    chosen = Collectivity.objects.filter(code=collectivity).first() if collectivity else None
    if collectivity and chosen is None:
        return statistics.Statistics(total=0)
    return statistics.network_statistics(chosen.pk if chosen else None, timezone.localdate())


@router.paged("petitions", PetitionOut, summary="Public petitions, newest first", ordering={"created": "created_at"})
def list_petitions(
    request: HttpRequest,
    collectivity: Code | None = Query(None, description="Only the petitions to the council with this code"),
    kind: PetitionKind | None = None,
    stage: Stage | None = Query(None, description="Drafts are never listed"),
    year: int | None = Query(
        None, ge=2015, le=2100, description="Made public in this year (opened for signatures, or deposited)"
    ),
    q: Words | None = Query(None, description="Words of the title or subject"),
) -> QuerySet[Petition]:
    petitions = filtered(listed(), {"q": q, "kind": kind, "stage": stage, "year": year})
    return petitions.filter(collectivity__code=collectivity) if collectivity else petitions


def _counts(petition: Petition) -> dict | None:
    """The public counts (four queries): what counting.progress computes, with the per-province rows beside."""
    if petition.kind != states.CITIZENS:
        return None
    counts = counting.counts_by_province(petition)
    band = counting.band_of(petition.collectivity, timezone.localdate())
    provinces = counting.provinces_of(petition.collectivity) if petition.collectivity.kind == REGION else []
    checked = [province.pk for province in provinces] if band and band.province_share else []
    shortfall = thresholds.shortfall(band, counts, checked) if band else None
    rows = [
        {
            "code": province.code,
            "name": province.name,
            "signatures": counts.get(province.pk, 0),
            "minimum": shortfall.per_province_minimum if shortfall else 0,
            "missing": shortfall.missing_in_provinces.get(province.pk, 0) if shortfall else 0,
        }
        for province in provinces
    ]
    inside = {province.pk for province in provinces}
    return {
        "total": sum(counts.values()),
        "required": band.signatures if band else None,
        "missing": shortfall.missing if shortfall else None,
        "threshold_source": band.source if band else "",
        "met": shortfall.met if shortfall else None,
        "per_province": rows,
        "outside_provinces": sum(n for pk, n in counts.items() if pk not in inside) if provinces else 0,
    }


@router.one("petitions/{petition_id}", PetitionDetailOut, summary="One public petition with its history and counts")
def get_petition(request: HttpRequest, petition_id: Id) -> Petition:
    petition = first_or_404(
        listed().filter(pk=petition_id).prefetch_related("events"),
        _("There is no public petition with the id %(id)s.") % {"id": petition_id},
    )
    due = services.notice_due(petition)
    petition.notice_due = due  # type: ignore[attr-defined]
    petition.ruling_overdue = states.is_overdue(petition.stage, due, timezone.localdate())  # type: ignore[attr-defined]
    petition.history = [  # type: ignore[attr-defined]
        {"act": e.act, "stage_from": e.stage_from, "stage_to": e.stage_to, "on": e.on} for e in petition.events.all()
    ]
    petition.counts = _counts(petition)  # type: ignore[attr-defined]
    return petition
