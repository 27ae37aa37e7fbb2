"""What waits for a collectivity's staff on the landing page after login: the catalogue's stale entries to bring
up to date (two queries whatever their number)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from infitah.accounts.models import STAFF_ROLES
from infitah.accounts.roles import collectivities_where
from infitah.core.contributions import Waiting
from infitah.core.translation import tr
from infitah.information import publication
from infitah.information.models import PublicationCategory, PublicationEntry

if TYPE_CHECKING:
    from infitah.accounts.models import User

LIMIT = 20


def stale_entries(user: User, now: datetime.datetime | None = None) -> list[Waiting]:
    collectivities = collectivities_where(user, STAFF_ROLES)
    if not collectivities:
        return []
    today = timezone.localdate(now) if now else timezone.localdate()
    delays = dict(PublicationCategory.objects.values_list("pk", "stale_after_days"))
    stale = Q()
    for category_id, days in delays.items():
        stale |= Q(category_id=category_id, updated_on__lt=today - datetime.timedelta(days=days))
    if not delays:
        return []
    entries = (
        PublicationEntry.objects.filter(stale, collectivity__in=collectivities)
        .select_related("collectivity")
        .order_by("updated_on", "pk")[:LIMIT]
    )
    items = []
    for entry in entries:
        since = publication.stale_from(entry.updated_on, delays[entry.category_id])
        items.append(
            Waiting(
                title=str(tr(entry.title)),
                url=reverse("information:edit_entry", args=[entry.pk]),
                overdue=True,
                note=_("Stale since %(date)s: bring it up to date.") % {"date": date_format(since, "j F Y")},
                place=str(entry.collectivity),
                on=entry.updated_on,
            )
        )
    return items
