"""Who may do what with budgets.

Everyone reads a published budget. The staff of a collectivity — its focal point, editors and information
officers — import, review and publish its budgets, and only they (and the platform's administrators) see its
drafts; staff of another collectivity never do, network coordinators read the published ones like everyone.
"""

from __future__ import annotations

from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import STAFF_ROLES, User
from infitah.accounts.predicates import staff_of
from infitah.accounts.types import Viewer
from infitah.budgets.models import Budget
from infitah.core.permissions import public, rule
from infitah.core.predicates import signed_in

_keeper = staff_of(STAFF_ROLES)


@rule(
    "budgets.manage_budget",
    reason=_("Only the focal point, the editors and the information officers of the collectivity keep its budgets."),
)
def may_manage_budget(user: User, obj: Model | None) -> bool:
    """Import, review and publish (obj: a collectivity, a budget, or nothing: "anywhere?")."""
    return _keeper(user, obj)


@rule("budgets.view_budget")
@public
def may_view_budget(user: Viewer, obj: Model | None) -> bool:
    """A published budget is everyone's; a draft, its collectivity's staff's."""
    if not isinstance(obj, Budget) or obj.is_published:
        return True
    return signed_in(user) and _keeper(user, obj)
