"""The querysets the council pages, feeds, datasets, search and API read: each built once here, with what it shows
fetched up front, so that a page costs a fixed number of queries whatever the number of rows."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Model, Prefetch, Q, QuerySet
from django.utils import timezone

from infitah.council.models import AgendaPoint, Decision, Session
from infitah.participation.models import Attachment
from infitah.participation.targets import content_type_of

MEMBER_SECTION_LATEST = 5


def visible_sessions(user: Any) -> QuerySet[Session]:
    """Published sessions, and for staff and council members their collectivities' unpublished ones."""
    from infitah.accounts.roles import holds, is_network_coordinator
    from infitah.council.rules import READERS

    sessions = Session.objects.select_related("collectivity")
    if user is None or not user.is_authenticated:
        return sessions.published()
    if user.is_superuser or is_network_coordinator(user):
        return sessions
    mine = [collectivity for role, collectivity in user.active_roles if role in READERS and collectivity]
    if mine and holds(user, READERS):
        return sessions.filter(Q(is_published=True) | Q(collectivity_id__in=mine))
    return sessions.published()


def sees_only_published_sessions(user: Any) -> bool:
    """Whether the calendar `user` is given is the public one: no unpublished session is theirs to read (one query,
    asked of a signed-in reader with a power: core.sharedpages then gives them the shared copy)."""
    return not visible_sessions(user).filter(is_published=False).exists()


def calendar(
    user: Any, *, collectivity: Any = None, year: int | None = None, kind: str = "", today: datetime.date | None = None
) -> tuple[list[Session], list[Session]]:
    """(upcoming, past): upcoming sessions soonest first, then past ones latest first."""
    today = today or timezone.localdate()
    sessions = visible_sessions(user)
    if collectivity is not None:
        sessions = sessions.filter(collectivity=collectivity)
    if year:
        sessions = sessions.filter(opens_on__year=year)
    if kind:
        sessions = sessions.filter(kind=kind)
    upcoming = list(sessions.filter(opens_on__gte=today).order_by("opens_on", "pk"))
    past = list(sessions.filter(opens_on__lt=today).order_by("-opens_on", "-pk"))
    return upcoming, past


def session_page(session: Session) -> dict[str, Any]:
    """The agenda (with its petitions, programs and documents), the decisions and the session's documents."""
    points = list(
        AgendaPoint.objects.filter(session=session).select_related("petition", "program").order_by("order", "pk")
    )
    decisions = list(Decision.objects.filter(session=session).select_related("agenda_point").order_by("number", "pk"))
    documents = documents_of([session, *points])
    for point in points:
        point.documents = documents.get(("agendapoint", point.pk), [])  # type: ignore[attr-defined]
        point.decisions_taken = [d for d in decisions if d.agenda_point_id == point.pk]  # type: ignore[attr-defined]
    return {"points": points, "decisions": decisions, "session_documents": documents.get(("session", session.pk), [])}


def documents_of(objects: list[Any]) -> dict[tuple[str, int], list[Attachment]]:
    """The visible attachments of several objects, in one query per kind of object (two at most here)."""
    found: dict[tuple[str, int], list[Attachment]] = {}
    by_model: dict[type[Model], list[int]] = {}
    for obj in objects:
        by_model.setdefault(type(obj), []).append(obj.pk)
    for model, ids in by_model.items():
        rows = Attachment.objects.filter(content_type=content_type_of(model), object_id__in=ids, is_hidden=False)
        for attachment in rows.order_by("pk"):
            found.setdefault((str(model._meta.model_name), attachment.object_id), []).append(attachment)
    return found


def decision_or_none(pk: int) -> Decision | None:
    return (
        Decision.objects.select_related("session__collectivity", "agenda_point__petition", "agenda_point__program")
        .filter(pk=pk)
        .first()
    )


def published_decisions() -> QuerySet[Decision]:
    return Decision.objects.published().select_related("session", "collectivity")


def published_points() -> QuerySet[AgendaPoint]:
    return AgendaPoint.objects.filter(session__is_published=True)


def member_section(request: Any, collectivity: Any) -> dict[str, Any]:
    """A member's page: its next published session and its latest decisions (two queries)."""
    today = timezone.localdate()
    sessions = Session.objects.published().filter(collectivity=collectivity)
    upcoming = sessions.filter(opens_on__gte=today).exclude(status="cancelled").order_by("opens_on", "pk").first()
    latest = list(
        Decision.objects.published()
        .filter(collectivity=collectivity)
        .select_related("session")
        .order_by("-decided_on", "-pk")[:MEMBER_SECTION_LATEST]
    )
    return {"collectivity": collectivity, "next_session": upcoming, "latest": latest}


def decisions_of_program(program: Any) -> list[Decision]:
    return list(
        Decision.objects.published()
        .filter(Q(adoption__program=program) | Q(agenda_point__program=program))
        .select_related("session")
        .order_by("decided_on", "pk")
        .distinct()
    )


def points_of_petition(petition: Any) -> list[AgendaPoint]:
    return list(
        published_points()
        .filter(petition=petition)
        .select_related("session")
        .prefetch_related(Prefetch("decisions", queryset=Decision.objects.order_by("pk")))
        .order_by("session__opens_on", "pk")
    )


def sessions_to_remind(today: datetime.date, days_before: int) -> QuerySet[Session]:
    """Published sessions opening within `days_before` days whose followers were not reminded yet."""
    return (
        Session.objects.published()
        .filter(
            status="planned",
            reminded_at__isnull=True,
            opens_on__gte=today,
            opens_on__lte=today + datetime.timedelta(days=days_before),
        )
        .select_related("collectivity")
    )


def dataset_sessions() -> QuerySet[Session]:
    from django.db.models import Count

    return (
        Session.objects.published()
        .select_related("collectivity")
        .annotate(point_count=Count("agenda_points"))
        .order_by("opens_on", "pk")
    )


def dataset_decisions() -> QuerySet[Decision]:
    return published_decisions().order_by("decided_on", "pk")
