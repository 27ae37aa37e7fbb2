"""Who may do what with resources.

- Everyone reads every resource and downloads its files (they are published to be reused).
- A member's resources are kept by its staff (focal point, editors, information officers); the network's by the
  network coordinators. Staff of one collectivity never touch another's resources, nor the network's.
"""

from __future__ import annotations

from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import STAFF_ROLES, User
from infitah.accounts.predicates import network_coordinator, staff_of
from infitah.accounts.roles import collectivities_where
from infitah.accounts.types import Viewer
from infitah.core.permissions import public, rule
from infitah.resources.models import Resource
from infitah.territories.models import Collectivity

_staff = staff_of(STAFF_ROLES)


@rule("resources.view")
@public
def may_view(user: Viewer, obj: Model | None) -> bool:
    return True


@rule(
    "resources.publish",
    reason=_("A member's resources are published by its staff, the network's by the network coordinators."),
)
def may_publish(user: User, obj: Model | None) -> bool:
    """obj: a resource (add a version to it), a collectivity (publish for it), or nothing (for the network, or for
    any collectivity at all: "may this person publish anything?")."""
    if isinstance(obj, Resource):
        obj = obj.publisher
        if obj is None:
            return network_coordinator(user)
    if isinstance(obj, Collectivity):
        # staff_of answers "anywhere" for an object of no collectivity: a collectivity is one.
        return _staff(user, obj)
    return network_coordinator(user) or bool(collectivities_where(user, STAFF_ROLES))
