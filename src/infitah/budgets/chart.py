"""The geometry of the server-rendered bar charts (SVG, no script): one bar per chapter, the planned amount as the
track and the executed amount drawn over it, each as a share of the largest amount of the chart."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from infitah.budgets.figures import Line

BAR_HEIGHT = 14
GAP = 6


@dataclass(frozen=True)
class Bar:
    line: Line
    y: int
    planned_width: Decimal  # in percent of the chart's width
    executed_width: Decimal | None


def _width(amount: Decimal, largest: Decimal) -> Decimal:
    if largest == 0:
        return Decimal(0)
    return (amount * 100 / largest).quantize(Decimal("0.01"))


def bars(lines: Iterable[Line]) -> list[Bar]:
    chosen = list(lines)
    largest = max(
        [line.planned for line in chosen] + [line.executed for line in chosen if line.executed is not None],
        default=Decimal(0),
    )
    return [
        Bar(
            line,
            index * (BAR_HEIGHT + GAP),
            _width(line.planned, largest),
            None if line.executed is None else _width(line.executed, largest),
        )
        for index, line in enumerate(chosen)
    ]


def height(count: int) -> int:
    return max(count * (BAR_HEIGHT + GAP) - GAP, BAR_HEIGHT)
