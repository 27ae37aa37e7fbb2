"""Openness-index indicators: what each app measures of a collectivity's openness, registered through its capability.

An `Indicator` belongs to one of the five principles and computes, for many collectivities at once (a fixed number of
queries, whatever their number), a value per collectivity. The openness index (the co-evaluation issue) combines
the registered indicators with the assessments of civil society, so a later app adds its measures by declaring.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from infitah.core.capabilities import accepts
from infitah.core.principles import Principle


@dataclass(frozen=True)
class Indicator:
    key: str  # "<app label>.<what>", stable
    principle: Principle
    title: Any  # lazy translation
    # collectivity ids -> {collectivity id: value}; a collectivity with nothing to measure is left out (no value,
    # not zero: "no consultation held" is not "no contribution answered").
    compute: Callable[[Iterable[int]], dict[int, float]]
    unit: str = "share"  # "share" (0 to 1), "count" or "yes/no" (1 or 0)


_indicators: dict[str, Indicator] = {}


def register_indicator(indicator: Indicator) -> None:
    _indicators[indicator.key] = indicator


accepts(Indicator, register_indicator)


def indicators(principle: Principle | None = None) -> list[Indicator]:
    chosen = [i for i in _indicators.values() if principle is None or i.principle == principle]
    return sorted(chosen, key=lambda indicator: indicator.key)


def measure(collectivity_ids: Iterable[int]) -> dict[str, dict[int, float]]:
    """Every indicator's values for these collectivities."""
    ids = list(collectivity_ids)
    return {indicator.key: indicator.compute(ids) for indicator in indicators()}
