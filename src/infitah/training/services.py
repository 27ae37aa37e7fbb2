"""What people do with courses: enrol and withdraw; what organisers do: attach sessions, confirm completions,
mark one by hand. Refusals raise `TrainingRefused` with the sentence to show, and change nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.accounts.models import STAFF_ROLES, Association
from infitah.accounts.roles import collectivities_where
from infitah.core.permissions import Refused
from infitah.events.models import Event, EventKind
from infitah.participation.audit import audit
from infitah.participation.notifications import notify
from infitah.territories.models import Membership
from infitah.training import selectors
from infitah.training.models import Audience, Course, CourseSession, Enrolment, new_code

if TYPE_CHECKING:
    from infitah.accounts.models import User


class TrainingRefused(Refused):
    """Refused, with the reason shown to the person who tried (`message`)."""


def member_staff_collectivity(user: User) -> int | None:
    """The member collectivity where the person holds a staff role (the first by id when several), or None."""
    own = collectivities_where(user, STAFF_ROLES)
    if not own:
        return None
    members = Membership.objects.current().filter(collectivity__in=own).order_by("collectivity_id")
    return members.values_list("collectivity_id", flat=True).first()


def represented_association(user: User) -> Association | None:
    """The association the person represents (the first linked when several)."""
    return Association.objects.filter(representative_links__user=user).order_by("representative_links__pk").first()


def trained_as(course: Course, user: User) -> tuple[bool, int | None, Association | None]:
    """(as staff?, the collectivity trained for, the association) for this course's audience, or a refusal."""
    staff_of = member_staff_collectivity(user) if course.audience != Audience.ASSOCIATIONS else None
    if staff_of is not None:
        return True, staff_of, None
    association = represented_association(user) if course.audience != Audience.STAFF else None
    if association is not None:
        return False, association.seat_id, association
    if course.audience == Audience.STAFF:
        raise TrainingRefused(
            _("This course is for the staff of member collectivities: your account holds no staff role in a member.")
        )
    if course.audience == Audience.ASSOCIATIONS:
        raise TrainingRefused(_("This course is for associations: your account represents no association."))
    raise TrainingRefused(
        _("This course is for the staff of member collectivities and for associations: your account is neither.")
    )


@transaction.atomic
def enrol(user: User, course: Course) -> Enrolment:
    if not course.is_published:
        raise TrainingRefused(_("This course is not open for enrolment."))
    as_staff, collectivity_id, association = trained_as(course, user)
    enrolment = Enrolment.objects.select_for_update().filter(course=course, user=user).first()
    if enrolment is not None and enrolment.is_active:
        raise TrainingRefused(_("You are already enrolled in this course."))
    fields = {
        "as_staff": as_staff,
        "collectivity_id": collectivity_id,
        "association": association,
        "withdrawn_at": None,
    }
    if enrolment is None:
        try:
            with transaction.atomic():
                enrolment = Enrolment.objects.create(course=course, user=user, **fields)
        except IntegrityError:
            raise TrainingRefused(_("You are already enrolled in this course.")) from None
    else:
        for name, value in fields.items():
            setattr(enrolment, name, value)
        enrolment.save(update_fields=list(fields))
    notify("course_enrolled", course, recipients=[user])
    return enrolment


def withdraw(enrolment: Enrolment) -> None:
    if not enrolment.is_active:
        raise TrainingRefused(_("You are not enrolled in this course."))
    if enrolment.is_completed:
        raise TrainingRefused(_("You completed this course: your certificate stays valid."))
    enrolment.withdrawn_at = timezone.now()
    enrolment.save(update_fields=["withdrawn_at"])


def attach_session(actor: User, course: Course, event: Event) -> CourseSession:
    """A training event of the course's own organiser becomes one of its sessions."""
    if event.kind != EventKind.TRAINING:
        raise TrainingRefused(_("Only a training event can be a session of a course."))
    if event.collectivity_id != course.collectivity_id:
        raise TrainingRefused(_("A course's sessions are events of its own organiser."))
    session, created = CourseSession.objects.get_or_create(course=course, event=event)
    if not created:
        raise TrainingRefused(_("This event is already a session of the course."))
    audit(actor, "training.attach_session", course, {"event": event.pk}, collectivity=course.collectivity)
    return session


def detach_session(actor: User, course: Course, session: CourseSession) -> None:
    if session.course_id != course.pk:
        raise TrainingRefused(_("This event is not a session of the course."))
    session.delete()
    audit(actor, "training.detach_session", course, {"event": session.event_id}, collectivity=course.collectivity)


def _issue(enrolment: Enrolment, actor: User, reason: str = "") -> None:
    enrolment.completed_at = timezone.now()
    enrolment.completed_by = actor
    enrolment.completion_reason = reason
    while True:
        enrolment.certificate_code = new_code()
        if not Enrolment.objects.filter(certificate_code=enrolment.certificate_code).exists():
            break
    enrolment.save(update_fields=["completed_at", "completed_by", "completion_reason", "certificate_code"])
    notify("course_completed", enrolment.course, recipients=[enrolment.user])
    notify("course_certificate_available", enrolment.course, recipients=[enrolment.user])


@transaction.atomic
def confirm_completions(actor: User, course: Course) -> int:
    """Issue the certificates of everyone whose attendance completes the course; returns how many."""
    rows = [
        row
        for row in selectors.participants(course)
        if getattr(row, "completed_by_attendance", False) and not row.is_completed
    ]
    for enrolment in rows:
        _issue(enrolment, actor)
    if rows:
        audit(actor, "training.confirm_completions", course, {"count": len(rows)}, collectivity=course.collectivity)
    return len(rows)


@transaction.atomic
def complete_by_hand(actor: User, enrolment: Enrolment, reason: str) -> None:
    reason = reason.strip()
    if not reason:
        raise TrainingRefused(_("Say why you mark this completion by hand."))
    if not enrolment.is_active:
        raise TrainingRefused(_("This person withdrew from the course."))
    if enrolment.is_completed:
        raise TrainingRefused(_("This person has already completed the course."))
    _issue(enrolment, actor, reason)
    audit(
        actor,
        "training.complete_by_hand",
        enrolment.course,
        {"enrolment": enrolment.pk, "reason": reason},
        collectivity=enrolment.course.collectivity,
    )
