"""Where an update stands with its co-monitors, and when an update is due (pure: plain values in and out).

An update is awaiting until someone reviews it. It is contested while a contest was given after the latest reply
(a reply clears the flag; a contest given after a reply flags it again), resolved once every contest has a reply
after it, and confirmed when its reviews only confirm.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

AWAITING, CONFIRMED, CONTESTED, RESOLVED = "awaiting", "confirmed", "contested", "resolved"
CONTEST = "contested"

# No update for this long (since the last one, or since the council adopted the program) makes an update due.
STALE_AFTER = datetime.timedelta(days=183)


def review_state(reviews: Sequence[tuple[str, datetime.datetime]], replies: Sequence[datetime.datetime]) -> str:
    """The state of an update from its reviews (verdict, when given) and the times of the replies to contests."""
    if not reviews:
        return AWAITING
    contests = [at for verdict, at in reviews if verdict == CONTEST]
    if not contests:
        return CONFIRMED
    last_reply = max(replies, default=None)
    if last_reply is None or max(contests) > last_reply:
        return CONTESTED
    return RESOLVED


def update_due(
    *,
    due_date: datetime.date | None,
    latest_as_of: datetime.date | None,
    latest_percent: int | None,
    adopted_on: datetime.date | None,
    today: datetime.date,
) -> bool:
    """A milestone (or a commitment without milestones) needs an update: it is not complete and either its due date
    has passed or nothing was reported for six months (since the last update, or since the adoption)."""
    if latest_percent is not None and latest_percent >= 100:
        return False
    if due_date is not None and due_date < today:
        return True
    since = latest_as_of or adopted_on
    return since is not None and today - since > STALE_AFTER
