"""Who may do what with good practices.

- Everyone reads a published practice; a draft, submitted, returned or withdrawn one only its collectivity's staff
  and the network coordinators read.
- The staff of a collectivity (focal point, editors, information officers) write its practices and submit them;
  they change the text only while it is a draft or returned. Staff of one collectivity never touch another's.
- Network coordinators review: publish, return with a note, withdraw with a reason.
- The staff of another member declare "we adopted this" for their own collectivity only, linked to one of its own
  commitments (the service checks the commitment's collectivity).
"""

from __future__ import annotations

from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import STAFF_ROLES, User
from infitah.accounts.predicates import network_coordinator, staff_of
from infitah.accounts.roles import collectivities_where
from infitah.accounts.types import Viewer
from infitah.core.permissions import public, rule
from infitah.core.predicates import signed_in
from infitah.practices.models import Practice
from infitah.practices.states import EDITABLE, PUBLIC
from infitah.territories.models import Collectivity

_staff = staff_of(STAFF_ROLES)


def _staff_of_its_collectivity(user: User, obj: Model | None) -> bool:
    # staff_of answers "anywhere" for an object of no collectivity: a practice always has one, a collectivity is one.
    return isinstance(obj, Practice | Collectivity) and _staff(user, obj)


@rule("practices.view")
@public
def may_view(user: Viewer, obj: Model | None) -> bool:
    """A published practice is everyone's; the others, its collectivity's staff and the coordinators."""
    if not isinstance(obj, Practice) or obj.status in PUBLIC:
        return True
    return signed_in(user) and (network_coordinator(user) or _staff(user, obj))


@rule("practices.submit", reason=_("Only the staff of a member collectivity share its practices."))
def may_submit(user: User, obj: Model | None) -> bool:
    """Write a practice for a collectivity (obj: the collectivity, or nothing: "for any at all?")."""
    if obj is None:
        return bool(collectivities_where(user, STAFF_ROLES))
    return _staff_of_its_collectivity(user, obj)


@rule(
    "practices.edit",
    reason=_("Only the staff of the practice's collectivity change it, while it is a draft or returned to them."),
)
def may_edit(user: User, obj: Model | None) -> bool:
    """Change the text and documents, submit and resubmit."""
    return isinstance(obj, Practice) and obj.status in EDITABLE and _staff_of_its_collectivity(user, obj)


@rule("practices.review", reason=_("Only the network coordinators review, publish and withdraw practices."))
def may_review(user: User, obj: Model | None) -> bool:
    return network_coordinator(user)


@rule(
    "practices.adopt",
    reason=_("Only the staff of another member collectivity declare that they adopted a published practice."),
)
def may_adopt(user: User, obj: Model | None) -> bool:
    """obj: a practice. Its own collectivity shares it; the others adopt it."""
    if not isinstance(obj, Practice) or obj.status not in PUBLIC:
        return False
    return bool(collectivities_where(user, STAFF_ROLES) - {obj.collectivity_id})


@rule("practices.adopt_for", reason=_("You declare adoptions only for a collectivity where you are staff."))
def may_adopt_for(user: User, obj: Model | None) -> bool:
    """obj: the collectivity that declares the adoption."""
    return isinstance(obj, Collectivity) and _staff(user, obj)
