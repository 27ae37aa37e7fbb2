"""Who keeps a collectivity's proactive-publication catalogue (arts. 10–13).

The catalogue is public: everyone reads every collectivity's entries and documents. Its staff — the focal point,
the editors and the information officers of that collectivity — add, edit and remove its entries; nobody touches
another collectivity's (network coordinators read, like everyone).
"""

from __future__ import annotations

from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import STAFF_ROLES, User
from infitah.accounts.predicates import staff_of
from infitah.core.permissions import rule

_keeper = staff_of(STAFF_ROLES)


@rule(
    "information.edit_publication",
    reason=_(
        "Only the focal point, the editors and the information officers of the collectivity keep its "
        "publication catalogue."
    ),
)
def may_edit_publication(user: User, obj: Model | None) -> bool:
    """Add, edit and remove entries and their documents (obj: a collectivity, an entry, or nothing: "anywhere?")."""
    return _keeper(user, obj)
