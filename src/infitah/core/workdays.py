"""Working days: Monday to Friday, minus public holidays — the unit in which Moroccan law counts deadlines.

Pure (no database, no request): the holidays are passed in, so a caller decides where they come from
(`core.selectors.holidays_for` adds the administrator's corrections of the estimated Hijri dates).

Counting convention, the same everywhere on the platform and stated on every due date's tooltip: the day of
receipt never counts, even when it is a working day; counting starts on the first working day after it, and a
deadline of N working days falls due at the end of the N-th of those days. A request received on a Friday,
a Saturday or a holiday therefore starts counting on the next working day.
"""

from collections.abc import Collection, Iterable
from datetime import date, timedelta
from functools import lru_cache

import holidays as holiday_tables

SATURDAY = 5
ONE_DAY = timedelta(days=1)


def is_working_day(day: date, holidays: Collection[date]) -> bool:
    """Monday to Friday, and not a public holiday."""
    return day.weekday() < SATURDAY and day not in holidays


def add_working_days(start: date, days: int, holidays: Collection[date]) -> date:
    """The due date of a deadline of `days` working days starting from `start` (the day of receipt).

    The day of receipt is not counted; the result is the `days`-th working day after it, so it is always a
    working day and `working_days_between(start, result, holidays) == days`.
    """
    if days < 1:
        raise ValueError("a deadline counts at least one working day")
    day, counted = start, 0
    while counted < days:
        day += ONE_DAY
        if is_working_day(day, holidays):
            counted += 1
    return day


def working_days_between(start: date, end: date, holidays: Collection[date]) -> int:
    """The working days after `start` up to and including `end`; negative when `end` is before `start`.

    For "N working days left": `working_days_between(today, due_date)`. 0 means due today (or, on a weekend
    or holiday, that no working day is left before the due date passes); a negative number is how many working
    days the deadline is overdue by — `working_days_between(due_date, today)` working days have passed since.
    The count is antisymmetric: swapping the dates changes only the sign.
    """
    if end < start:
        return -working_days_between(end, start, holidays)
    count, day = 0, start
    while day < end:
        day += ONE_DAY
        if is_working_day(day, holidays):
            count += 1
    return count


@lru_cache(maxsize=32)
def _package_holidays(years: tuple[int, ...]) -> frozenset[date]:
    return frozenset(holiday_tables.country_holidays("MA", years=years).keys())


def moroccan_holidays(years: Iterable[int]) -> set[date]:
    """Morocco's public holidays in `years`, as the `holidays` package lists them.

    The fixed holidays are exact; the Hijri ones (1 Muharram, Mawlid, Eid al-Fitr, Eid al-Adha, two days each
    for the last three) are astronomical estimates that the moon sighting may move by a day: read the dates
    through `core.selectors.holidays_for`, which applies the administrator's corrections.
    """
    return set(_package_holidays(tuple(sorted(set(years)))))


def years_around(start: date, working_days: int) -> range:
    """The calendar years a deadline of `working_days` from `start` may touch (a generous bound: each
    working-day stretch of five days spans at most seven days, and holidays add at most a few weeks a year)."""
    last = start + timedelta(days=working_days * 2 + 60)
    return range(start.year, last.year + 1)
