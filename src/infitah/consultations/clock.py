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
