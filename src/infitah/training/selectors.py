"""The querysets the training pages need, and what other apps may ask about training (import this module)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from infitah.accounts.models import STAFF_ROLES
from infitah.accounts.roles import collectivities_where, is_network_coordinator
from infitah.core import quicksql
from infitah.core.predicates import signed_in
from infitah.events.models import Event, Registration
from infitah.training.completion import is_completed, sessions_required
from infitah.training.models import Course, CourseSession, Enrolment

if TYPE_CHECKING:
    from infitah.accounts.types import Viewer


def visible_courses(user: Viewer) -> QuerySet[Course]:
    """Published courses, plus the unpublished ones of the organisers where the person works."""
    queryset = Course.objects.all()
    if signed_in(user):
        assert user is not None and user.is_authenticated
        if user.is_superuser or is_network_coordinator(user):
            return queryset
        own = collectivities_where(user, STAFF_ROLES)
        if own:
            return queryset.filter(Q(is_published=True) | Q(collectivity__in=own))
    return queryset.published()


def sees_only_published_courses(user: Viewer) -> bool:
    """Whether the course list `user` is given is the public one: no unpublished course is theirs to see (one query,
    asked of a signed-in reader with a power: core.sharedpages then gives them the shared copy)."""
    return not visible_courses(user).filter(is_published=False).exists()


def course_list(user: Viewer, audience: str = "") -> QuerySet[Course]:
    queryset = (
        visible_courses(user)
        .select_related("collectivity")
        .annotate(session_count=Count("course_sessions", filter=Q(course_sessions__event__is_published=True)))
        .order_by("-created_at", "-pk")
    )
    if audience:
        queryset = queryset.filter(audience=audience)
    return queryset


def sessions_prefetch() -> Prefetch:
    return Prefetch(
        "course_sessions",
        queryset=CourseSession.objects.select_related("event")
        .prefetch_related("event__materials")
        .order_by("event__starts_at", "pk"),
    )


def course_detail(pk: int) -> Course:
    return Course.objects.select_related("collectivity").prefetch_related(sessions_prefetch()).get(pk=pk)


def held_sessions(course: Course) -> list[CourseSession]:
    """The sessions not cancelled (their event still published), from the prefetched list."""
    return [session for session in course.course_sessions.all() if session.event.is_published]


def attended_counts(course: Course, user_ids: Iterable[int]) -> dict[int, int]:
    """Per person: how many of the course's sessions (not cancelled) they attended (one query)."""
    rows = (
        Registration.objects.filter(
            user_id__in=list(user_ids),
            attended=True,
            event__course_sessions__course=course,
            event__is_published=True,
        )
        .values("user_id")
        .annotate(attended=Count("event", distinct=True))
    )
    return {row["user_id"]: row["attended"] for row in rows}


def participants(course: Course) -> list[Enrolment]:
    """The active enrolments, each with `attended`, `sessions_needed` and `completed_by_attendance` (3 queries)."""
    enrolments = list(
        Enrolment.objects.filter(course=course, withdrawn_at__isnull=True)
        .select_related("user", "association", "collectivity")
        .order_by("created_at", "pk")
    )
    sessions = Event.objects.filter(course_sessions__course=course, is_published=True).count()
    counts = attended_counts(course, [enrolment.user_id for enrolment in enrolments])
    needed = sessions_required(course.sessions_required, sessions)
    for enrolment in enrolments:
        came = counts.get(enrolment.user_id, 0)
        enrolment.attended = came  # type: ignore[attr-defined]
        enrolment.sessions_needed = needed  # type: ignore[attr-defined]
        enrolment.completed_by_attendance = is_completed(  # type: ignore[attr-defined]
            came, sessions, course.sessions_required
        )
    return enrolments


def own_enrolment(user: Viewer, course: Course) -> Enrolment | None:
    if not signed_in(user):
        return None
    # Most readers of a course's page are not enrolled: asked first as SQL built once per process (core.quicksql).
    if not quicksql.rows(Enrolment, ["id"], course=course.pk, user=user.pk):
        return None
    return Enrolment.objects.filter(course=course, user=user).first()


def certificate_by_code(code: str) -> Enrolment | None:
    return (
        Enrolment.objects.select_related("course__collectivity", "user")
        .filter(certificate_code=code.strip().upper(), completed_at__isnull=False)
        .first()
    )


def own_training_events(course: Course) -> QuerySet[Event]:
    """The organiser's training events not yet sessions of the course: what may be attached."""
    from infitah.events.models import EventKind

    events = Event.objects.filter(kind=EventKind.TRAINING).exclude(course_sessions__course=course)
    if course.collectivity_id is None:
        events = events.filter(collectivity__isnull=True)
    else:
        events = events.filter(collectivity_id=course.collectivity_id)
    return events.order_by("-starts_at", "pk")


def course_materials(course: Course) -> list[Any]:
    """The training materials of the course's sessions (prefetched with the course)."""
    return [material for session in held_sessions(course) for material in session.event.materials.all()]


def public_courses() -> QuerySet[Course]:
    return Course.objects.published().select_related("collectivity").order_by("pk")


def attended_enrolments() -> QuerySet[Enrolment]:
    """Active enrolments whose person attended at least one session of the course: the people trained."""
    came = Registration.objects.filter(
        user=OuterRef("user"),
        attended=True,
        event__is_published=True,
        event__course_sessions__course=OuterRef("course"),
    )
    return Enrolment.objects.filter(withdrawn_at__isnull=True).filter(Exists(came))
