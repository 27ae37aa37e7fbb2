"""The openness index arithmetic (pure): from indicator values to principle sub-scores and a member's index.

The rules, in the order they apply (the method page says the same in words):

1. **Every indicator is brought to 0–100.** An entered indicator counts the score `scoring.counted_value` settles
   (a reconciled score, or the two parties' mean within the threshold, or the single party's score) brought to
   0–100 on its scale (`scoring.on_100`). A computed indicator takes the platform's measure
   (`core.indicators.measure`) by its unit: a *share* (0 to 1) is multiplied by 100; a *yes/no* counts 100 for yes
   and 0 for no; a *count* is placed on the indicator's scale — clipped to the scale's lowest and highest, then
   brought to 0–100 like a score (a count at or above the scale's highest counts 100). Anything outside 0–100
   after this is clipped to 0–100.
2. **A principle's sub-score** is the weighted mean of its indicators that have a value. An indicator without a
   value (not scored, not settled, nothing to measure) is left out and its weight is shared by the others; the
   page says how many were missing. An indicator of weight 0 is ignored. A principle none of whose weighted
   indicators has a value has no sub-score.
3. **The index** is the mean of the principle sub-scores that exist, each weighted by the framework's weight of
   the principle: the sum of the weights of all its indicators (with a value or not). So a principle weighs in
   the index what the framework gave it, whatever is missing inside it. A member with no sub-score has no index.
4. Figures are rounded to 2 decimals (half up) at the end only: the index is computed from unrounded sub-scores.

Property (tested with hypothesis): every figure lies within 0–100, and raising any one indicator's value never
lowers its principle's sub-score nor the index (each is a weighted mean with weights that do not depend on values).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from infitah.evaluation.scoring import on_100

SHARE, YES_NO, COUNT = "share", "yes/no", "count"
UNITS = (SHARE, YES_NO, COUNT)


def clip(value: float, low: float = 0.0, high: float = 100.0) -> float:
    return min(max(value, low), high)


def entered_on_100(counted: float | None, scale_min: int, scale_max: int) -> float | None:
    """An entered indicator's counted score (on its scale) on 0–100; None stays None (no value)."""
    if counted is None:
        return None
    return clip(on_100(counted, scale_min, scale_max))


def computed_on_100(measured: float | None, unit: str, scale_min: int, scale_max: int) -> float | None:
    """A computed indicator's measure on 0–100, by the unit of the registered indicator (rule 1)."""
    if measured is None:
        return None
    if unit == SHARE:
        return clip(float(measured) * 100.0)
    if unit == YES_NO:
        return 100.0 if float(measured) >= 0.5 else 0.0
    if unit == COUNT:
        return clip(on_100(clip(float(measured), scale_min, scale_max), scale_min, scale_max))
    raise ValueError(f"unknown unit of a computed indicator: {unit!r}")


@dataclass(frozen=True)
class IndicatorValue:
    """One indicator of a framework, with its value brought to 0–100 (None: it has none)."""

    code: str
    principle: str
    weight: float
    value: float | None


@dataclass(frozen=True)
class PrincipleScore:
    principle: str
    value: float | None  # unrounded; None: no sub-score
    weight: float  # the framework's weight of the principle (all its indicators)
    counted: int  # weighted indicators with a value
    missing: int  # weighted indicators without a value

    @property
    def rounded(self) -> Decimal | None:
        return round_2(self.value)


@dataclass(frozen=True)
class IndexResult:
    value: float | None  # unrounded
    principles: dict[str, PrincipleScore] = field(default_factory=dict)

    @property
    def rounded(self) -> Decimal | None:
        return round_2(self.value)


def round_2(value: float | None) -> Decimal | None:
    """Half up to 2 decimals, through the decimal text of the float (so 12.345 gives 12.35)."""
    if value is None:
        return None
    return Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def weighted_mean(pairs: Iterable[tuple[float, float]]) -> float | None:
    """Σ weight × value / Σ weight over (weight, value) pairs of positive weight; None without any."""
    total_weight = 0.0
    total = 0.0
    for weight, value in pairs:
        if weight > 0:
            total_weight += weight
            total += weight * value
    if total_weight <= 0:
        return None
    return clip(total / total_weight)


def principle_score(principle: str, indicators: Sequence[IndicatorValue]) -> PrincipleScore:
    """Rule 2, for the indicators of one principle."""
    weighted = [i for i in indicators if i.weight > 0]
    present = [(i.weight, i.value) for i in weighted if i.value is not None]
    return PrincipleScore(
        principle=principle,
        value=weighted_mean((weight, float(value)) for weight, value in present if value is not None),
        weight=sum(i.weight for i in weighted),
        counted=len(present),
        missing=len(weighted) - len(present),
    )


def compute(indicators: Sequence[IndicatorValue], principles: Sequence[str] | None = None) -> IndexResult:
    """Rules 2 and 3: the sub-score of each principle (in `principles` order, or first seen) and the index."""
    order = list(principles) if principles is not None else list(dict.fromkeys(i.principle for i in indicators))
    scores = {p: principle_score(p, [i for i in indicators if i.principle == p]) for p in order}
    value = weighted_mean((score.weight, score.value) for score in scores.values() if score.value is not None)
    return IndexResult(value=value, principles=scores)
