"""A petition's life as a table: which act moves it from which stage to which. Pure.

Citizens' petitions are drafted, opened for signatures, then deposited once their thresholds are met; an
association's petition is deposited from its draft (it collects no signatures). The bureau declares a deposited
petition admissible (it goes on the next ordinary session's agenda) or not (a reasoned notice); the council then
decides on an admissible one. Before deposit the agent may withdraw it. Overdue is computed, never stored.
"""

from __future__ import annotations

import datetime

DRAFT = "draft"
COLLECTING = "collecting"
DEPOSITED = "deposited"
ADMISSIBLE = "admissible"
INADMISSIBLE = "inadmissible"
DECIDED = "decided"
WITHDRAWN = "withdrawn"

CITIZENS, ASSOCIATION = "citizens", "association"

OPEN_SIGNING = "open_signing"
DEPOSIT = "deposit"
ADMIT = "admit"
REJECT = "reject"
DECIDE = "decide"
WITHDRAW = "withdraw"

_TABLE: dict[tuple[str, str, str], str] = {
    (CITIZENS, DRAFT, OPEN_SIGNING): COLLECTING,
    (CITIZENS, COLLECTING, DEPOSIT): DEPOSITED,
    (ASSOCIATION, DRAFT, DEPOSIT): DEPOSITED,
}
for _kind in (CITIZENS, ASSOCIATION):
    _TABLE[(_kind, DEPOSITED, ADMIT)] = ADMISSIBLE
    _TABLE[(_kind, DEPOSITED, REJECT)] = INADMISSIBLE
    _TABLE[(_kind, ADMISSIBLE, DECIDE)] = DECIDED
    for _stage in (DRAFT, COLLECTING):
        _TABLE[(_kind, _stage, WITHDRAW)] = WITHDRAWN
_TABLE.pop((ASSOCIATION, COLLECTING, WITHDRAW))  # an association's petition never collects

STAGES = (DRAFT, COLLECTING, DEPOSITED, ADMISSIBLE, INADMISSIBLE, DECIDED, WITHDRAWN)
ACTS = (OPEN_SIGNING, DEPOSIT, ADMIT, REJECT, DECIDE, WITHDRAW)
PUBLIC = frozenset(STAGES) - {DRAFT}  # a draft is its agent's and co-initiators'
SIGNABLE = frozenset({COLLECTING})
BEFORE_DEPOSIT = frozenset({DRAFT, COLLECTING})


class IllegalTransition(ValueError):
    def __init__(self, kind: str, stage: str, act: str):
        super().__init__(f"{act!r} is not possible on a {kind} petition at stage {stage!r}")
        self.kind, self.stage, self.act = kind, stage, act


def next_stage(kind: str, stage: str, act: str) -> str:
    try:
        return _TABLE[(kind, stage, act)]
    except KeyError:
        raise IllegalTransition(kind, stage, act) from None


def acts_from(kind: str, stage: str) -> list[str]:
    return [act for act in ACTS if (kind, stage, act) in _TABLE]


def is_overdue(stage: str, notice_due: datetime.date | None, today: datetime.date) -> bool:
    """The bureau has not ruled on admissibility and its legal time is over."""
    return stage == DEPOSITED and notice_due is not None and today > notice_due
