from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from infitah.accounts.links import CHOOSERS
from infitah.accounts.models import Association, Invitation, Role, RoleAssignment, User
from infitah.accounts.predicates import network_coordinator, staff_of
from infitah.accounts.roles import assignable_roles, holds, is_collectivity_staff
from infitah.accounts.types import Viewer
from infitah.core.permissions import public, rule
from infitah.core.predicates import signed_in

# An association belongs to the collectivity where it is seated.

FOCAL_POINT = {Role.FOCAL_POINT}
EDITORS = {Role.FOCAL_POINT, Role.EDITOR}
_editor = staff_of(EDITORS)
_chooser = staff_of(CHOOSERS)


@rule("backoffice.access")
def may_access_backoffice(user: User, obj: Model | None) -> bool:
    return network_coordinator(user) or is_collectivity_staff(user)


@rule("accounts.assign_role")
def may_assign_role(user: User, obj: RoleAssignment | None) -> bool:
    """obj: a RoleAssignment (existing or about to be saved) or None (may the user grant roles at all?)."""
    if obj is None:
        return network_coordinator(user) or holds(user, FOCAL_POINT)
    assert isinstance(obj, RoleAssignment)
    return obj.role in assignable_roles(user, obj.collectivity_id)


@rule("accounts.verify_association")
def may_verify_association(user: User, obj: Association | None) -> bool:
    """The focal point and editors where the association is seated, and network coordinators."""
    assert obj is None or isinstance(obj, Association)
    return network_coordinator(user) or _editor(user, obj)


@rule("accounts.change_association")
def may_change_association(user: User, obj: Association | None) -> bool:
    if obj is None:
        return may_verify_association(user, None)
    return may_verify_association(user, obj) or obj.representative_links.filter(user=user).exists()


@rule("accounts.register_association")
def may_register_association(user: User, obj: Association | None) -> bool:
    """Any signed-in person may register an association; it stays unlisted until staff verify it."""
    return True


@rule("accounts.view_association")
@public
def may_view_association(user: Viewer, obj: Association | None) -> bool:
    """A verified association is public; a pending one is seen by its representatives and by those who verify."""
    if obj is None or obj.is_verified:
        return True
    # can() hands public rules anonymous and deactivated accounts too: neither sees a pending association.
    return signed_in(user) and may_change_association(user, obj)


@rule(
    "accounts.invite",
    reason=_("Only the focal point and the editors of a collectivity, and the network coordinators, invite people."),
)
def may_invite(user: User, obj: Invitation | None) -> bool:
    """obj: an Invitation (or None: may the user invite to any collectivity at all?)."""
    return network_coordinator(user) or _chooser(user, obj)


@rule("accounts.choose_people")
def may_choose_people(user: User, obj: Model | None) -> bool:
    """Search the people linked to one's collectivities (to name them in a role, a body, an association)."""
    return network_coordinator(user) or holds(user, CHOOSERS)


@rule("accounts.view_role")
def may_view_role(user: User, obj: RoleAssignment | None) -> bool:
    """Read the roles held in one's collectivity (one's own included): its focal point, and network coordinators."""
    if network_coordinator(user):
        return True
    if obj is None:
        return holds(user, FOCAL_POINT)
    return obj.collectivity_id is not None and holds(user, FOCAL_POINT, obj.collectivity_id)
