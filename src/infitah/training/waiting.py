"""What waits for a course's organiser on the landing page: the attendance of its ended sessions still to mark, and
the completions to confirm (a fixed number of queries whatever the person organises)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from infitah.accounts.roles import collectivities_where, is_network_coordinator
from infitah.core.contributions import Waiting
from infitah.events.models import Registration, RegistrationStatus
from infitah.training.models import Course, CourseSession, Enrolment
from infitah.training.rules import ORGANISERS

if TYPE_CHECKING:
    from infitah.accounts.models import User

LIMIT = 20
ATTENDANCE_WINDOW = datetime.timedelta(days=60)


def _organised_by(user: User) -> Q | None:
    where = Q(course__collectivity__in=collectivities_where(user, ORGANISERS))
    if is_network_coordinator(user):
        where |= Q(course__collectivity__isnull=True)
    if not collectivities_where(user, ORGANISERS) and not is_network_coordinator(user):
        return None
    return where


def for_organisers(user: User, now: datetime.datetime | None = None) -> list[Waiting]:
    where = _organised_by(user)
    if where is None:
        return []
    now = now or timezone.now()
    sessions = (
        CourseSession.objects.filter(where, event__ends_at__lt=now, event__ends_at__gte=now - ATTENDANCE_WINDOW)
        .annotate(
            unmarked=Count(
                "event__registrations",
                filter=Q(
                    event__registrations__status=RegistrationStatus.CONFIRMED,
                    event__registrations__attended__isnull=True,
                ),
            )
        )
        .filter(unmarked__gt=0)
        .select_related("event", "course")
        .order_by("event__ends_at", "pk")[:LIMIT]
    )
    items = [
        Waiting(
            title=str(session.event),
            url=reverse("events:attendance", args=[session.event_id]),
            note=ngettext(
                "Attendance to mark: %(count)d person, for the course's completions.",
                "Attendance to mark: %(count)d people, for the course's completions.",
                session.unmarked,
            )
            % {"count": session.unmarked},
            place=str(session.course),
        )
        for session in sessions
    ]
    came = Registration.objects.filter(
        user=OuterRef("user"),
        attended=True,
        event__is_published=True,
        event__course_sessions__course=OuterRef("course"),
    )
    courses = Course.objects.filter(
        pk__in=Enrolment.objects.filter(where, withdrawn_at__isnull=True, completed_at__isnull=True)
        .filter(Exists(came))
        .values("course")
    ).order_by("pk")[:LIMIT]
    items += [
        Waiting(
            title=str(course),
            url=reverse("training:participants", args=[course.pk]),
            note=_("Participants have attended sessions: check and confirm the completions."),
        )
        for course in courses
    ]
    return items
