"""What waits for information officers on the landing page after login: the requests of their collectivities that
are overdue or fall due within the week (two queries whatever their number)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.accounts.roles import collectivities_where
from infitah.core.contributions import Waiting
from infitah.core.translation import tr
from infitah.information import queue
from infitah.information.models import RequestKind

if TYPE_CHECKING:
    from infitah.accounts.models import User

LIMIT = 20


def requests_falling_due(user: User, now: datetime.datetime | None = None) -> list[Waiting]:
    collectivities = collectivities_where(user, queue.OFFICERS)
    if not collectivities:
        return []
    today = timezone.localdate(now) if now else timezone.localdate()
    return [
        Waiting(
            title=str(request),
            url=request.get_absolute_url(),
            due=request.due_on,
            overdue=request.due_on is not None and request.due_on < today,
            note=_("Urgent request") if request.kind == RequestKind.URGENT else "",
            place=str(tr(request.collectivity.name)),
        )
        for request in queue.falling_due(collectivities, today, limit=LIMIT)
    ]
