"""Who may do what in this app: one @rule per action, asked through core.permissions.can().

- Everyone reads a consultation, its visible contributions and the responses (pages and API need no rule).
- The focal point and editors of the program's collectivity open a consultation on a public program and change
  it; after the close they answer every contribution. Staff of one collectivity never touch another's.
- Anyone signed in contributes; a residents-only consultation takes only people who declared they live in the
  collectivity (or inside it) and representatives of verified associations seated there. Whether the
  consultation is open *now* is not a rule but the gate (gate.py), asked of everyone.
- The information officer reads the back office.
- A contribution's author edits or withdraws it while the consultation is open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Model

from infitah.accounts.models import STAFF_ROLES, Association, Role, User
from infitah.accounts.predicates import network_coordinator, staff_of
from infitah.core.permissions import rule
from infitah.core.predicates import any_of

if TYPE_CHECKING:
    from infitah.consultations.models import Consultation
    from infitah.territories.models import Collectivity

EDITORS = {Role.FOCAL_POINT, Role.EDITOR}

# Which collectivity a consultation, a contribution or a response belongs to is core.scopes' answer: the app
# registers them.
_editor = staff_of(EDITORS)


def _saved_or_parent(obj: Model | None) -> Model | None:
    """A consultation or a contribution not saved yet takes its collectivity from its program or consultation on
    save: until then, the rules ask about that one."""
    from infitah.consultations.models import Consultation, Contribution

    if isinstance(obj, Contribution) and obj.collectivity_id is None:
        return obj.consultation
    if isinstance(obj, Consultation) and obj.collectivity_id is None:
        return obj.program if obj.program_id else None
    return obj


def lies_within(collectivity: Collectivity | None, ancestor_id: int | None) -> bool:
    """Is `collectivity` the collectivity `ancestor_id` or inside it (a commune of a province of a region)?"""
    node, hops = collectivity, 0
    while node is not None and hops < 4:
        if node.pk == ancestor_id:
            return True
        node, hops = node.parent, hops + 1
    return False


def seated_associations(user: User, collectivity_id: int | None) -> list[Association]:
    """The verified associations `user` represents that are seated in the collectivity (or inside it)."""
    from infitah.accounts.models import Association

    associations = Association.objects.filter(representative_links__user=user, is_verified=True).select_related(
        "seat__parent__parent"
    )
    return [a for a in associations if collectivity_id is None or lies_within(a.seat, collectivity_id)]


def may_take_part_in(user: User, consultation: Consultation | None) -> bool:
    """Residents only: a resident, or the representative of a verified association seated there."""
    if consultation is None or not consultation.residents_only:
        return True
    residence = getattr(user, "residence", None)
    if residence is not None and lies_within(residence, consultation.collectivity_id):
        return True
    return bool(seated_associations(user, consultation.collectivity_id))


def _consultation_of(obj: Model | None) -> Consultation | None:
    from infitah.consultations.models import Consultation, Contribution

    if isinstance(obj, Consultation):
        return obj
    if isinstance(obj, Contribution):
        return obj.consultation
    return None


@rule("consultations.open_consultation")
def may_open_consultation(user: User, obj: Model | None) -> bool:
    """obj: the program (or its collectivity) to consult on, or None (may the user open consultations at all?).
    A program in preparation is not public yet and a closed one takes no more contributions."""
    from infitah.consultations.models import Consultation
    from infitah.programs.models import Program

    if isinstance(obj, Consultation) and obj.program_id:
        obj = obj.program
    if isinstance(obj, Program) and (not obj.is_public or obj.is_closed):
        return False
    return _editor(user, _saved_or_parent(obj))


@rule("consultations.change_consultation")
def may_change_consultation(user: User, obj: Model | None) -> bool:
    """Edit the consultation's texts, dates and rules (obj: a consultation)."""
    return _editor(user, _saved_or_parent(obj))


@rule("consultations.contribute")
def may_contribute(user: User, obj: Model | None) -> bool:
    """obj: a consultation (or a contribution of it), or None. The dates are checked by the gate."""
    return may_take_part_in(user, _consultation_of(obj))


@rule("consultations.change_contribution")
def may_change_contribution(user: User, obj: Model | None) -> bool:
    """Edit or withdraw a contribution (obj): its author only. Whether it can still change (the consultation
    open, the contribution neither hidden nor withdrawn) is the service's check, with its own reason."""
    from infitah.consultations.models import Contribution

    if obj is None:
        return True
    return isinstance(obj, Contribution) and obj.author_id == user.pk


@rule("consultations.answer")
def may_answer(user: User, obj: Model | None) -> bool:
    """Give the collectivity's reasoned response (obj: a contribution or its consultation)."""
    return _editor(user, _saved_or_parent(obj))


_back_office_reader = any_of(network_coordinator, staff_of(STAFF_ROLES))


@rule("consultations.view_backoffice")
def may_view_backoffice(user: User, obj: Model | None) -> bool:
    """Read the consultations of the collectivity in the back office."""
    return _back_office_reader(user, _saved_or_parent(obj))
