"""Petitions in the platform's search and the open-data catalogue: public petitions only, their public fields and
their counts. Never a signer's name or ID number (not even masked), never a draft."""

from __future__ import annotations

from django.db.models import Count, DateTimeField, Max, QuerySet
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse

from infitah.core.datasets import Column
from infitah.petitions import statistics
from infitah.petitions.models import Petition


def petition_url(petition: Petition) -> str:
    return reverse("petitions:petition", args=[petition.pk])


def search_rows() -> QuerySet[Petition]:
    return statistics.public_petitions().order_by("pk")


def dataset_rows() -> QuerySet[Petition]:
    return (
        statistics.public_petitions()
        .select_related("collectivity", "association")
        .annotate(signature_count=Count("signatures"))
        .order_by("pk")
    )


def last_updated():
    """When a public petition last changed or was last signed (its count of signatures is a column), in one query.
    A withdrawn signature leaves no date: the count it lowers shows at the next change."""
    changed = Max("updated_at")
    return statistics.public_petitions().aggregate(
        last=Greatest(
            changed,
            Coalesce(Max("signatures__created_at"), changed, output_field=DateTimeField()),
            output_field=DateTimeField(),
        )
    )["last"]


def _day(value) -> str:
    return value.isoformat() if value else ""


COLUMNS = (
    Column("id", lambda p: p.pk),
    Column("collectivity", lambda p: p.collectivity.code),
    Column("kind", lambda p: p.kind),
    Column("association", lambda p: str(p.association) if p.association_id else ""),
    Column("title", lambda p: p.title),
    Column("subject", lambda p: p.subject),
    Column("stage", lambda p: p.stage),
    Column("opened_on", lambda p: _day(p.opened_on)),
    Column("signatures", lambda p: p.signature_count),
    Column("deposited_on", lambda p: _day(p.deposited_on)),
    Column("receipt_number", lambda p: p.receipt_number or ""),
    Column("signatures_at_deposit", lambda p: p.signatures_at_deposit if p.signatures_at_deposit is not None else ""),
    Column("admissibility_on", lambda p: _day(p.admissibility_on)),
    Column("admissibility_reasons", lambda p: p.admissibility_reasons),
    Column("session_month", lambda p: _day(p.session_month)),
    Column("committee", lambda p: p.committee),
    Column("decision", lambda p: p.decision),
    Column("decision_on", lambda p: _day(p.decision_on)),
    Column("withdrawn_on", lambda p: _day(p.withdrawn_on)),
    Column("is_illustrative", lambda p: p.is_illustrative),
)
