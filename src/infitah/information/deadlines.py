"""The deadlines of law 31-13 on the right of access to information, as data, and the due date they give.

Pure: no database, no request. Every number is data with its legal source and the date from which it applies,
so an amendment adds a row instead of changing code. Counting follows `core.workdays` (the day of receipt does
not count; the due date is the last working day of the deadline).
"""

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from infitah.core.workdays import add_working_days, working_days_between

Kind = Literal["ordinary", "urgent"]

LAW_IN_FORCE = date(2019, 3, 12)


@dataclass(frozen=True)
class Deadline:
    """A legal duration: `days` working days (or calendar days when not `working`), in force from
    `effective_from`, as `source` says."""

    days: int
    working: bool
    source: str
    effective_from: date


@dataclass(frozen=True)
class RequestDeadlines:
    """The reply deadline of one kind of request and its single extension."""

    reply: Deadline
    extension: Deadline


# Shipped defaults, newest last for each kind. LAW.md calls the urgent deadline "3 days": the platform counts
# working days, like the ordinary deadline of the same article family (to verify against the official text).
SCHEDULE: dict[Kind, Sequence[RequestDeadlines]] = {
    "ordinary": [
        RequestDeadlines(
            reply=Deadline(20, True, "Law 31-13, art. 16 (first paragraph)", LAW_IN_FORCE),
            extension=Deadline(20, True, "Law 31-13, art. 16 (second paragraph)", LAW_IN_FORCE),
        )
    ],
    "urgent": [
        RequestDeadlines(
            reply=Deadline(3, True, "Law 31-13, art. 17", LAW_IN_FORCE),
            extension=Deadline(3, True, "Law 31-13, art. 17", LAW_IN_FORCE),
        )
    ],
}


def deadlines_for(kind: Kind, received: date) -> RequestDeadlines:
    """The deadlines in force on the day of receipt (a request keeps the rules of the day it arrived)."""
    in_force = [entry for entry in SCHEDULE[kind] if entry.reply.effective_from <= received]
    if not in_force:
        raise ValueError(f"no {kind} deadline of law 31-13 applies on {received.isoformat()}")
    return max(in_force, key=lambda entry: entry.reply.effective_from)


def due_date(
    received: date,
    kind: Kind,
    holidays: Collection[date],
    extended: bool = False,
    paused_working_days: int = 0,
) -> date:
    """The day by which the body must reply to a request received on `received`.

    - `paused_working_days`: working days the clock stood still while the requester clarified the request;
      they push the due date by as many working days.
    - `extended`: the single extension adds its working days after the (possibly paused) original due date.
    """
    if paused_working_days < 0:
        raise ValueError("a pause cannot be negative")
    rules = deadlines_for(kind, received)
    due = _after(received, rules.reply, holidays)
    if paused_working_days:
        due = add_working_days(due, paused_working_days, holidays)
    if extended:
        due = _after(due, rules.extension, holidays)
    return due


def _after(start: date, deadline: Deadline, holidays: Collection[date]) -> date:
    if deadline.working:
        return add_working_days(start, deadline.days, holidays)
    return start + timedelta(days=deadline.days)


def working_days_left(today: date, due: date, holidays: Collection[date]) -> int:
    """Working days left before the due date: 0 on the due date itself, negative once overdue (by that many
    working days). See `core.workdays.working_days_between`."""
    return working_days_between(today, due, holidays)


# --- Remedies -------------------------------------------------------------------------------------------------------
# The requester's complaint to the head of the body, the head's reply, then the complaint to the CDAI (LAW.md).

COMPLAINT_TO_HEAD = Deadline(20, True, "Law 31-13, art. 19 (complaint to the head of the body)", LAW_IN_FORCE)
# LAW.md: "15 days, to verify"; counted as calendar days until the official text says otherwise.
HEAD_REPLY = Deadline(15, False, "Law 31-13, art. 19 (the head's reply; to verify)", LAW_IN_FORCE)
COMPLAINT_TO_CDAI = Deadline(30, False, "Law 31-13, art. 20 (complaint to the CDAI)", LAW_IN_FORCE)


def complaint_opens_on(replied_on: date | None, due_on: date | None, today: date) -> date | None:
    """The day from which the 20 working days to complain are counted: the reply's date, or, without a reply, the
    missed deadline. None while the body is still within its time (there is nothing yet to complain about)."""
    if replied_on is not None:
        return replied_on
    if due_on is not None and today > due_on:
        return due_on
    return None


def complaint_deadline(opens_on: date, holidays: Collection[date]) -> date:
    """The last day a complaint to the head of the body is allowed."""
    return _after(opens_on, COMPLAINT_TO_HEAD, holidays)


def head_reply_due(filed_on: date, holidays: Collection[date]) -> date:
    return _after(filed_on, HEAD_REPLY, holidays)


def cdai_deadline(head_decided_on: date | None, filed_on: date, holidays: Collection[date]) -> date:
    """The last day to complain to the CDAI: 30 days after the head's decision, or after the head's own deadline
    expired without one."""
    start = head_decided_on if head_decided_on is not None else head_reply_due(filed_on, holidays)
    return _after(start, COMPLAINT_TO_CDAI, holidays)
