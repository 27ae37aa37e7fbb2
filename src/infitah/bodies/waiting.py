"""What waits for people on the landing page after login: opinions the collectivity's staff must acknowledge or
answer, on the council's response clock (one query whatever their number)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.accounts.roles import collectivities_where
from infitah.bodies.clock import local_date
from infitah.bodies.models import Opinion, OpinionStatus
from infitah.bodies.rules import EDITORS
from infitah.core.contributions import Waiting
from infitah.core.translation import tr

if TYPE_CHECKING:
    from infitah.accounts.models import User

LIMIT = 20


def opinions_to_handle(user: User, now: datetime.datetime | None = None) -> list[Waiting]:
    collectivities = collectivities_where(user, EDITORS)
    if not collectivities:
        return []
    today = local_date(now or timezone.now())
    opinions = (
        Opinion.objects.filter(
            body__collectivity__in=collectivities, status__in=[OpinionStatus.SUBMITTED, OpinionStatus.ACKNOWLEDGED]
        )
        .select_related("body")
        .order_by("due_on", "pk")[:LIMIT]
    )
    items = []
    for opinion in opinions:
        action = _("to acknowledge") if opinion.status == OpinionStatus.SUBMITTED else _("to answer")
        items.append(
            Waiting(
                title=str(opinion),
                url=opinion.get_absolute_url(),
                due=opinion.due_on,
                overdue=opinion.due_on < today,
                note=action,
                place=str(tr(opinion.body.name)),
            )
        )
    return items
