"""The response clock: by when the collectivity must answer a consultation's contributions (pure functions)."""

import datetime
from enum import StrEnum

from django.utils import timezone


class ResponseState(StrEnum):
    NOT_DUE = "not_due"  # the consultation is still open
    PENDING = "pending"  # closed, not answered, still within the delay
    OVERDUE = "overdue"  # closed, not answered, past the delay
    ANSWERED = "answered"
    ANSWERED_LATE = "answered_late"


def response_due_on(closes_at: datetime.datetime, response_days: int) -> datetime.date:
    """The last day to answer: `response_days` calendar days after the local day the consultation closed."""
    return timezone.localdate(closes_at) + datetime.timedelta(days=response_days)


def response_state(
    closes_at: datetime.datetime, response_days: int, answered_at: datetime.datetime | None, now: datetime.datetime
) -> ResponseState:
    due_on = response_due_on(closes_at, response_days)
    if answered_at is not None:
        return ResponseState.ANSWERED_LATE if timezone.localdate(answered_at) > due_on else ResponseState.ANSWERED
    if now < closes_at:
        return ResponseState.NOT_DUE
    return ResponseState.OVERDUE if timezone.localdate(now) > due_on else ResponseState.PENDING


def late_from(closes_at: datetime.datetime, response_days: int) -> datetime.datetime:
    """The first instant at which an answer is late: the start of the local day after the due day."""
    due_on = response_due_on(closes_at, response_days)
    following = datetime.datetime.combine(due_on + datetime.timedelta(days=1), datetime.time.min)
    return timezone.make_aware(following)


def summarise(
    *,
    total: int,
    answered: int,
    answered_late: int,
    closes_at: datetime.datetime,
    response_days: int,
    now: datetime.datetime,
) -> dict:
    """The public counts of the clock for `total` contributions awaiting an answer, `answered` of which are
    answered (`answered_late` of those after the due day). The unanswered ones are all in the same state, since
    they share the consultation's close and delay."""
    unanswered = total - answered
    state = response_state(closes_at, response_days, None, now)
    return {
        "total": total,
        "answered": answered,
        "answered_on_time": answered - answered_late,
        "answered_late": answered_late,
        "not_due": unanswered if state == ResponseState.NOT_DUE else 0,
        "pending": unanswered if state == ResponseState.PENDING else 0,
        "overdue": unanswered if state == ResponseState.OVERDUE else 0,
        "due_on": response_due_on(closes_at, response_days),
        "complete": total > 0 and unanswered == 0,
    }
