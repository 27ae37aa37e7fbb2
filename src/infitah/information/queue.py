"""What the request pages read: one request with everything its page shows, the officers' queue, a person's own
requests, and the requests falling due (the landing page and the daily reminder). Each costs a fixed number of
queries whatever the number of requests, events or notes."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.http import Http404
from django.utils.translation import gettext as _

from infitah.accounts.models import Role
from infitah.accounts.roles import collectivities_where
from infitah.core.permissions import can
from infitah.information import states
from infitah.information.models import InformationRequest
from infitah.territories.models import Collectivity

if TYPE_CHECKING:
    from infitah.accounts.models import User
    from infitah.accounts.types import Viewer

OFFICERS = {Role.INFORMATION_OFFICER}
QUEUE_PAGE = 50
# The landing page and the reminder look this many calendar days ahead.
FALLING_DUE_DAYS = 7


def request_or_404(viewer: Viewer, reference: str) -> InformationRequest:
    """The request at `reference` if `viewer` may read it; a 404 otherwise (never a 403 that says it exists)."""
    found = (
        InformationRequest.objects.select_related("collectivity", "requester", "complaint")
        .filter(reference=reference[:40])
        .first()
    )
    if found is None or not can(viewer, "information.view_request", found):
        raise Http404(_("There is no request for information at this address."))
    return found


def history(request: InformationRequest) -> list[Any]:
    return list(request.events.all())


def notes(request: InformationRequest) -> list[Any]:
    return list(request.internal_notes.select_related("author"))


def officer_collectivities(user: User) -> list[Collectivity]:
    ids = collectivities_where(user, OFFICERS)
    return list(Collectivity.objects.filter(pk__in=ids).order_by("code")) if ids else []


def mine(user: User) -> QuerySet[InformationRequest]:
    return InformationRequest.objects.filter(requester=user).select_related("collectivity", "complaint")


@dataclass
class Queue:
    collectivity: Collectivity
    requests: list[InformationRequest]
    counts: dict[str, int] = field(default_factory=dict)
    total: int = 0


def _overdue(today: datetime.date) -> Q:
    return Q(state__in=states.OPEN - {states.CLARIFICATION}, due_on__lt=today)


def queue(
    collectivity: Collectivity,
    today: datetime.date,
    *,
    state: str = "",
    kind: str = "",
    overdue: bool = False,
    due_within: int | None = None,
) -> Queue:
    """The collectivity's requests, overdue first then by due date (the paused ones last), with the counts."""
    base = InformationRequest.objects.filter(collectivity=collectivity)
    counts = base.aggregate(
        open=Count("pk", filter=Q(state__in=states.OPEN)),
        overdue=Count("pk", filter=_overdue(today)),
        due_soon=Count(
            "pk",
            filter=Q(state__in=states.OPEN, due_on__gte=today, due_on__lte=today + datetime.timedelta(days=7)),
        ),
        clarification=Count("pk", filter=Q(state=states.CLARIFICATION)),
        urgent=Count("pk", filter=Q(state__in=states.OPEN, kind="urgent")),
        closed=Count("pk", filter=Q(state__in=states.CLOSED)),
    )
    rows = base
    if state == "all":
        pass
    elif state:
        rows = rows.filter(state=state)
    else:
        rows = rows.filter(state__in=states.OPEN)
    if kind:
        rows = rows.filter(kind=kind)
    if overdue:
        rows = rows.filter(_overdue(today))
    if due_within is not None:
        rows = rows.filter(due_on__gte=today, due_on__lte=today + datetime.timedelta(days=due_within))
    rows = rows.annotate(
        late=Case(When(_overdue(today), then=Value(0)), default=Value(1), output_field=IntegerField())
    ).order_by("late", "due_on", "received_on", "pk")
    total = rows.count()
    return Queue(
        collectivity=collectivity,
        requests=list(rows.select_related("complaint")[:QUEUE_PAGE]),
        counts={key: value or 0 for key, value in counts.items()},
        total=total,
    )


def falling_due(
    collectivity_ids: set[int] | list[int], today: datetime.date, days: int = FALLING_DUE_DAYS, limit: int | None = None
) -> list[InformationRequest]:
    """The open requests of these collectivities overdue or due within `days` calendar days, soonest first."""
    if not collectivity_ids:
        return []
    rows = (
        InformationRequest.objects.filter(
            collectivity_id__in=collectivity_ids,
            state__in=states.OPEN - {states.CLARIFICATION},
            due_on__lte=today + datetime.timedelta(days=days),
        )
        .select_related("collectivity")
        .order_by("due_on", "pk")
    )
    return list(rows[:limit] if limit is not None else rows)
