"""Following a program: who may follow it, and what its followers hear when it changes phase.

A program's followers, and the followers of its collectivity, are told when the program becomes public and at each
later phase change (the consultation opening above all): one notification per person, in their language.
"""

from __future__ import annotations

from itertools import chain
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from infitah.participation.notifications import NotificationVerb, followers_of, notify
from infitah.participation.targets import VIEW
from infitah.programs.phases import PUBLIC_PHASES, Phase

if TYPE_CHECKING:
    from infitah.accounts.models import User
    from infitah.accounts.types import Viewer
    from infitah.programs.models import Program

# One sentence per phase a program may enter once public: the verb is "program_<phase>".
_SENTENCES = {
    Phase.CO_CREATION: _("The openness program “%(target)s” is public: its co-creation with civil society begins"),
    Phase.DRAFTING: _("The openness program “%(target)s” moved to drafting"),
    Phase.PUBLIC_CONSULTATION: _("The public consultation on the openness program “%(target)s” is open"),
    Phase.ADOPTION: _("The openness program “%(target)s” went to the council for adoption"),
    Phase.IMPLEMENTATION: _("The openness program “%(target)s” is being implemented"),
    Phase.EVALUATION: _("The openness program “%(target)s” is being evaluated"),
    Phase.CLOSED: _("The openness program “%(target)s” was closed"),
}


def verb_of(phase: str) -> str:
    return f"program_{phase}"


VERBS = tuple(NotificationVerb(verb_of(phase), sentence) for phase, sentence in _SENTENCES.items())


def gate(user: Viewer, program: Program, feature: str) -> StrOrPromise | None:
    """A program in preparation is its staff's own work: nobody follows it (or sees it) through participation."""
    if program.phase in PUBLIC_PHASES:
        return None
    return str(_("This program is not public yet.") if feature != VIEW else _("This is not public."))


def announce_phase(program: Program, by: User | None) -> None:
    """Tell the program's and its collectivity's followers, once the phase change is committed."""
    if program.phase not in _SENTENCES:
        return

    def send() -> None:
        recipients = chain(followers_of(program), followers_of(program.collectivity))
        notify(verb_of(program.phase), program, actor=by, recipients=recipients)

    transaction.on_commit(send)
