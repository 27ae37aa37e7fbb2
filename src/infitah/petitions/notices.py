"""Who is told of a petition's steps (participation.notifications): the agent, the co-initiators and the signers at
the deposit and at each ruling; the council's bureau when a petition is deposited. The sentences name the petition
by its title only: no signer, no ID number ever reaches a notification or its e-mail."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from infitah.accounts.models import Role
from infitah.participation.notifications import notify
from infitah.petitions import states
from infitah.petitions.models import Petition

if TYPE_CHECKING:
    from infitah.accounts.models import User

BUREAU_ROLES = (Role.FOCAL_POINT, Role.COUNCIL_MEMBER)

VERB_OF_STAGE = {
    states.DEPOSITED: "petition_deposited",
    states.ADMISSIBLE: "petition_admissible",
    states.INADMISSIBLE: "petition_inadmissible",
    states.DECIDED: "petition_decided",
}


def bureau_of(petition: Petition) -> QuerySet:
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            role_assignments__role__in=BUREAU_ROLES,
            role_assignments__collectivity_id=petition.collectivity_id,
        )
        .distinct()
    )


def people_of(petition: Petition) -> QuerySet:
    """The agent, the co-initiators and the signers: whoever put their name to the petition."""
    return (
        get_user_model()
        .objects.filter(
            Q(pk=petition.agent_id) | Q(petitions_co_initiated=petition) | Q(petition_signatures__petition=petition),
            is_active=True,
        )
        .distinct()
    )


def stage_reached(petition: Petition, actor: User) -> None:
    """Tell of the stage `petition` has just reached (nothing for the others)."""
    verb = VERB_OF_STAGE.get(petition.stage)
    if verb is None:
        return
    notify(verb, petition, actor=actor, recipients=people_of(petition))
    if petition.stage == states.DEPOSITED:
        notify("petition_to_rule_on", petition, actor=actor, recipients=bureau_of(petition))
