"""How progress adds up (pure: plain values in, plain values out).

A milestone's progress is its latest update's percentage. A commitment with milestones progresses as the weighted
mean of its milestones (a milestone never updated counts 0); a commitment without milestones as its own latest
update. An axis and a program progress as the plain mean of their commitments: each commitment counts once,
whatever its number of milestones.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Reading:
    """One update, reduced to what the arithmetic needs."""

    as_of: date
    percent: int
    order: int = 0  # breaks ties between updates of the same day: the later written wins


def latest(readings: Iterable[Reading]) -> Reading | None:
    """The update that states the current progress: the latest date, then the latest written."""
    return max(readings, key=lambda reading: (reading.as_of, reading.order), default=None)


def weighted_percent(parts: Sequence[tuple[float, int]]) -> float:
    """The weighted mean of (percent, weight) pairs; 0 when nothing weighs."""
    total = sum(weight for _percent, weight in parts if weight > 0)
    if total == 0:
        return 0.0
    return sum(percent * weight for percent, weight in parts if weight > 0) / total


def commitment_percent(
    milestone_keys: Sequence[Any],
    milestone_readings: Mapping[Any, Reading | None],
    weights: Mapping[Any, int],
    own_reading: Reading | None,
) -> float:
    """A commitment's progress from its milestones (weighted), else from its own latest update."""
    if not milestone_keys:
        return float(own_reading.percent) if own_reading else 0.0
    parts = []
    for key in milestone_keys:
        reading = milestone_readings.get(key)
        parts.append((float(reading.percent) if reading else 0.0, weights.get(key, 1)))
    return weighted_percent(parts)


def mean_percent(percents: Sequence[float]) -> float | None:
    """An axis's or a program's progress; None when it has no commitment."""
    if not percents:
        return None
    return sum(percents) / len(percents)


def decrease_needs_reason(previous_percent: int | None, new_percent: int) -> bool:
    """Progress may go down (a deliverable withdrawn, an estimate corrected) but only with a stated reason."""
    return previous_percent is not None and new_percent < previous_percent


def is_overdue(due: date | None, percent: float, today: date) -> bool:
    """A milestone is overdue once its due date has passed and it is not complete."""
    return due is not None and due < today and percent < 100


def semester_of(day: date) -> tuple[int, int]:
    """(year, semester) of a date: January–June is the first semester, July–December the second."""
    return day.year, 1 if day.month <= 6 else 2


def semester_bounds(year: int, semester: int) -> tuple[date, date]:
    """The first and last day of a semester."""
    if semester == 1:
        return date(year, 1, 1), date(year, 6, 30)
    return date(year, 7, 1), date(year, 12, 31)
