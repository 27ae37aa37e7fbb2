"""The coordinators' landing page: forum messages reported and not yet judged, with the thread they are in
(three queries whatever their number)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import Count, Min
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from infitah.accounts.roles import is_network_coordinator
from infitah.core.contributions import Waiting
from infitah.forum.models import Post, Thread
from infitah.participation.models import Report
from infitah.participation.targets import content_type_of

if TYPE_CHECKING:
    from infitah.accounts.models import User

LIMIT = 20


def reported_messages(user: User, now: datetime | None = None) -> list[Waiting]:
    if not is_network_coordinator(user):
        return []
    kinds = {content_type_of(Thread).pk: Thread, content_type_of(Post).pk: Post}
    rows = list(
        Report.objects.filter(resolved_at__isnull=True, content_type_id__in=list(kinds))
        .values("content_type_id", "object_id")
        .annotate(count=Count("pk"), first=Min("created_at"))
        .order_by("first", "object_id")[:LIMIT]
    )
    wanted = {
        model: [row["object_id"] for row in rows if kinds[row["content_type_id"]] is model] for model in (Thread, Post)
    }
    threads = Thread.objects.in_bulk(wanted[Thread])
    posts = Post.objects.select_related("thread").in_bulk(wanted[Post])
    items = []
    for row in rows:
        model = kinds[row["content_type_id"]]
        obj = (threads if model is Thread else posts).get(row["object_id"])
        if obj is None:
            continue
        thread = obj if isinstance(obj, Thread) else obj.thread
        items.append(
            Waiting(
                title=thread.title,
                url=reverse("participation:moderate", args=[model._meta.label_lower, obj.pk]),
                note=ngettext("reported once", "reported %(count)d times", row["count"]) % {"count": row["count"]}
                + " — "
                + (_("the thread") if model is Thread else _("a reply")),
                on=row["first"],
            )
        )
    return items
