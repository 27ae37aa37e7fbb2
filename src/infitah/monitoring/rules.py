"""Who may do what in co-monitoring.

- Only a program the council adopted (it has a reference version) is monitored.
- The focal point and the editors of the program's collectivity write progress updates, answer contests and
  manage the follow-up committee and the milestone weights. Staff of one collectivity never touch another's.
- Co-monitors review updates (confirm, or contest with a comment): the representatives of the verified associations
  the adopted version names as co-owners of the commitment, and the committee members who have an account (for
  every commitment of the program). Nobody reviews their own update, and the collectivity's staff never review:
  they are the ones reviewed.
- Anyone reads the updates of a public adopted program; network coordinators read everything.
"""

from __future__ import annotations

from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import STAFF_ROLES, Role, User
from infitah.accounts.predicates import network_coordinator, staff_of
from infitah.accounts.types import Viewer
from infitah.core.permissions import public, rule
from infitah.core.predicates import signed_in
from infitah.monitoring import selectors
from infitah.monitoring.models import CommitteeMember, ProgressUpdate
from infitah.programs.models import Program

EDITORS = {Role.FOCAL_POINT, Role.EDITOR}
READERS = STAFF_ROLES | {Role.COUNCIL_MEMBER}

_editor = staff_of(EDITORS)
_staff = staff_of(STAFF_ROLES)
_reader = staff_of(READERS)


def program_of(obj: Model | None) -> Program | None:
    if isinstance(obj, Program):
        return obj
    if isinstance(obj, ProgressUpdate | CommitteeMember):
        return obj.program if isinstance(obj, ProgressUpdate) else obj.committee.program
    return None


def _editor_of_program(user: User, obj: Model | None) -> bool:
    return _editor(user, program_of(obj) or obj)


@rule("monitoring.view_update")
@public
def may_view_update(user: Viewer, obj: Model | None) -> bool:
    """A public adopted program's updates are everyone's; before that, its collectivity's staff and council."""
    program = program_of(obj)
    if program is None or (program.is_public and program.reference_version_id is not None):
        return True
    return signed_in(user) and (network_coordinator(user) or _reader(user, program))


@rule(
    "monitoring.view_desk",
    reason=_("The monitoring desk is for the staff of the program's collectivity and for its co-monitors."),
)
def may_view_desk(user: User, obj: Model | None) -> bool:
    program = program_of(obj)
    if network_coordinator(user) or _staff(user, program or obj):
        return True
    return program is not None and selectors.co_monitors_anything(user, program)


@rule(
    "monitoring.write_update",
    reason=_("Only the focal point and the editors of the program's collectivity write its progress updates."),
)
def may_write_update(user: User, obj: Model | None) -> bool:
    return _editor_of_program(user, obj)


@rule(
    "monitoring.reply_to_contest",
    reason=_("Only the focal point and the editors of the program's collectivity answer contested updates."),
)
def may_reply_to_contest(user: User, obj: Model | None) -> bool:
    return _editor_of_program(user, obj)


@rule(
    "monitoring.manage_follow_up",
    reason=_(
        "Only the focal point and the editors of the program's collectivity record its follow-up committee "
        "and the weights of its milestones."
    ),
)
def may_manage_follow_up(user: User, obj: Model | None) -> bool:
    return _editor_of_program(user, obj)


@rule(
    "monitoring.review_update",
    reason=_(
        "Only the co-monitors of the commitment review its updates: the follow-up committee's members and the "
        "representatives of the associations that co-own it. Nobody reviews their own update, nor do the "
        "collectivity's staff."
    ),
)
def may_review_update(user: User, obj: Model | None) -> bool:
    if not isinstance(obj, ProgressUpdate):
        return False
    if obj.author_id == user.pk or _staff(user, obj.program):
        return False
    return selectors.co_monitors(user, obj.program, obj.commitment_key)
