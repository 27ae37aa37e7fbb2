"""Reads the core answers for every app: the public holidays that working-day deadlines skip."""

from collections.abc import Iterable
from datetime import date

from django.core.cache import cache

from infitah.core.models import HOLIDAY_CORRECTIONS_CACHE_KEY, HolidayCorrection
from infitah.core.workdays import moroccan_holidays

Corrections = list[tuple[date, str]]


def _corrections() -> Corrections:
    """Every correction as (date, kind): one query, then the shared cache until a correction changes."""
    corrections: Corrections | None = cache.get(HOLIDAY_CORRECTIONS_CACHE_KEY)
    if corrections is None:
        corrections = list(HolidayCorrection.objects.values_list("date", "kind"))
        cache.set(HOLIDAY_CORRECTIONS_CACHE_KEY, corrections, timeout=None)
    return corrections


def holidays_for(years: Iterable[int]) -> set[date]:
    """Morocco's public holidays in `years`: the `holidays` package's dates, minus those an administrator
    removed, plus those an administrator added (see `HolidayCorrection`)."""
    wanted = set(years)
    days = moroccan_holidays(wanted)
    for day, kind in _corrections():
        if day.year not in wanted:
            continue
        if kind == HolidayCorrection.Kind.REMOVED:
            days.discard(day)
        else:
            days.add(day)
    return days
