"""Who may do what with events.

- Everyone sees a published event; an unpublished one is seen by the organiser's staff, council members and the
  network coordinators.
- The focal point and editors of the organising collectivity manage its events (agenda, capacity, findings,
  minutes, materials) and mark attendance; network coordinators manage the network's own events (no collectivity).
- Attendance statistics are read by the organiser's staff (information officer included), council members and
  network coordinators.
- Any signed-in person may register to a published event while registration is open (the service says why not).
- A participation certificate goes to the person who attended a training, and to the organiser's staff.
- Staff of one collectivity never touch another's events. Platform administrators may do everything.
"""

from collections.abc import Collection

from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import STAFF_ROLES, Role, User
from infitah.accounts.predicates import network_coordinator
from infitah.accounts.roles import holds
from infitah.accounts.types import Viewer
from infitah.core.permissions import public, rule
from infitah.core.predicates import signed_in
from infitah.core.scopes import collectivity_id_of
from infitah.events.models import Event, EventKind, Registration

EDITORS = {Role.FOCAL_POINT, Role.EDITOR}
READERS = STAFF_ROLES | {Role.COUNCIL_MEMBER}

# The other parts of an event (agenda items, findings, registrations, materials) are scoped in apps.py.


def event_of(obj: Model | None) -> Event | None:
    if isinstance(obj, Event):
        return obj
    if obj is not None and hasattr(obj, "event"):
        return obj.event
    return None


def _holds_for(user: User, roles: Collection[str], obj: Model | None) -> bool:
    """Roles held where `obj` belongs; network events (no collectivity) belong to the coordinators only."""
    if obj is None:
        return network_coordinator(user) or holds(user, roles)
    collectivity_id = collectivity_id_of(obj)
    if collectivity_id is None:
        return network_coordinator(user)
    return holds(user, roles, collectivity_id)


@rule("events.view_event")
@public
def may_view_event(user: Viewer, obj: Model | None) -> bool:
    event = event_of(obj)
    if event is not None and event.is_published:
        return True
    return signed_in(user) and (network_coordinator(user) or _holds_for(user, READERS, obj))


@rule(
    "events.manage_event",
    reason=_(
        "Only the focal point and the editors of the collectivity that organises the event "
        "manage it (the network coordinators for the network's own events)."
    ),
)
def may_manage_event(user: User, obj: Model | None) -> bool:
    """Create and change events, their agenda, capacity, findings, minutes and materials; mark attendance."""
    return _holds_for(user, EDITORS, obj)


@rule(
    "events.view_attendance",
    reason=_(
        "Only the staff of the collectivity that organises the event and the "
        "network coordinators see its registrations and attendance."
    ),
)
def may_view_attendance(user: User, obj: Model | None) -> bool:
    """Read who registered and came, and the attendance statistics."""
    return network_coordinator(user) or _holds_for(user, READERS, obj)


@rule(
    "events.register",
    reason=_("Registering is for signed-in people, to published events."),
)
def may_register(user: User, obj: Model | None) -> bool:
    """Register to an event (the registration service still checks that registration is open)."""
    event = event_of(obj)
    return signed_in(user) and (event is None or event.is_published)


@rule("events.get_certificate")
def may_get_certificate(user: User, obj: Model | None) -> bool:
    """obj: a registration. Its person once they attended a training, or the organiser's staff."""
    if not isinstance(obj, Registration):
        return False
    if obj.event.kind != EventKind.TRAINING or not obj.attended:
        return False
    return obj.user_id == user.pk or _holds_for(user, EDITORS, obj)
