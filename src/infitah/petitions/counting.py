"""How far a petition is from its threshold: the bands in force, signatures counted per province, the shortfall.

Read-only: the counts the public page, the API, the bureau's queue and the deposit check share.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from infitah.petitions import thresholds
from infitah.petitions.models import Petition, Signature, ThresholdRule
from infitah.territories.models import Collectivity, CollectivityKind


def bands() -> list[thresholds.Band]:
    """The thresholds in force as the administrator keeps them (the shipped ones until edited)."""
    return [rule.as_band() for rule in ThresholdRule.objects.all()]


def band_of(collectivity: Collectivity, on: datetime.date) -> thresholds.Band | None:
    return thresholds.band_for(
        collectivity.kind,
        collectivity.population,
        has_arrondissements=collectivity.has_arrondissements,
        on=on,
        bands=bands(),
    )


def counts_by_province(petition: Petition) -> dict[int | None, int]:
    """Signatures per prefecture/province id (None: signers who declared an activity, or a commune outside one)."""
    rows = Signature.objects.filter(petition=petition).values("province").annotate(n=Count("pk")).order_by()
    return {row["province"]: row["n"] for row in rows}


def provinces_of(region: Collectivity) -> list[Collectivity]:
    return list(Collectivity.objects.filter(parent=region, kind=CollectivityKind.PROVINCE).order_by("code"))


@dataclass(frozen=True)
class Progress:
    """A petition's signatures against its threshold (band None: the threshold cannot be computed, e.g. the
    collectivity's population is unknown)."""

    band: thresholds.Band | None
    shortfall: thresholds.Shortfall | None
    counted: int


def progress(petition: Petition, on: datetime.date | None = None) -> Progress:
    counts = counts_by_province(petition)
    counted = sum(counts.values())
    band = band_of(petition.collectivity, on or timezone.localdate())
    if band is None:
        return Progress(None, None, counted)
    provinces = [p.pk for p in provinces_of(petition.collectivity)] if band.province_share else []
    return Progress(band, thresholds.shortfall(band, counts, provinces), counted)
