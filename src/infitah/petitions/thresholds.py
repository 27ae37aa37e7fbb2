"""How many signatures a citizens' petition needs (LAW.md; organic laws 111-14, 112-14, 113-14).

Pure. The bands are data with effective dates and sources (`Band`): the shipped ones below seed the `ThresholdRule`
table, which an administrator edits when the law or its reading changes; the functions take whichever bands they
are given, so the pages compute from the table and the tests from plain values.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.utils.translation import gettext_noop

REGION, PROVINCE, COMMUNE = "region", "province", "commune"

# The legal sources as the shipped bands name them, marked for translation: a page shows a band's source in the
# reader's language when it is one of these (an administrator's own wording is shown as written).
SOURCE_REGIONS = gettext_noop("Organic law 111-14, arts. 120–122")
SOURCE_PROVINCES = gettext_noop("Organic law 112-14, arts. 114–116")
SOURCE_COMMUNES = gettext_noop("Organic law 113-14, arts. 121–125")

# The organic laws on territorial collectivities were published in the Bulletin officiel of 23 July 2015.
ORGANIC_LAWS_PUBLISHED = datetime.date(2015, 7, 23)


@dataclass(frozen=True)
class Band:
    """One line of the law: petitions to a collectivity of `kind` whose population lies within
    [population_min, population_max] (bounds inclusive, None: unbounded) need `signatures`; a region's also need
    `province_share` % of that number resident in each of its prefectures/provinces. `arrondissements`: None for
    any commune, True/False to apply only to communes with/without arrondissements."""

    kind: str
    signatures: int
    source: str
    population_min: int | None = None
    population_max: int | None = None
    arrondissements: bool | None = None
    province_share: int = 0
    effective_from: datetime.date = ORGANIC_LAWS_PUBLISHED
    to_verify: bool = False

    def applies(self, kind: str, population: int | None, has_arrondissements: bool, on: datetime.date) -> bool:
        if self.kind != kind or self.effective_from > on:
            return False
        if self.arrondissements is not None and self.arrondissements != has_arrondissements:
            return False
        if self.population_min is None and self.population_max is None:
            return True
        if population is None:
            return False
        low = self.population_min if self.population_min is not None else 0
        return low <= population and (self.population_max is None or population <= self.population_max)


SHIPPED_BANDS: tuple[Band, ...] = (
    Band(REGION, 300, SOURCE_REGIONS, population_max=999_999, province_share=5),
    Band(
        REGION,
        400,
        SOURCE_REGIONS,
        population_min=1_000_000,
        population_max=3_000_000,
        province_share=5,
    ),
    Band(REGION, 500, SOURCE_REGIONS, population_min=3_000_001, province_share=5),
    Band(PROVINCE, 300, SOURCE_PROVINCES, to_verify=True),
    Band(COMMUNE, 400, SOURCE_COMMUNES, arrondissements=True, to_verify=True),
    Band(COMMUNE, 100, SOURCE_COMMUNES, population_max=34_999, arrondissements=False),
    Band(COMMUNE, 200, SOURCE_COMMUNES, population_min=35_000, arrondissements=False),
)


def band_for(
    kind: str,
    population: int | None,
    *,
    has_arrondissements: bool = False,
    on: datetime.date,
    bands: Iterable[Band] = SHIPPED_BANDS,
) -> Band | None:
    """The band in force on `on` for this collectivity (the latest effective one wins), or None when the law's
    rule cannot be applied (population unknown for a kind whose threshold depends on it)."""
    matching = [band for band in bands if band.applies(kind, population, has_arrondissements, on)]
    return max(matching, key=lambda band: band.effective_from, default=None)


def province_minimum(required: int, share_percent: int) -> int:
    """Signatures needed in each prefecture/province: `share_percent` of the total, rounded up (5% of 300 is 15)."""
    return math.ceil(required * share_percent / 100) if share_percent else 0


Province = TypeVar("Province", bound=Hashable | None)


@dataclass(frozen=True)
class Shortfall:
    """What a petition still lacks: signatures in all, and per prefecture/province (only those short)."""

    required: int
    counted: int
    per_province_minimum: int
    missing_in_provinces: Mapping[Any, int] = field(default_factory=dict)

    @property
    def missing(self) -> int:
        return max(self.required - self.counted, 0)

    @property
    def met(self) -> bool:
        return self.missing == 0 and not self.missing_in_provinces


def shortfall(band: Band, counts: Mapping[Province, int], provinces: Sequence[Province] = ()) -> Shortfall:
    """Compare the signatures counted per prefecture/province (`counts`; signers declaring an activity rather than a
    residence count under None) with the band; `provinces` are all the region's prefectures/provinces, so one with
    no signature at all is short too."""
    minimum = province_minimum(band.signatures, band.province_share)
    missing: dict[Province, int] = {}
    if minimum:
        for province in provinces:
            short = minimum - counts.get(province, 0)
            if short > 0:
                missing[province] = short
    return Shortfall(band.signatures, sum(counts.values()), minimum, missing)
