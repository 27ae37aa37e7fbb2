"""Who may hold API tokens: the staff of a collectivity (any staff role) and the network coordinators; the
platform administrators too. A token is only ever managed by its owner.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import STAFF_ROLES, User
from infitah.accounts.roles import holds, is_network_coordinator
from infitah.api.models import ApiToken
from infitah.core.permissions import rule


@rule(
    "api.manage_tokens",
    reason=_("Only the staff of a collectivity and the network coordinators use API tokens."),
)
def may_manage_tokens(user: User, obj: Any) -> bool:
    if isinstance(obj, ApiToken) and obj.user_id != user.pk:
        return False
    return is_network_coordinator(user) or holds(user, STAFF_ROLES)
