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

from infitah.accounts.models import STAFF_ROLES, Role
from infitah.accounts.roles import holds, is_network_coordinator
from infitah.core.permissions import rule
from infitah.territories.models import Collectivity

EDITORS = {Role.FOCAL_POINT, Role.EDITOR}


def collectivity_id_of(obj):
    """The collectivity a consultation, contribution, response, program or collectivity belongs to."""
    from infitah.consultations.models import Consultation, Contribution, Response

    if obj is None:
        return None
    if isinstance(obj, Collectivity):
        return obj.pk
    if isinstance(obj, Response):
        return obj.contribution.collectivity_id
    if isinstance(obj, Contribution):
        return obj.collectivity_id or obj.consultation.collectivity_id
    if isinstance(obj, Consultation):
        return obj.collectivity_id or (obj.program.collectivity_id if obj.program_id else None)
    return getattr(obj, "collectivity_id", None)


def _staff(user, roles, obj):
    return holds(user, roles, collectivity_id_of(obj))


def lies_within(collectivity, ancestor_id):
    """Is `collectivity` the collectivity `ancestor_id` or inside it (a commune of a province of a region)?"""
    node, hops = collectivity, 0
    while node is not None and hops < 4:
        if node.pk == ancestor_id:
            return True
        node, hops = node.parent, hops + 1
    return False


def seated_associations(user, collectivity_id):
    """The verified associations `user` represents that are seated in the collectivity (or inside it)."""
    from infitah.accounts.models import Association

    associations = Association.objects.filter(representative_links__user=user, is_verified=True).select_related(
        "seat__parent__parent"
    )
    return [a for a in associations if collectivity_id is None or lies_within(a.seat, collectivity_id)]


def may_take_part_in(user, consultation):
    """Residents only: a resident, or the representative of a verified association seated there."""
    if consultation is None or not consultation.residents_only:
        return True
    residence = getattr(user, "residence", None)
    if residence is not None and lies_within(residence, consultation.collectivity_id):
        return True
    return bool(seated_associations(user, consultation.collectivity_id))


def _consultation_of(obj):
    from infitah.consultations.models import Consultation, Contribution

    if isinstance(obj, Consultation):
        return obj
    if isinstance(obj, Contribution):
        return obj.consultation
    return None


@rule("consultations.open_consultation")
def may_open_consultation(user, obj):
    """obj: the program (or its collectivity) to consult on, or None (may the user open consultations at all?).
    A program in preparation is not public yet and a closed one takes no more contributions."""
    from infitah.consultations.models import Consultation
    from infitah.programs.models import Program

    if isinstance(obj, Consultation) and obj.program_id:
        obj = obj.program
    if isinstance(obj, Program) and (not obj.is_public or obj.is_closed):
        return False
    return _staff(user, EDITORS, obj)


@rule("consultations.change_consultation")
def may_change_consultation(user, obj):
    """Edit the consultation's texts, dates and rules (obj: a consultation)."""
    return _staff(user, EDITORS, obj)


@rule("consultations.contribute")
def may_contribute(user, obj):
    """obj: a consultation (or a contribution of it), or None. The dates are checked by the gate."""
    return may_take_part_in(user, _consultation_of(obj))


@rule("consultations.change_contribution")
def may_change_contribution(user, obj):
    """Edit or withdraw a contribution (obj): its author only. Whether it can still change (the consultation
    open, the contribution neither hidden nor withdrawn) is the service's check, with its own reason."""
    from infitah.consultations.models import Contribution

    if obj is None:
        return True
    return isinstance(obj, Contribution) and obj.author_id == user.pk


@rule("consultations.answer")
def may_answer(user, obj):
    """Give the collectivity's reasoned response (obj: a contribution or its consultation)."""
    return _staff(user, EDITORS, obj)


@rule("consultations.view_backoffice")
def may_view_backoffice(user, obj):
    """Read the consultations of the collectivity in the back office."""
    return is_network_coordinator(user) or _staff(user, STAFF_ROLES, obj)
