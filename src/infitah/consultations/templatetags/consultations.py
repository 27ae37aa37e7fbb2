"""`{% load consultations %}{% program_consultations program %}`: a program's consultations on its page, and for its
staff a link to open one (a powers-only part of the shared page: core.sharedpages)."""

from typing import Any

from django import template
from django.utils import timezone

from infitah.consultations import selectors
from infitah.core.partobjects import Loader, own_copy
from infitah.core.permissions import can
from infitah.core.sharedpages import part_context, personal_inclusion_tag

register = template.Library()


def _programs(model: Any, pks: Any) -> dict[Any, Any]:
    """The programs with their consultations, as the block lists them (the same for every reader)."""
    programs = model.objects.in_bulk(pks)
    for program in programs.values():
        program.consultations_listed = selectors.consultations_of_program(program)
    return programs


@personal_inclusion_tag(
    register,
    "consultations",
    "consultations/_program_consultations.html",
    load=Loader(everyone=_programs),
    powers_only=True,
)
def program_consultations(context, program):
    from infitah.consultations.views import consultation_state

    request = context.get("request")
    user = getattr(request, "user", None)
    listed = getattr(program, "consultations_listed", None)
    # Kept for the copy's readers (core.partobjects): each reader's state is set on their own copies.
    consultations = selectors.consultations_of_program(program) if listed is None else [own_copy(c) for c in listed]
    now = timezone.now()
    for consultation in consultations:
        consultation.state = consultation_state(consultation, now)
    may_open = bool(user and user.is_authenticated and can(user, "consultations.open_consultation", program))
    return part_context(context, consultations=consultations, program=program, may_open=may_open)
