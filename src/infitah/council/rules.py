"""Who may do what with council sessions and decisions.

- Everyone reads a published session, its agenda, documents and decisions; an unpublished one is read by its
  collectivity's staff and council members, and by the network coordinators.
- The focal point and the editors of the collectivity manage its sessions (dates, agenda, documents, decisions,
  minutes) and publish them. Council members read; they do not record their own votes.
- Staff of one collectivity never touch another's sessions. Platform administrators may do everything.
"""

from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import STAFF_ROLES, Role, User
from infitah.accounts.predicates import network_coordinator, staff_of
from infitah.accounts.types import Viewer
from infitah.core.permissions import public, rule
from infitah.core.predicates import signed_in
from infitah.council.models import AgendaPoint, Decision, Session

EDITORS = {Role.FOCAL_POINT, Role.EDITOR}
READERS = STAFF_ROLES | {Role.COUNCIL_MEMBER}

_reader = staff_of(READERS)
_editor = staff_of(EDITORS)


def session_of(obj: Model | None) -> Session | None:
    if isinstance(obj, Session):
        return obj
    if isinstance(obj, AgendaPoint | Decision):
        return obj.session
    return None


@rule("council.view_session")
@public
def may_view_session(user: Viewer, obj: Model | None) -> bool:
    """Read a session (its agenda, documents and decisions)."""
    session = session_of(obj)
    if session is not None and session.is_published:
        return True
    return signed_in(user) and (network_coordinator(user) or _reader(user, obj))


@rule(
    "council.manage_session",
    reason=_("Only the focal point and the editors of the collectivity manage its council sessions and decisions."),
)
def may_manage_session(user: User, obj: Model | None) -> bool:
    """Create and change sessions, agenda points, documents and decisions; publish them."""
    return _editor(user, obj)
