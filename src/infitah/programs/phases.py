"""The phases of an openness program, as an explicit state machine.

The allowed moves live in `TRANSITIONS` and nowhere else. `check_transition()` and `check_requirements()` are
pure (plain values in, a refusal reason or None out) and are table-tested pair by pair; `transition()` applies
a move to a program and records it (from, to, who, when, why) in one transaction.

Going back: before the council's decision, a program may take one reasoned step back to the previous phase
(co-creation again after a first draft, drafting again after the consultation to revise it, the consultation
again when the council asks for one). It never returns to preparation: from co-creation on the program is
public. After the council's adoption it only moves forward. It may be closed from any phase once public (e.g.
abandoned after an election), and closing is final; a program still in preparation is deleted, not closed.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from infitah.core.pagestamps import pages_changed
from infitah.core.permissions import Refused

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from infitah.accounts.models import User
    from infitah.programs.models import PhaseTransition, Program


class Phase(models.TextChoices):
    PREPARATION = "preparation", _("Preparation")
    CO_CREATION = "co_creation", _("Co-creation")
    DRAFTING = "drafting", _("Drafting")
    PUBLIC_CONSULTATION = "public_consultation", _("Public consultation")
    ADOPTION = "adoption", _("Adoption by the council")
    IMPLEMENTATION = "implementation", _("Implementation")
    EVALUATION = "evaluation", _("Evaluation")
    CLOSED = "closed", pgettext_lazy("program phase", "Closed")


ORDER = list(Phase)
REASON_MAX_LENGTH = 2000

# The one place where the allowed moves are written: phase -> phases it may move to.
TRANSITIONS = {
    Phase.PREPARATION: {Phase.CO_CREATION},
    Phase.CO_CREATION: {Phase.DRAFTING, Phase.CLOSED},
    Phase.DRAFTING: {Phase.PUBLIC_CONSULTATION, Phase.CO_CREATION, Phase.CLOSED},
    Phase.PUBLIC_CONSULTATION: {Phase.ADOPTION, Phase.DRAFTING, Phase.CLOSED},
    Phase.ADOPTION: {Phase.IMPLEMENTATION, Phase.PUBLIC_CONSULTATION, Phase.CLOSED},
    Phase.IMPLEMENTATION: {Phase.EVALUATION, Phase.CLOSED},
    Phase.EVALUATION: {Phase.CLOSED},
    Phase.CLOSED: set(),
}

# Phases in which the program is visible to everyone (its live draft included).
PUBLIC_PHASES = frozenset(ORDER) - {Phase.PREPARATION}
# Phases in which a version may be published: not before the program is public, not once it is closed.
PUBLISHING_PHASES = PUBLIC_PHASES - {Phase.CLOSED}
# Phases from which the council's adoption may be recorded.
ADOPTABLE_PHASES = frozenset({Phase.PUBLIC_CONSULTATION, Phase.ADOPTION})


class TransitionRefused(Refused):
    """A phase change that the rules refuse; `reason` says why, in the user's language."""


def position(phase: str) -> int:
    return ORDER.index(Phase(phase))


def is_step_back(current: str, target: str) -> bool:
    return Phase(target) != Phase.CLOSED and position(target) < position(current)


def allowed_targets(current: str) -> list[Phase]:
    """The phases a program in `current` may move to, in the order of the cycle."""
    return [phase for phase in ORDER if phase in TRANSITIONS.get(Phase(current), set())]


def check_transition(current: str, target: str) -> StrOrPromise | None:
    """None if the move from `current` to `target` is allowed, else the reason it is refused."""
    if current not in Phase.values or target not in Phase.values:
        return _("Unknown phase.")
    current, target = Phase(current), Phase(target)
    if target in TRANSITIONS[current]:
        return None
    if current == target:
        return _("The program is already in the “%(phase)s” phase.") % {"phase": current.label}
    if current == Phase.CLOSED:
        return _("The program is closed: its phase can no longer change.")
    if target == Phase.CLOSED:
        return _("A program still in preparation is not public yet: delete it rather than close it.")
    if target == Phase.PREPARATION:
        return _("Once co-creation has started the program is public: it cannot return to preparation.")
    if position(target) > position(current):
        following = ORDER[position(current) + 1]
        return _("The program cannot skip from “%(current)s” to “%(target)s”: it must go through “%(next)s” first.") % {
            "current": current.label,
            "target": target.label,
            "next": following.label,
        }
    if position(current) >= position(Phase.IMPLEMENTATION):
        return _("After the council's adoption a program only moves forward: it cannot go back to “%(target)s”.") % {
            "target": target.label
        }
    return _("A program can only step back to the phase just before “%(current)s”, not to “%(target)s”.") % {
        "current": current.label,
        "target": target.label,
    }


def check_requirements(current: str, target: str, *, published_versions: int, adopted: bool) -> StrOrPromise | None:
    """None if the program's content allows the move, else the reason: plain counts in, so it is table-tested."""
    current, target = Phase(current), Phase(target)
    if target in (Phase.PUBLIC_CONSULTATION, Phase.ADOPTION) and not published_versions:
        return _(
            "Publish a version of the draft first: the public consultation and the council work on a published version."
        )
    if target == Phase.IMPLEMENTATION and not adopted:
        return _("Record the council's adoption before starting implementation.")
    if current == Phase.ADOPTION and target == Phase.PUBLIC_CONSULTATION and adopted:
        return _("The council has adopted this program: it can only move on to implementation.")
    return None


def refusal(program: Program, target: str) -> StrOrPromise | None:
    """Why `program` may not move to `target` now (None if it may), from the state machine then its content."""
    reason = check_transition(program.phase, target)
    if reason is None:
        reason = check_requirements(
            program.phase,
            target,
            published_versions=program.versions.count(),
            adopted=program.reference_version_id is not None,
        )
    return reason


def _as_translations(reason: str | dict[str, str]) -> dict[str, str]:
    """A reason typed in one language (a str) is stored under the active language; a dict is kept as it is."""
    from infitah.core.translation import clean_translations

    if isinstance(reason, str):
        reason = {(translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]: reason}
    return clean_translations(reason)


def transition(
    program: Program, target: str, by: User | None, reason: str | dict[str, str], at: datetime.datetime | None = None
) -> PhaseTransition:
    """Move `program` to `target`, recording who, when and why; raise TransitionRefused when not allowed.

    The program's row is locked for the check and the write, so two people cannot both move it from the same phase.
    """
    from infitah.programs.models import PhaseTransition, Program

    reason = _as_translations(reason)
    if not reason:
        raise TransitionRefused(_("Give the reason for this phase change: it is shown on the public timeline."))
    if any(len(text) > REASON_MAX_LENGTH for text in reason.values()):
        raise TransitionRefused(
            _("The reason is too long: the limit is %(limit)d characters.") % {"limit": REASON_MAX_LENGTH}
        )
    at = at or timezone.now()
    with transaction.atomic():
        locked = Program.objects.select_for_update().get(pk=program.pk)
        refused = refusal(locked, target)
        if refused:
            raise TransitionRefused(refused)
        record = PhaseTransition.objects.create(
            program=locked, from_phase=locked.phase, to_phase=target, by=by, at=at, reason=reason
        )
        Program.objects.filter(pk=locked.pk).update(phase=target, phase_changed_at=at)
        pages_changed(locked.collectivity_id)  # the update above sends no signal
    program.phase, program.phase_changed_at = target, at
    from infitah.programs.followers import announce_phase

    announce_phase(program, by)
    return record
