"""What a reader's powers add to a program's page, as powers-only parts of the copy everyone signed in shares
(core.sharedpages): `{% load program_reader %}` then `{% program_staff_actions program %}` (edit the draft, change the
phase, publish, record the adoption) and `{% commitment_associations commitment %}` (the co-owning associations the
reader may see: one waiting for verification is seen by those who may verify or speak for it)."""

from typing import Any

from django import template

from infitah.core.partobjects import Loader
from infitah.core.permissions import can
from infitah.core.sharedpages import part_context, personal_inclusion_tag
from infitah.core.visibility import all_visible

register = template.Library()


@personal_inclusion_tag(register, "programs", "programs/_staff_actions.html", powers_only=True)
def program_staff_actions(context, program):
    user = context["request"].user
    return part_context(
        context,
        program=program,
        may_edit=can(user, "programs.change_program", program),
        may_transition=can(user, "programs.transition", program),
        may_publish=can(user, "programs.publish_version", program),
        may_adopt=can(user, "programs.record_adoption", program) and program.reference_version_id is None,
    )


def _commitments(model: Any, pks: Any) -> dict[Any, Any]:
    return model.objects.prefetch_related("associations").in_bulk(pks)


@personal_inclusion_tag(
    register,
    "programs",
    "programs/_commitment_associations.html",
    load=Loader(everyone=_commitments),
    powers_only=True,
)
def commitment_associations(context, commitment):
    user = context["request"].user
    return part_context(context, associations=all_visible(user, commitment.associations.all()))
