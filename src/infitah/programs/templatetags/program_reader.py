"""What a reader's powers add to a program's page and to a commitment's, as powers-only parts of the copy everyone
signed in shares (core.sharedpages): `{% load program_reader %}` then `{% program_staff_actions program %}` (edit the
draft, change the phase, publish, record the adoption), `{% commitment_actions commitment %}` (edit it, copy it into
one's own program), and `{% commitment_associations commitment %}` on a program's card or
`{% commitment_co_owners commitment %}` on the commitment's page (the co-owning associations the reader may see: one
waiting for verification is seen by those who may verify or speak for it); `{% program_add_link collectivity %}` on
the list (start a program)."""

from typing import Any

from django import template

from infitah.core.partobjects import Loader
from infitah.core.permissions import can
from infitah.core.sharedpages import part_context, personal_inclusion_tag, powers_only_flags
from infitah.core.visibility import all_visible
from infitah.programs import selectors

register = template.Library()


@powers_only_flags(register, "programs", "programs/_staff_actions.html", "program")
def program_staff_actions(user: Any, program: Any) -> dict[str, bool]:
    """Edit the draft, change the phase, publish a version, record the council's adoption."""
    return {
        "may_edit": can(user, "programs.change_program", program),
        "may_transition": can(user, "programs.transition", program),
        "may_publish": can(user, "programs.publish_version", program),
        "may_adopt": can(user, "programs.record_adoption", program) and program.reference_version_id is None,
    }


@powers_only_flags(register, "programs", "programs/_add_link.html", "collectivity")
def program_add_link(user: Any, collectivity: Any) -> dict[str, bool]:
    """Start a program in the back office (for the collectivity the list is about, if any)."""
    return {"may_add": can(user, "programs.add_program", collectivity)}


def _commitments(model: Any, pks: Any) -> dict[Any, Any]:
    return model.objects.select_related("program__collectivity").prefetch_related(selectors.co_owners()).in_bulk(pks)


COMMITMENTS = Loader(everyone=_commitments)


@personal_inclusion_tag(register, "programs", "programs/_commitment_actions.html", load=COMMITMENTS, powers_only=True)
def commitment_actions(context, commitment):
    user = context["request"].user
    return part_context(
        context,
        commitment=commitment,
        may_copy=commitment.program.is_public and can(user, "programs.copy_commitment"),
        may_edit=can(user, "programs.change_program", commitment),
    )


def _co_owners_all_verified(commitment: Any) -> bool:
    """Whoever reads, they see every co-owner: the copy's list is theirs (no part rendered for each commitment)."""
    return all(association.is_verified for association in commitment.associations.all())


def _co_owners_part(template_name: str):
    """A part listing the co-owners the reader may see, as `template_name` shows them (a card's line, a page's)."""
    return personal_inclusion_tag(
        register, "programs", template_name, load=COMMITMENTS, powers_only=True, same_for_all=_co_owners_all_verified
    )


def _co_owners(context: Any, commitment: Any) -> dict[str, Any]:
    user = context["request"].user
    return part_context(context, associations=all_visible(user, commitment.associations.all()))


@_co_owners_part("programs/_commitment_associations.html")
def commitment_associations(context, commitment):
    return _co_owners(context, commitment)


@_co_owners_part("programs/_commitment_co_owners.html")
def commitment_co_owners(context, commitment):
    return _co_owners(context, commitment)
