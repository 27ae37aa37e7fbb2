"""Who may do what with training courses.

- Everyone reads a published course; an unpublished one is read by its organiser's staff and the coordinators.
- The organiser manages a course (its sessions, the completions, by hand with a reason): the focal point and the
  editors of the organising collectivity, the network coordinators for the network's own courses. They attach
  only training events of their own (the service checks the event too).
- Who enrolled is read by the organiser's staff only (names never public).
- Any signed-in person may ask to enrol in a published course; the audience is checked by the service, which
  says why it refuses.
- Staff of one collectivity never touch another's course. Platform administrators may do everything.
"""

from collections.abc import Collection
from typing import Any

from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import STAFF_ROLES, Role, User
from infitah.accounts.predicates import network_coordinator
from infitah.accounts.roles import holds
from infitah.accounts.types import Viewer
from infitah.core.permissions import public, rule
from infitah.core.predicates import signed_in
from infitah.core.scopes import collectivity_id_of

ORGANISERS = {Role.FOCAL_POINT, Role.EDITOR}


def course_of(obj: Model | None) -> Any:
    from infitah.training.models import Course

    if isinstance(obj, Course):
        return obj
    return getattr(obj, "course", None) if obj is not None else None


def _holds_for(user: User, roles: Collection[str], obj: Model | None) -> bool:
    """Roles held where `obj` belongs; the network's own courses (no collectivity) belong to the coordinators."""
    if obj is None:
        return network_coordinator(user) or holds(user, roles)
    collectivity_id = collectivity_id_of(obj)
    if collectivity_id is None:
        return network_coordinator(user)
    return holds(user, roles, collectivity_id)


@rule("training.view_course")
@public
def may_view_course(user: Viewer, obj: Model | None) -> bool:
    course = course_of(obj)
    if course is None or course.is_published:
        return True
    return signed_in(user) and (network_coordinator(user) or _holds_for(user, STAFF_ROLES, course))


@rule(
    "training.manage_course",
    reason=_(
        "Only the focal point and the editors of the collectivity that organises the course manage it "
        "(the network coordinators for the network's own courses)."
    ),
)
def may_manage_course(user: User, obj: Model | None) -> bool:
    """Attach and detach sessions, confirm completions, mark one by hand."""
    return _holds_for(user, ORGANISERS, obj)


@rule(
    "training.view_participants",
    reason=_("Only the staff of the organiser of the course see who enrolled."),
)
def may_view_participants(user: User, obj: Model | None) -> bool:
    return network_coordinator(user) or _holds_for(user, STAFF_ROLES, obj)


@rule("training.enrol", reason=_("Enrolling is for signed-in people, in published courses."))
def may_enrol(user: User, obj: Model | None) -> bool:
    course = course_of(obj)
    return signed_in(user) and (course is None or course.is_published)
