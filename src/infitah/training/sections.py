"""The training blocks of other pages (a member's, the network's), the course's participation gate and the
open-data rows."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from infitah.core.permissions import can
from infitah.training import capacity
from infitah.training.models import Course


def member_section(request, collectivity) -> dict[str, Any]:
    return {"figures": capacity.of_member(collectivity.pk)}


def network_section(request) -> dict[str, Any]:
    return {"totals": capacity.network_totals()}


def course_gate(user, course, feature):
    """A published course is public; only its organiser attaches files (its own materials) to it."""
    if feature == "view":
        return None if course.is_published else _("This course is not published.")
    if not course.is_published:
        return _("This course is not published.")
    if feature == "attach" and not (user.is_authenticated and can(user, "training.manage_course", course)):
        return _("Only the organiser of the course attaches its materials.")
    return None


def dataset_courses():
    return (
        Course.objects.published()
        .select_related("collectivity")
        .annotate(
            session_count=Count("course_sessions", filter=Q(course_sessions__event__is_published=True), distinct=True),
            completion_count=Count("enrolments", filter=Q(enrolments__completed_at__isnull=False), distinct=True),
        )
        .order_by("pk")
    )
