"""The five openness principles of the network (seed article; DESIGN.md §1)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrPromise


class Principle(models.TextChoices):
    TRANSPARENCY = "transparency", _("Transparency")
    ACCOUNTABILITY = "accountability", _("Accountability")
    ACCESS_TO_INFORMATION = "access_to_information", _("Access to information")
    CITIZEN_PARTICIPATION = "citizen_participation", _("Citizen participation")
    DIGITALISATION = "digitalisation", _("Digitalisation")


PRINCIPLE_DESCRIPTIONS = {
    Principle.TRANSPARENCY: _("Council sessions, decisions and budgets are published openly and on time."),
    Principle.ACCOUNTABILITY: _("The collectivity reports on its commitments and answers for its results."),
    Principle.ACCESS_TO_INFORMATION: _(
        "Everyone may ask for the information the collectivity holds and receives an answer within the legal "
        "deadline (law 31-13)."
    ),
    Principle.CITIZEN_PARTICIPATION: _(
        "Citizens and associations take part in preparing, monitoring and evaluating programs and may petition "
        "the council."
    ),
    Principle.DIGITALISATION: _("Services and data are digital, open and usable by all."),
}


def principles_with_descriptions() -> list[tuple[Principle, StrPromise]]:
    return [(p, PRINCIPLE_DESCRIPTIONS[p]) for p in Principle]
