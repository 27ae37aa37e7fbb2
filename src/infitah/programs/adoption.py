"""The council's adoption of a published version (دورة المجلس): the vote, and what it changes.

Recording an adoption locks the adopted version as the program's reference (what monitoring follows) and moves
the program through the state machine: into the adoption phase if it was still in public consultation, then into
implementation unless the collectivity starts it later (e.g. with the next budget year).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import User
from infitah.core.pagestamps import pages_changed
from infitah.core.permissions import Refused
from infitah.core.translation import content_languages, tr
from infitah.programs.models import CouncilAdoption, Program, ProgramVersion
from infitah.programs.phases import ADOPTABLE_PHASES, Phase, TransitionRefused, transition

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from infitah.accounts.models import User


class AdoptionRefused(Refused):
    """The council's adoption of a version cannot be recorded (nothing is saved)."""


@dataclass(frozen=True)
class Vote:
    votes_for: int
    votes_against: int
    votes_abstain: int


def check_vote(vote: Vote) -> StrOrPromise | None:
    """None if the vote adopts the program, else why not (pure)."""
    for count in (vote.votes_for, vote.votes_against, vote.votes_abstain):
        if count is None or count < 0:
            return _("Vote counts cannot be negative.")
    if vote.votes_for <= vote.votes_against:
        return _(
            "With %(for)d votes for and %(against)d against, the council did not adopt the program: an adoption "
            "needs more votes for than against."
        ) % {"for": vote.votes_for, "against": vote.votes_against}
    return None


def check_adoption(
    *,
    phase: str,
    version_program_id: int | None,
    program_id: int,
    published_on: date,
    adopted_on: date,
    already_adopted: bool,
    today: date,
) -> StrOrPromise | None:
    """None if this adoption may be recorded, else the reason (pure: plain values in)."""
    if version_program_id is None or version_program_id != program_id:
        return _("Only a published version of this program can be adopted.")
    if already_adopted:
        return _("The council's adoption of this program has already been recorded.")
    if Phase(phase) not in ADOPTABLE_PHASES:
        return _(
            "The council adopts a program after its public consultation: this program is in the “%(phase)s” phase."
        ) % {"phase": Phase(phase).label}
    if adopted_on > today:
        return _("The adoption date cannot be in the future.")
    if adopted_on < published_on:
        return _("The council cannot have adopted this version before it was published (%(date)s).") % {
            "date": published_on.isoformat()
        }
    return None


def record_adoption(
    program: Program,
    version: ProgramVersion,
    *,
    by: User,
    session_name: str,
    adopted_on: date,
    decision_number: str,
    vote: Vote,
    start_implementation: bool = True,
    at: datetime | None = None,
) -> CouncilAdoption:
    """Record the council's vote adopting `version`; raise AdoptionRefused (nothing is saved) when it may not be."""
    refused = check_vote(vote)
    if refused:
        raise AdoptionRefused(refused)
    at = at or timezone.now()
    with transaction.atomic():
        locked = Program.objects.select_for_update().get(pk=program.pk)
        version_program_id = version.program_id if isinstance(version, ProgramVersion) and version.pk else None
        published_on = timezone.localdate(version.published_at) if version_program_id else date.min
        refused = check_adoption(
            phase=locked.phase,
            version_program_id=version_program_id,
            program_id=locked.pk,
            published_on=published_on,
            adopted_on=adopted_on,
            already_adopted=locked.reference_version_id is not None,
            today=timezone.localdate(at),
        )
        if refused:
            raise AdoptionRefused(refused)
        adoption = CouncilAdoption.objects.create(
            program=locked,
            version=version,
            session_name=session_name,
            adopted_on=adopted_on,
            decision_number=decision_number.strip(),
            votes_for=vote.votes_for,
            votes_against=vote.votes_against,
            votes_abstain=vote.votes_abstain,
            recorded_by=by,
            recorded_at=at,
        )
        Program.objects.filter(pk=locked.pk).update(reference_version=version)
        pages_changed(locked.collectivity_id)  # the update above sends no signal
        locked.reference_version = version
        reason = _adoption_reason(version.number, session_name, adoption.decision_number)
        try:
            if locked.phase == Phase.PUBLIC_CONSULTATION:
                transition(locked, Phase.ADOPTION, by, reason, at=at)
            if start_implementation:
                transition(locked, Phase.IMPLEMENTATION, by, reason, at=at)
        except TransitionRefused as refusal:
            raise AdoptionRefused(refusal.reason) from refusal
    program.phase, program.phase_changed_at = locked.phase, locked.phase_changed_at
    program.reference_version = version
    return adoption


def _adoption_reason(number: int, session_name: str, decision_number: str) -> dict[str, str]:
    """The timeline's reason for the phase changes an adoption causes, written in each interface language."""
    reason = {}
    for code in content_languages():
        with translation.override(code):
            reason[code] = gettext(
                "Version %(number)d adopted by the council (%(session)s, decision %(decision)s)."
            ) % {
                "number": number,
                "session": tr(session_name, code) if isinstance(session_name, dict) else session_name,
                "decision": decision_number,
            }
    return reason
