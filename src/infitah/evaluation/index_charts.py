"""The geometry of the index's charts (pure), drawn as inline SVG by the templates, each beside its table.

Coordinates are computed for the page's direction: in Arabic the first band, the oldest year and the bars' origin
are on the right, as a reader of the page expects. Nothing here is text: labels stay in the templates (translated)
and every chart has a table with the same figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

WIDTH = 600
HEIGHT = 240
MARGIN = 30  # room for the value axis' labels


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: float
    text_x: float
    text_y: float


def _x(position: float, rtl: bool) -> float:
    """A horizontal position measured from the reading start, in the SVG's left-to-right coordinates."""
    return WIDTH - position if rtl else position


def histogram(counts: Sequence[int], labels: Sequence[str], rtl: bool) -> list[Bar]:
    """Vertical bars, one per band, scaled to the largest count; the first band at the reading start."""
    top = max(counts, default=0) or 1
    plot_height = HEIGHT - 2 * MARGIN
    slot = (WIDTH - MARGIN) / max(len(counts), 1)
    bars = []
    for n, (count, label) in enumerate(zip(counts, labels, strict=True)):
        height = plot_height * count / top
        start = MARGIN / 2 + n * slot + slot * 0.1
        width = slot * 0.8
        x = _x(start + width, rtl) if rtl else start
        y = HEIGHT - MARGIN - height
        bars.append(
            Bar(
                x=round(x, 1),
                y=round(y, 1),
                width=round(width, 1),
                height=round(height, 1),
                label=label,
                value=count,
                text_x=round(x + width / 2, 1),
                text_y=round(y - 4, 1),
            )
        )
    return bars


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str
    value: float


def y_of(value: float) -> float:
    """A value of 0–100 on the vertical axis."""
    return round(HEIGHT - MARGIN - (HEIGHT - 2 * MARGIN) * value / 100, 1)


def line(values: Sequence[Decimal | None], labels: Sequence[str], rtl: bool) -> list[Point]:
    """Points of a series over years (oldest at the reading start), skipping years without a value."""
    count = len(values)
    step = (WIDTH - 2 * MARGIN) / max(count - 1, 1)
    points = []
    for n, (value, label) in enumerate(zip(values, labels, strict=True)):
        if value is None:
            continue
        position = MARGIN + (n * step if count > 1 else (WIDTH - 2 * MARGIN) / 2)
        points.append(Point(round(_x(position, rtl), 1), y_of(float(value)), label, float(value)))
    return points


def polyline(points: Sequence[Point]) -> str:
    return " ".join(f"{p.x},{p.y}" for p in points)


@dataclass(frozen=True)
class ProfileRow:
    y: float
    label: str
    label_x: float
    track_x: float
    bar_x: float
    bar_width: float
    value: float | None
    median_x: float | None
    median: float | None


PROFILE_ROW = 28
LABEL_WIDTH = 210  # room for a principle's name at the reading start
ANCHOR_START = {False: "start", True: "end"}  # the SVG is drawn left to right: the reading start's anchor


def profile(rows: Sequence[tuple[str, Decimal | None, Decimal | None]], rtl: bool) -> tuple[list[ProfileRow], int]:
    """Horizontal bars of a member's sub-scores (0–100 across the plot) with the network median as a tick, the
    principle's name first and the bars growing from the reading start. Returns the rows and the chart's height."""
    plot = WIDTH - LABEL_WIDTH
    drawn = []
    for n, (label, value, median) in enumerate(rows):
        width = plot * float(value) / 100 if value is not None else 0.0
        median_at = LABEL_WIDTH + plot * float(median) / 100 if median is not None else None
        drawn.append(
            ProfileRow(
                y=n * PROFILE_ROW + 4,
                label=label,
                label_x=WIDTH - 4 if rtl else 4,
                track_x=0 if rtl else LABEL_WIDTH,
                bar_x=round(plot - width if rtl else LABEL_WIDTH, 1),
                bar_width=round(width, 1),
                value=float(value) if value is not None else None,
                median_x=round(_x(median_at, rtl), 1) if median_at is not None else None,
                median=float(median) if median is not None else None,
            )
        )
    return drawn, len(rows) * PROFILE_ROW + 8


def value_ticks(rtl: bool) -> list[tuple[int, float, float]]:
    """(value, y, x) of the value axis' labels 0, 50 and 100, at the reading start."""
    return [(value, y_of(value), WIDTH - 2 if rtl else 2) for value in (0, 50, 100)]
