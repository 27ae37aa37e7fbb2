from django.utils.translation import gettext_lazy as _

from infitah.accounts.links import CHOOSERS
from infitah.accounts.models import Association, Role, RoleAssignment
from infitah.accounts.roles import assignable_roles, holds, is_collectivity_staff, is_network_coordinator
from infitah.core.permissions import public, rule


@rule("backoffice.access")
def may_access_backoffice(user, obj):
    return is_network_coordinator(user) or is_collectivity_staff(user)


@rule("accounts.assign_role")
def may_assign_role(user, obj):
    """obj: a RoleAssignment (existing or about to be saved) or None (may the user grant roles at all?)."""
    if obj is None:
        return is_network_coordinator(user) or holds(user, {Role.FOCAL_POINT})
    assert isinstance(obj, RoleAssignment)
    return obj.role in assignable_roles(user, obj.collectivity_id)


@rule("accounts.verify_association")
def may_verify_association(user, obj):
    if is_network_coordinator(user):
        return True
    if obj is None:
        return holds(user, {Role.FOCAL_POINT, Role.EDITOR})
    assert isinstance(obj, Association)
    return holds(user, {Role.FOCAL_POINT, Role.EDITOR}, obj.seat_id)


@rule("accounts.change_association")
def may_change_association(user, obj):
    if obj is None:
        return may_verify_association(user, None)
    return may_verify_association(user, obj) or obj.representative_links.filter(user=user).exists()


@rule("accounts.register_association")
def may_register_association(user, obj):
    """Any signed-in person may register an association; it stays unlisted until staff verify it."""
    return True


@rule("accounts.view_association")
@public
def may_view_association(user, obj):
    """A verified association is public; a pending one is seen by its representatives and by those who verify."""
    if obj is None or obj.is_verified:
        return True
    # can() hands public rules anonymous and deactivated accounts too: neither sees a pending association.
    signed_in = user is not None and user.is_authenticated and user.is_active
    return signed_in and may_change_association(user, obj)


@rule(
    "accounts.invite",
    reason=_("Only the focal point and the editors of a collectivity, and the network coordinators, invite people."),
)
def may_invite(user, obj):
    """obj: an Invitation (or None: may the user invite to any collectivity at all?)."""
    if is_network_coordinator(user):
        return True
    if obj is None:
        return holds(user, CHOOSERS)
    return holds(user, CHOOSERS, obj.collectivity_id)


@rule("accounts.choose_people")
def may_choose_people(user, obj):
    """Search the people linked to one's collectivities (to name them in a role, a body, an association)."""
    return is_network_coordinator(user) or holds(user, CHOOSERS)


@rule("accounts.view_role")
def may_view_role(user, obj):
    """Read the roles held in one's collectivity (one's own included): its focal point, and network coordinators."""
    if is_network_coordinator(user):
        return True
    if obj is None:
        return holds(user, {Role.FOCAL_POINT})
    return obj.collectivity_id is not None and holds(user, {Role.FOCAL_POINT}, obj.collectivity_id)
