"""The personal parts of a course's page (core.sharedpages): `{% load course_reader %}` then
`{% course_enrolment course %}` (the reader's enrolment: enrol, or why they may not; withdraw; their certificate) and
`{% course_sessions course %}` (the sessions, each with a link to register once the reader is enrolled); and
`{% course_staff_actions course %}` (powers only: edit the course, its sessions, its participants)."""

from typing import Any

from django import template
from django.http import HttpRequest

from infitah.core.partobjects import Loader
from infitah.core.permissions import can
from infitah.core.sharedpages import part_context, personal_inclusion_tag, powers_only_flags
from infitah.training import selectors
from infitah.training.services import TrainingRefused, trained_as

register = template.Library()


def _courses(model: Any, pks: Any) -> dict[Any, Any]:
    # With the sessions and their events, as the page reads them.
    return model.objects.prefetch_related(selectors.sessions_prefetch()).in_bulk(pks)


_load = Loader(everyone=_courses)


def _enrolment(request: HttpRequest, course: Any) -> Any:
    kept = request.__dict__.setdefault("_course_enrolments", {})
    if course.pk not in kept:  # both parts read it: one query a page
        kept[course.pk] = selectors.own_enrolment(request.user, course)
    return kept[course.pk]


def _context(context: Any, course: Any) -> dict[str, Any]:
    return part_context(context, course=course, enrolment=_enrolment(context["request"], course))


def _sessions_alike(request: HttpRequest, course: Any, _key: str) -> str | None:
    """The sessions list depends on its reader only by an active enrolment (its "Register to the session" links,
    which also depend on the clock): rendered once per copy for the readers who have none, most readers of a course."""
    enrolment = _enrolment(request, course)
    return None if enrolment is not None and enrolment.is_active else "not enrolled"


@personal_inclusion_tag(register, "training", "training/_reader_enrolment.html", load=_load)
def course_enrolment(context, course):
    data = _context(context, course)
    user, enrolment = data["user"], data["enrolment"]
    # Say before the click why the course is not theirs to take (its audience), rather than offer a futile button.
    data["enrol_refusal"] = None
    if user.is_authenticated and course.is_published and not (enrolment and enrolment.is_active):
        try:
            trained_as(course, user)
        except TrainingRefused as refused:
            data["enrol_refusal"] = refused.message
    return data


@powers_only_flags(register, "training", "training/_staff_actions.html", "course", load=_load)
def course_staff_actions(user: Any, course: Any) -> dict[str, bool]:
    """Edit the course and its sessions; its participants and completions."""
    signed_in = user.is_authenticated
    return {
        "may_manage": signed_in and can(user, "training.manage_course", course),
        "may_see_participants": signed_in and can(user, "training.view_participants", course),
    }


@personal_inclusion_tag(
    register,
    "training",
    "training/_reader_sessions.html",
    load=_load,
    alike=_sessions_alike,
    alike_with_powers=_sessions_alike,
)
def course_sessions(context, course):
    return {**_context(context, course), "sessions": selectors.held_sessions(course)}
