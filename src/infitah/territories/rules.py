from django.db.models import Model

from infitah.accounts.models import STAFF_ROLES, Role, User
from infitah.accounts.predicates import network_coordinator, staff_of
from infitah.core.permissions import rule
from infitah.core.predicates import any_of

may_view_collectivity_backoffice = rule("territories.view_collectivity_backoffice")(
    any_of(network_coordinator, staff_of(STAFF_ROLES))
)
may_change_collectivity = rule("territories.change_collectivity")(
    any_of(network_coordinator, staff_of({Role.FOCAL_POINT, Role.EDITOR}))
)


@rule("territories.add_collectivity")
def may_add_collectivity(user: User, obj: Model | None) -> bool:
    return network_coordinator(user)


@rule("territories.manage_network")
def may_manage_network(user: User, obj: Model | None) -> bool:
    """Memberships, the charter, members' standings and the partners are the coordinators' work."""
    return network_coordinator(user)
