"""The querysets the events pages need, and what other apps may ask about events (import this module)."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from infitah.accounts.models import STAFF_ROLES, Role
from infitah.accounts.roles import collectivities_where, is_network_coordinator
from infitah.core.predicates import signed_in
from infitah.events.models import (
    AgendaItem,
    Event,
    EventKind,
    Finding,
    Registration,
    RegistrationStatus,
)
from infitah.programs.models import Axis, Commitment

if TYPE_CHECKING:
    from django.http import HttpRequest

    from infitah.accounts.types import Viewer
    from infitah.bodies.models import AdvisoryBody
    from infitah.events.models.event import EventQuerySet
    from infitah.territories.models import Collectivity

READERS = STAFF_ROLES | {Role.COUNCIL_MEMBER}


def meetings_of_body(body: AdvisoryBody, user: Viewer = None) -> list[Event]:
    """The meetings of an advisory body that `user` may see (None: an anonymous visitor), newest first (one query).

    Each has `date` (and `starts_at`), `title`, `place`, `quorum_required`, `members_present` and
    `quorum_reached` (None while the numbers are not recorded).
    """
    meetings = visible_events(user).filter(advisory_body=body, kind=EventKind.BODY_MEETING)
    return list(meetings.order_by("-starts_at", "-pk"))


def body_section_context(request: HttpRequest, body: AdvisoryBody) -> dict[str, Any]:
    """The meetings block of an advisory body's page (one query)."""
    return {"meetings": meetings_of_body(body, request.user)}


def visible_events(user: Viewer) -> EventQuerySet:
    """Published events, plus the unpublished ones of the collectivities where the user works."""
    queryset = Event.objects.all()
    if signed_in(user):
        assert user is not None and user.is_authenticated  # what signed_in() checked
        if user.is_superuser or is_network_coordinator(user):
            return queryset
        own = collectivities_where(user, READERS)
        if own:
            return queryset.filter(Q(is_published=True) | Q(collectivity__in=own))
    return queryset.published()


def sees_only_published_events(user: Viewer) -> bool:
    """Whether the events lists and calendar `user` is given are the public ones: no unpublished event is theirs to
    see (one query, asked of a signed-in reader with a power: core.sharedpages then gives them the shared copy)."""
    return not visible_events(user).filter(is_published=False).exists()


def with_counts(queryset: EventQuerySet) -> EventQuerySet:
    return queryset.annotate(
        confirmed_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)),
        waiting_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)),
    )


def event_list(
    user: Viewer,
    *,
    collectivity: Collectivity | None = None,
    kind: str = "",
    when: str = "upcoming",
    now: datetime.datetime | None = None,
) -> EventQuerySet:
    now = now or timezone.now()
    queryset = with_counts(visible_events(user).select_related("collectivity"))
    if collectivity is not None:
        queryset = queryset.filter(collectivity=collectivity)
    if kind:
        queryset = queryset.filter(kind=kind)
    if when == "past":
        return queryset.past(now).order_by("-starts_at", "-pk")
    return queryset.upcoming(now).order_by("starts_at", "pk")


def calendar_years(user: Viewer, today: datetime.date | None = None) -> tuple[int, int]:
    """The first and last years the calendar shows to `user`: those of the events they may see, and this year, with
    one year more on each side (one query). Crawlers then find an end instead of walking 1999 to 2093."""
    from django.db.models import Max, Min

    this_year = (today or timezone.localdate()).year
    span = visible_events(user).aggregate(first=Min("starts_at"), last=Max("ends_at"))
    first = timezone.localtime(span["first"]).year if span["first"] else this_year
    last = timezone.localtime(span["last"]).year if span["last"] else this_year
    return min(first, this_year) - 1, max(last, this_year) + 1


def month_bounds(year: int, month: int) -> tuple[datetime.datetime, datetime.datetime]:
    first = timezone.make_aware(datetime.datetime(year, month, 1))
    last_day = calendar.monthrange(year, month)[1]
    after = timezone.make_aware(datetime.datetime(year, month, last_day) + datetime.timedelta(days=1))
    return first, after


def month_events(
    user: Viewer, year: int, month: int, *, collectivity: Collectivity | None = None, kind: str = ""
) -> list[Event]:
    """The events that touch the month, in order (one query)."""
    first, after = month_bounds(year, month)
    queryset = visible_events(user).filter(starts_at__lt=after, ends_at__gte=first).select_related("collectivity")
    if collectivity is not None:
        queryset = queryset.filter(collectivity=collectivity)
    if kind:
        queryset = queryset.filter(kind=kind)
    return list(queryset.order_by("starts_at", "pk"))


def month_grid(year: int, month: int, events: Iterable[Event]) -> list[list[tuple[datetime.date | None, list[Event]]]]:
    """Weeks (Monday first) of days; each day a (date or None, [events starting or running that day])."""
    by_day: dict[datetime.date, list[Event]] = {}
    for event in events:
        day = timezone.localtime(event.starts_at).date()
        end = timezone.localtime(event.ends_at).date()
        while day <= end:
            by_day.setdefault(day, []).append(event)
            day += datetime.timedelta(days=1)
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append(
            [(day if day.month == month else None, by_day.get(day, []) if day.month == month else []) for day in week]
        )
    return weeks


def event_detail(pk: int) -> Event:
    """The event with its organiser, program, body, agenda, findings (with axes, commitments) and materials."""
    return (
        with_counts(Event.objects.select_related("collectivity", "program", "advisory_body"))
        .prefetch_related(
            Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("order", "starts_at", "pk")),
            Prefetch(
                "findings",
                queryset=Finding.objects.prefetch_related(
                    Prefetch("axes", queryset=Axis.objects.select_related("program")),
                    Prefetch("commitments", queryset=Commitment.objects.select_related("program")),
                ).order_by("order", "pk"),
            ),
            "materials",
        )
        .get(pk=pk)
    )


def agenda_tree(items: Iterable[Any]) -> list[Any]:
    """Top-level items in order, each with `subitems` (its children in order); works on a prefetched list."""
    items = list(items)
    children: dict[int | None, list[Any]] = {}
    for item in items:
        children.setdefault(item.parent_id, []).append(item)
    for item in items:
        item.subitems = children.get(item.pk, [])
    return children.get(None, [])


def registrations_for_attendance(event: Event) -> list[Registration]:
    return list(
        Registration.objects.filter(event=event)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("user")
        .order_by("status", "created_at", "pk")
    )


def upcoming_of(collectivity: Collectivity, limit: int = 5) -> list[Event]:
    """The next published events of a collectivity (one query), for its member page."""
    return list(
        Event.objects.published().filter(collectivity=collectivity).upcoming().order_by("starts_at", "pk")[:limit]
    )


def workshops_for_commitment(commitment: Commitment) -> list[Event]:
    """The published events whose findings fed this commitment (one query)."""
    return list(
        Event.objects.published()
        .filter(findings__commitments=commitment)
        .select_related("collectivity")
        .distinct()
        .order_by("starts_at", "pk")
    )


def commitment_section_context(commitment: Commitment, user: Viewer) -> dict[str, Any]:
    """The programs' commitment page block: the workshops it came from (nothing shown when none)."""
    events = workshops_for_commitment(commitment)
    return {"events": events} if events else {}


def member_section_context(request: HttpRequest, collectivity: Collectivity) -> dict[str, Any]:
    return {"events": upcoming_of(collectivity)}
