"""Who may do what with openness programs.

- Everyone reads a program once it is public (from co-creation on); before that, its collectivity's staff and
  council members read it, and network coordinators read every program.
- The focal point and editors of the program's collectivity edit its draft (axes, commitments, milestones) and
  copy other members' commitments into it; a closed program's draft no longer changes.
- The focal point alone moves the program from phase to phase, publishes versions and records the council's
  adoption: the acts that are shown publicly.
- Staff of one collectivity never touch another's programs. Platform administrators may do everything.
"""

from collections.abc import Collection

from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import Role, User
from infitah.accounts.predicates import network_coordinator, staff_of
from infitah.accounts.types import Viewer
from infitah.core.permissions import public, rule
from infitah.core.predicates import Predicate, signed_in
from infitah.programs.models import Axis, Commitment, Milestone, Program, ProgramVersion
from infitah.programs.phases import Phase
from infitah.programs.selectors import DRAFT_READERS

EDITORS = {Role.FOCAL_POINT, Role.EDITOR}
FOCAL_POINT = {Role.FOCAL_POINT}


def program_of(obj: Model | None) -> Program | None:
    """The program an object belongs to (None for a collectivity or nothing)."""
    if isinstance(obj, Program):
        return obj
    if isinstance(obj, Commitment) and obj.program_id is None:
        return obj.axis.program  # not saved yet: its program comes from its axis on save
    if isinstance(obj, Axis | Commitment | ProgramVersion):
        return obj.program
    if isinstance(obj, Milestone):
        return obj.commitment.program
    return None


def _staff_of(roles: Collection[str]) -> Predicate[User]:
    """Staff of the collectivity of the program `obj` belongs to (a commitment not saved yet included, through
    its axis), or of `obj` itself when it is a collectivity."""
    holds_roles = staff_of(roles)

    def predicate(user: User, obj: Model | None) -> bool:
        return holds_roles(user, program_of(obj) or obj)

    return predicate


_draft_reader = _staff_of(DRAFT_READERS)
_editor = _staff_of(EDITORS)
_focal_point = _staff_of(FOCAL_POINT)


def _open(obj: Model | None) -> bool:
    program = program_of(obj)
    return program is None or program.phase != Phase.CLOSED


@rule("programs.view_draft")
def may_view_draft(user: User, obj: Model | None) -> bool:
    """Read a program before it is public, and the program pages of the back office."""
    return network_coordinator(user) or _draft_reader(user, obj)


@rule("programs.view_program")
@public
def may_view_program(user: Viewer, obj: Model | None) -> bool:
    program = program_of(obj)
    if program is not None and program.is_public:
        return True
    return signed_in(user) and may_view_draft(user, obj)


@rule("programs.add_program")
def may_add_program(user: User, obj: Model | None) -> bool:
    """obj: the collectivity the program is for, or None (may the user start programs at all?)."""
    return _editor(user, obj)


@rule(
    "programs.change_program",
    reason=_(
        "Only the focal point and the editors of the program's collectivity "
        "edit its draft, and only until the program is closed."
    ),
)
def may_change_program(user: User, obj: Model | None) -> bool:
    """Edit the draft: the program's texts, planned dates, axes, commitments and milestones."""
    return _editor(user, obj) and _open(obj)


@rule("programs.delete_program")
def may_delete_program(user: User, obj: Model | None) -> bool:
    """Only a program still in preparation is deleted; a public one is closed, so its record stays."""
    program = program_of(obj)
    in_preparation = program is None or program.phase == Phase.PREPARATION
    return _focal_point(user, obj) and in_preparation


@rule(
    "programs.copy_commitment",
    reason=_(
        "Only the focal point and the editors of a collectivity copy "
        "commitments, into their own collectivity's open programs."
    ),
)
def may_copy_commitment(user: User, obj: Model | None) -> bool:
    """obj: the program (or axis) that receives the copy."""
    return _editor(user, obj) and _open(obj)


@rule(
    "programs.transition",
    reason=_("Only the focal point of the program's collectivity changes its phase."),
)
def may_transition(user: User, obj: Model | None) -> bool:
    return _focal_point(user, obj)


@rule(
    "programs.publish_version",
    reason=_("Only the focal point of the program's collectivity publishes its versions, until the program is closed."),
)
def may_publish_version(user: User, obj: Model | None) -> bool:
    return _focal_point(user, obj) and _open(obj)


@rule(
    "programs.record_adoption",
    reason=_("Only the focal point of the program's collectivity records the council's adoption."),
)
def may_record_adoption(user: User, obj: Model | None) -> bool:
    return _focal_point(user, obj)
