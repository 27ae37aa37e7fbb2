"""The life of a request for information (law 31-13), as a pure table: which act moves it from which state to which.

A request is open while the body still owes a reply (received, clarification requested, in progress, extended) and
closed once answered, partially answered, refused, declared not held, transferred or withdrawn. Overdue is never a
state: it is read from the due date (`is_overdue`). While the requester is asked to clarify, the clock stands still
(the working days of the pause push the due date), so a request awaiting clarification is never overdue.
"""

from __future__ import annotations

import datetime
from typing import Final

RECEIVED: Final = "received"
CLARIFICATION: Final = "clarification"
IN_PROGRESS: Final = "in_progress"
EXTENDED: Final = "extended"
ANSWERED: Final = "answered"
PARTIAL: Final = "partial"
REFUSED: Final = "refused"
NOT_HELD: Final = "not_held"
TRANSFERRED: Final = "transferred"
WITHDRAWN: Final = "withdrawn"

OPEN = frozenset({RECEIVED, CLARIFICATION, IN_PROGRESS, EXTENDED})
CLOSED = frozenset({ANSWERED, PARTIAL, REFUSED, NOT_HELD, TRANSFERRED, WITHDRAWN})
# The closed states that are the body's reply (a withdrawal is the requester's act, not a reply).
REPLIES = CLOSED - {WITHDRAWN}

# Acts, named by what the person does.
START: Final = "start"  # the officer takes the request up
ASK_CLARIFICATION: Final = "ask_clarification"
CLARIFY: Final = "clarify"  # the requester (or the officer, for a reply received by other means) resumes the clock
EXTEND: Final = "extend"
ANSWER: Final = "answer"
ANSWER_PARTIALLY: Final = "answer_partially"
REFUSE: Final = "refuse"
DECLARE_NOT_HELD: Final = "declare_not_held"
TRANSFER: Final = "transfer"
WITHDRAW: Final = "withdraw"

_WORKING = frozenset({RECEIVED, IN_PROGRESS, EXTENDED})

# act -> (states it may start from, state it leads to)
TRANSITIONS: Final[dict[str, tuple[frozenset[str], str]]] = {
    START: (frozenset({RECEIVED}), IN_PROGRESS),
    ASK_CLARIFICATION: (frozenset({RECEIVED, IN_PROGRESS}), CLARIFICATION),
    CLARIFY: (frozenset({CLARIFICATION}), IN_PROGRESS),
    EXTEND: (frozenset({RECEIVED, IN_PROGRESS}), EXTENDED),
    ANSWER: (_WORKING, ANSWERED),
    ANSWER_PARTIALLY: (_WORKING, PARTIAL),
    # An unclear request the requester never clarified may be refused on that ground.
    REFUSE: (_WORKING | {CLARIFICATION}, REFUSED),
    DECLARE_NOT_HELD: (_WORKING, NOT_HELD),
    TRANSFER: (_WORKING, TRANSFERRED),
    WITHDRAW: (OPEN, WITHDRAWN),
}

OFFICER_ACTS = frozenset(TRANSITIONS) - {WITHDRAW}
REQUESTER_ACTS = frozenset({CLARIFY, WITHDRAW})


class IllegalTransition(ValueError):
    """The act is not possible from the request's state (or not twice, for the extension)."""

    def __init__(self, act: str, state: str, why: str = "") -> None:
        self.act, self.state = act, state
        super().__init__(why or f"{act} is not possible from {state}")


def next_state(
    state: str,
    act: str,
    *,
    already_extended: bool = False,
    due_on: datetime.date | None = None,
    today: datetime.date | None = None,
) -> str:
    """The state `act` leads to from `state`, or IllegalTransition.

    The extension is allowed once, and only before the deadline passes (the requester must be told before it)."""
    if act not in TRANSITIONS:
        raise IllegalTransition(act, state, f"unknown act {act}")
    sources, target = TRANSITIONS[act]
    if state not in sources:
        raise IllegalTransition(act, state)
    if act == EXTEND:
        if already_extended:
            raise IllegalTransition(act, state, "the deadline can be extended only once")
        if due_on is not None and today is not None and today > due_on:
            raise IllegalTransition(act, state, "the deadline has passed: it can no longer be extended")
    return target


def acts_from(state: str, *, already_extended: bool = False) -> list[str]:
    """The acts possible from `state` (ignoring the deadline, which only the extension depends on)."""
    return [
        act
        for act, (sources, _target) in TRANSITIONS.items()
        if state in sources and not (act == EXTEND and already_extended)
    ]


def is_overdue(state: str, due_on: datetime.date | None, today: datetime.date) -> bool:
    """The body owes a reply and its deadline has passed (a paused request is never overdue)."""
    return state in OPEN and state != CLARIFICATION and due_on is not None and today > due_on


def replied_on_time(replied_on: datetime.date, due_on: datetime.date) -> bool:
    return replied_on <= due_on
