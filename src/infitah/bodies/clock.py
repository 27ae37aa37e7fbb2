"""The council's response clock for a body's opinions: pure functions, no database.

An opinion submitted on day D with N days to answer is due on D + N, counted in local calendar days
(Africa/Casablanca): answering any time on the due day is on time, from the next day on it is late. While it is
unanswered the clock reads "pending" up to the due day and "overdue" after it; the overdue state is public.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrPromise

DEFAULT_RESPONSE_DAYS = 60

PENDING = "pending"
OVERDUE = "overdue"
ANSWERED = "answered"
ANSWERED_LATE = "answered_late"

STATE_LABELS = {
    PENDING: _("awaiting the council's answer"),
    OVERDUE: _("overdue: the council has not answered in time"),
    ANSWERED: _("answered on time"),
    ANSWERED_LATE: _("answered late"),
}


def local_date(moment: datetime.date, zone: str | None = None) -> datetime.date:
    """The calendar date of an aware datetime in the platform's time zone (a date is returned unchanged)."""
    if isinstance(moment, datetime.datetime):
        return moment.astimezone(ZoneInfo(zone or settings.TIME_ZONE)).date()
    return moment


def due_date(submitted: datetime.date, response_days: int) -> datetime.date:
    return local_date(submitted) + datetime.timedelta(days=response_days)


def state(
    submitted: datetime.date,
    response_days: int,
    answered: datetime.date | None = None,
    today: datetime.date | None = None,
) -> str:
    """pending, overdue, answered (on time) or answered_late. `today` is a date or an aware datetime (default: now)."""
    due = due_date(submitted, response_days)
    if answered is not None:
        return ANSWERED if local_date(answered) <= due else ANSWERED_LATE
    if today is None:
        from django.utils import timezone

        today = timezone.now()
    return PENDING if local_date(today) <= due else OVERDUE


@dataclass(frozen=True)
class Clock:
    due: datetime.date
    state: str
    days_left: int  # negative once overdue; days before the due day at answer time when answered

    @property
    def label(self) -> StrPromise:
        return STATE_LABELS[self.state]

    @property
    def is_overdue(self) -> bool:
        return self.state == OVERDUE

    @property
    def is_late(self) -> bool:
        return self.state in (OVERDUE, ANSWERED_LATE)

    @property
    def days_overdue(self) -> int:
        return max(0, -self.days_left)


def response_clock(
    submitted: datetime.date,
    response_days: int,
    answered: datetime.date | None = None,
    now: datetime.date | None = None,
) -> Clock:
    """Everything the pages show about the clock, at `now` (default: the current time)."""
    if now is None:
        from django.utils import timezone

        now = timezone.now()
    due = due_date(submitted, response_days)
    reference = local_date(answered if answered is not None else now)
    return Clock(due=due, state=state(submitted, response_days, answered, now), days_left=(due - reference).days)


def overdue_cutoff(today: datetime.date, response_days: int) -> datetime.date:
    """The latest submission date still on time for an unanswered opinion with `response_days` (for queries)."""
    return local_date(today) - datetime.timedelta(days=response_days)
