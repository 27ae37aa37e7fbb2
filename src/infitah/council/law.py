"""The law of council sessions and votes, as pure functions (LAW.md, "Council sessions (ordinary)").

- Ordinary sessions are held in fixed months per kind of collectivity (regions: March, July, October; communes:
  February, May, October; prefectures/provinces: read as February, June and October, like petitions.sessions);
  an extraordinary session may be called at any time.
- A decision is taken by the majority of the votes cast: adopted when the votes for outnumber the votes against,
  whatever the abstentions; otherwise rejected. A point the council postponed has no outcome of its votes.
- Nobody votes twice: for + against + abstentions never exceed the council's members in office.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from infitah.petitions.sessions import ORDINARY_MONTHS

ORDINARY = "ordinary"
EXTRAORDINARY = "extraordinary"

ADOPTED = "adopted"
REJECTED = "rejected"
POSTPONED = "postponed"


def ordinary_months(kind: str) -> tuple[int, ...]:
    """The months (1-12) in which a collectivity of `kind` (region, province, commune) holds ordinary sessions."""
    return ORDINARY_MONTHS[kind]


@dataclass(frozen=True)
class KindCheck:
    """The answer for a session: `error` refuses it, `warning` explains why it may be recorded as extraordinary."""

    error: str = ""
    suggest_extraordinary: bool = False

    @property
    def ok(self) -> bool:
        return not self.error


def session_kind_check(collectivity_kind: str, day: datetime.date, kind: str) -> KindCheck:
    """An ordinary session only in the law's months; an extraordinary one any day."""
    if kind == EXTRAORDINARY:
        return KindCheck()
    months = ordinary_months(collectivity_kind)
    if day.month in months:
        return KindCheck()
    return KindCheck(
        error=str(
            _(
                "An ordinary session of this council is held only in %(months)s. This date is outside them: "
                "record it as an extraordinary session (tick the box below), or choose another date."
            )
            % {"months": month_names(months)}
        ),
        suggest_extraordinary=True,
    )


def month_names(months: tuple[int, ...]) -> str:
    from django.utils.dates import MONTHS

    return ", ".join(str(MONTHS[month]) for month in months)


def outcome(votes_for: int, votes_against: int, votes_abstain: int = 0, *, postponed: bool = False) -> str:
    """Adopted iff more votes for than against (abstentions do not count); postponed when the council deferred it."""
    if postponed:
        return POSTPONED
    return ADOPTED if votes_for > votes_against else REJECTED


def votes_refusal(votes_for: int, votes_against: int, votes_abstain: int, seats: int | None) -> str:
    """Why these counts cannot be, or "" when they can."""
    if min(votes_for, votes_against, votes_abstain) < 0:
        return str(_("A number of votes cannot be negative."))
    total = votes_for + votes_against + votes_abstain
    if seats is not None and total > seats:
        return str(
            _(
                "%(total)s votes were counted (for, against and abstentions), but the council has only %(seats)s "
                "members in office: nobody votes twice. Correct the counts or the session's number of members."
            )
            % {"total": total, "seats": seats}
        )
    return ""


def ordinary_session_day(collectivity_kind: str, day: datetime.date) -> str:
    """The kind a session opening on `day` gets when nobody chose it (a migrated adoption): ordinary in the law's
    months, extraordinary otherwise."""
    return ORDINARY if day.month in ordinary_months(collectivity_kind) else EXTRAORDINARY
