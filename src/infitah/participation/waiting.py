"""What waits for people on the landing page after login: the reports the moderators must deal with, and a
person's unread notifications (a fixed number of queries: one per kind of object, not per item)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Min
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from infitah.accounts.models import STAFF_ROLES
from infitah.accounts.roles import collectivities_where, is_network_coordinator
from infitah.core.contributions import Waiting
from infitah.participation.models import Report
from infitah.participation.notifications import describe, link_of
from infitah.participation.selectors import inbox

if TYPE_CHECKING:
    from infitah.accounts.models import User

LIMIT = 20


def reports_to_moderate(user: User, now: datetime | None = None) -> list[Waiting]:
    collectivities = collectivities_where(user, STAFF_ROLES)
    coordinator = is_network_coordinator(user)
    if not collectivities and not coordinator:
        return []
    open_reports = Report.objects.filter(resolved_at__isnull=True)
    if coordinator:
        from django.db.models import Q

        open_reports = open_reports.filter(Q(collectivity__in=collectivities) | Q(collectivity__isnull=True))
    else:
        open_reports = open_reports.filter(collectivity__in=collectivities)
    rows = (
        open_reports.values("content_type_id", "object_id")
        .annotate(count=Count("pk"), first=Min("created_at"))
        .order_by("first", "object_id")[:LIMIT]
    )
    items = []
    for row in rows:
        content_type = ContentType.objects.get_for_id(row["content_type_id"])
        model = content_type.model_class()
        kind = model._meta.verbose_name if model is not None else content_type.model
        items.append(
            Waiting(
                title=_("%(kind)s no. %(number)s") % {"kind": str(kind).capitalize(), "number": row["object_id"]},
                url=reverse(
                    "participation:moderate", args=[f"{content_type.app_label}.{content_type.model}", row["object_id"]]
                ),
                note=ngettext("reported once", "reported %(count)d times", row["count"]) % {"count": row["count"]},
                on=row["first"],
            )
        )
    return items


def unread_notifications(user: User, now: datetime | None = None) -> list[Waiting]:
    return [
        Waiting(
            title=describe(notification, html=True),
            sentence=True,
            url=link_of(notification) or reverse("participation:notifications"),
            on=notification.created_at,
        )
        for notification in inbox(user).filter(is_read=False)[:LIMIT]
    ]
