"""The draft's own acts, beside services: its text edited by its initiators, co-initiators added and removed by the
agent. Like services, each raises PetitionRefused or a ValidationError naming the field; nothing is saved then."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from infitah.core.permissions import require
from infitah.participation.text import clean_text
from infitah.petitions import states
from infitah.petitions.models import Petition
from infitah.petitions.services import PetitionRefused

if TYPE_CHECKING:
    from infitah.accounts.models import User

LIMITS = {"title": 200, "subject": 3000, "reasons": 5000, "objectives": 5000}


def _draft_only(petition: Petition) -> None:
    if petition.stage != states.DRAFT:
        raise PetitionRefused(_("Only a draft can be changed: this petition has left its draft."))


def update_draft(user: User, petition: Petition, **texts: str) -> Petition:
    """New title, subject, reasons and objectives (those given) of a draft."""
    require(user, "petitions.edit_draft", petition)
    errors: dict[str, list[str]] = {}
    cleaned: dict[str, Any] = {}
    for field, value in texts.items():
        if field not in LIMITS:
            raise TypeError(f"not a draft's text: {field}")
        try:
            cleaned[field] = clean_text(value, max_length=LIMITS[field])
        except ValidationError as error:
            errors[field] = error.messages
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        petition = Petition.objects.select_for_update().get(pk=petition.pk)
        _draft_only(petition)
        for field, value in cleaned.items():
            setattr(petition, field, value)
        petition.save()
    return petition


def add_co_initiator(user: User, petition: Petition, email: str) -> User:
    """The account with this e-mail address joins the draft's initiators (the agent chooses them)."""
    require(user, "petitions.act_as_agent", petition)
    _draft_only(petition)
    person = get_user_model().objects.filter(email__iexact=(email or "").strip(), is_active=True).first()
    if person is None:
        raise ValidationError({"email": [_("No account has this e-mail address: ask them to sign up first.")]})
    if person.pk == petition.agent_id:
        raise ValidationError({"email": [_("The agent is already the petition's initiator.")]})
    petition.co_initiators.add(person)
    return person


def remove_co_initiator(user: User, petition: Petition, person_pk: int) -> None:
    require(user, "petitions.act_as_agent", petition)
    _draft_only(petition)
    if not petition.co_initiators.filter(pk=person_pk).exists():
        raise PetitionRefused(_("This person is not a co-initiator of the petition."))
    petition.co_initiators.remove(person_pk)
