from infitah.accounts.models import STAFF_ROLES, Role
from infitah.accounts.roles import holds, is_network_coordinator
from infitah.core.permissions import rule
from infitah.territories.models import Collectivity


def _collectivity_id(obj):
    if obj is None:
        return None
    if isinstance(obj, Collectivity):
        return obj.pk
    return obj.collectivity_id


@rule("territories.view_collectivity_backoffice")
def may_view_collectivity_backoffice(user, obj):
    return is_network_coordinator(user) or holds(user, STAFF_ROLES, _collectivity_id(obj))


@rule("territories.change_collectivity")
def may_change_collectivity(user, obj):
    return is_network_coordinator(user) or holds(user, {Role.FOCAL_POINT, Role.EDITOR}, _collectivity_id(obj))


@rule("territories.add_collectivity")
def may_add_collectivity(user, obj):
    return is_network_coordinator(user)


@rule("territories.manage_network")
def may_manage_network(user, obj):
    """Memberships, the charter, members' standings and the partners are the coordinators' work."""
    return is_network_coordinator(user)
