"""The budget's figures as pure functions of its lines: totals per section and direction, execution rates and the
change from one year to the next. Inputs are plain values (any object with section, direction, chapter_code,
planned and executed), so the rules are tested by tables without a database."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

ZERO = Decimal(0)


class Line(Protocol):
    section: str
    direction: str
    chapter_code: str
    planned: Decimal
    executed: Decimal | None


@dataclass(frozen=True)
class Total:
    planned: Decimal
    executed: Decimal | None  # None while no line of the group has a known execution

    @property
    def rate(self) -> Decimal | None:
        return execution_rate(self.planned, self.executed)


def total(lines: Iterable[Line]) -> Total:
    """The sum of the lines; the executed sum counts only the lines whose execution is known (None if none is)."""
    planned = ZERO
    executed: Decimal | None = None
    for line in lines:
        planned += line.planned
        if line.executed is not None:
            executed = (executed or ZERO) + line.executed
    return Total(planned, executed)


def totals(lines: Iterable[Line]) -> dict[tuple[str, str], Total]:
    """Per (section, direction), the total of its lines."""
    groups: dict[tuple[str, str], list[Line]] = {}
    for line in lines:
        groups.setdefault((line.section, line.direction), []).append(line)
    return {key: total(group) for key, group in groups.items()}


def execution_rate(planned: Decimal, executed: Decimal | None) -> Decimal | None:
    """Executed over planned (1 = 100%; above 1 when more was spent or collected than planned); None when nothing was
    planned or the execution is not known."""
    if executed is None or planned == 0:
        return None
    return executed / planned


def percent(rate: Decimal | None) -> Decimal | None:
    """A rate as a percentage rounded to one decimal."""
    if rate is None:
        return None
    return (rate * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def change(before: Decimal | None, after: Decimal | None) -> Decimal | None:
    """The relative change from one year to the next (0.1 = +10%); None when either is missing or before is 0."""
    if before is None or after is None or before == 0:
        return None
    return (after - before) / before


@dataclass(frozen=True)
class ChapterChange:
    section: str
    direction: str
    chapter_code: str
    before: Line | None
    after: Line | None

    @property
    def difference(self) -> Decimal | None:
        if self.before is None or self.after is None:
            return None
        return self.after.planned - self.before.planned

    @property
    def rate(self) -> Decimal | None:
        return change(
            self.before.planned if self.before else None,
            self.after.planned if self.after else None,
        )


def changes(before: Iterable[Line], after: Iterable[Line]) -> list[ChapterChange]:
    """Every chapter of either year, matched by (section, direction, chapter), in that order: a chapter new in the
    later year has no `before`, one dropped has no `after`."""
    earlier = {(line.section, line.direction, line.chapter_code): line for line in before}
    later = {(line.section, line.direction, line.chapter_code): line for line in after}
    return [ChapterChange(*key, earlier.get(key), later.get(key)) for key in sorted(earlier.keys() | later.keys())]
