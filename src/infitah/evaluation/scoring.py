"""One indicator's scores (pure): bringing a score to 100, telling a discrepancy, and the score that counts.

Shared by the assessments (which flag discrepancies for reconciliation) and the index (which adds up the scores
that count), so both read the same rule.
"""

from __future__ import annotations

from decimal import Decimal


def on_100(value: Decimal | float, scale_min: int, scale_max: int) -> float:
    """A score on the indicator's scale brought to 0–100 (the scale's lowest is 0, its highest 100)."""
    if scale_max <= scale_min:
        raise ValueError("an indicator's scale must go up")
    return (float(value) - scale_min) * 100.0 / (scale_max - scale_min)


def within_scale(value: Decimal | float, scale_min: int, scale_max: int) -> bool:
    return scale_min <= float(value) <= scale_max


def is_discrepant(
    self_value: Decimal | float | None,
    independent_value: Decimal | float | None,
    scale_min: int,
    scale_max: int,
    threshold: Decimal | float,
) -> bool:
    """The two parties' scores differ by more than the threshold (points out of 100); a missing score is no
    discrepancy (there is nothing to reconcile until both have scored)."""
    if self_value is None or independent_value is None:
        return False
    gap = abs(on_100(self_value, scale_min, scale_max) - on_100(independent_value, scale_min, scale_max))
    return gap > float(threshold)


def counted_value(
    self_value: Decimal | float | None,
    independent_value: Decimal | float | None,
    reconciled_value: Decimal | float | None,
    scale_min: int,
    scale_max: int,
    threshold: Decimal | float,
) -> float | None:
    """The score that enters the index, on the indicator's scale, or None while it is not settled.

    A reconciled score wins. Two scores within the threshold count as their mean. Two scores beyond it are not
    settled until reconciled. A single party's score counts alone (the other party did not score the indicator)."""
    if reconciled_value is not None:
        return float(reconciled_value)
    if self_value is not None and independent_value is not None:
        if is_discrepant(self_value, independent_value, scale_min, scale_max, threshold):
            return None
        return (float(self_value) + float(independent_value)) / 2
    if self_value is not None:
        return float(self_value)
    if independent_value is not None:
        return float(independent_value)
    return None
