"""Ordinary council sessions (LAW.md) and the bureau's clock on a deposited petition. Pure.

An admissible petition goes on the agenda of the next ordinary session; an inadmissible one gets a reasoned
notice within 2 months of its deposit (regions, prefectures/provinces) or 3 months (communes).
"""

from __future__ import annotations

import calendar
import datetime

from infitah.petitions.thresholds import COMMUNE, PROVINCE, REGION

# Ordinary sessions are held in the first week of these months. Prefectures/provinces: LAW.md says "to verify"; the
# organic law 112-14 (art. 35) is read here as February, June and October.
ORDINARY_MONTHS: dict[str, tuple[int, ...]] = {
    REGION: (3, 7, 10),
    PROVINCE: (2, 6, 10),
    COMMUNE: (2, 5, 10),
}
NOTICE_MONTHS: dict[str, int] = {REGION: 2, PROVINCE: 2, COMMUNE: 3}


def next_ordinary_session(kind: str, after: datetime.date) -> datetime.date:
    """The first day of the month of the next ordinary session that opens after `after` (a session opening on the
    day of the decision has its agenda already fixed)."""
    year = after.year
    while True:
        for month in ORDINARY_MONTHS[kind]:
            opens = datetime.date(year, month, 1)
            if opens > after:
                return opens
        year += 1


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when it has none (31 Dec + 2 months = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def admissibility_due(kind: str, deposited_on: datetime.date) -> datetime.date:
    """The last day for the bureau's reasoned notice of inadmissibility."""
    return add_months(deposited_on, NOTICE_MONTHS[kind])
