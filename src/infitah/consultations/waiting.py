"""What waits for people on the landing page after login: the contributions the collectivity's staff must answer
(on the consultation's response clock), and a person's own contributions with their answers (one query each)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from infitah.accounts.roles import collectivities_where
from infitah.consultations import clock
from infitah.consultations.models import Consultation, Contribution
from infitah.consultations.rules import EDITORS
from infitah.core.contributions import Waiting
from infitah.core.translation import tr

if TYPE_CHECKING:
    from infitah.accounts.models import User

LIMIT = 20


def contributions_to_answer(user: User, now: datetime.datetime | None = None) -> list[Waiting]:
    collectivities = collectivities_where(user, EDITORS)
    if not collectivities:
        return []
    now = now or timezone.now()
    consultations = (
        Consultation.objects.filter(collectivity__in=collectivities)
        .annotate(
            waiting=Count(
                "contributions", filter=Q(contributions__is_hidden=False, contributions__response__isnull=True)
            )
        )
        .filter(waiting__gt=0)
        .select_related("collectivity")
        .order_by("closes_at", "pk")[:LIMIT]
    )
    items = []
    for consultation in consultations:
        state = clock.response_state(consultation.closes_at, consultation.response_days, None, now)
        note = ngettext(
            "%(count)d contribution to answer", "%(count)d contributions to answer", consultation.waiting
        ) % {"count": consultation.waiting}
        if state == clock.ResponseState.NOT_DUE:
            note = _("%(note)s (the consultation is still open)") % {"note": note}
        items.append(
            Waiting(
                title=str(consultation),
                url=reverse("consultations:answers", args=[consultation.pk]),
                due=clock.response_due_on(consultation.closes_at, consultation.response_days),
                overdue=state == clock.ResponseState.OVERDUE,
                note=note,
                place=str(tr(consultation.collectivity.name)),
            )
        )
    return items


def own_contributions(user: User, now: datetime.datetime | None = None) -> list[Waiting]:
    now = now or timezone.now()
    contributions = (
        Contribution.objects.filter(author=user)
        .select_related("consultation", "response")
        .order_by("-created_at", "-pk")[:LIMIT]
    )
    items = []
    for contribution in contributions:
        consultation = contribution.consultation
        response = getattr(contribution, "response", None)
        if response is not None:
            items.append(
                Waiting(
                    title=str(contribution),
                    url=contribution.get_absolute_url(),
                    note=_("Answered: %(outcome)s") % {"outcome": response.get_outcome_display()},
                    place=str(consultation),
                    on=response.answered_at,
                )
            )
            continue
        state = clock.response_state(consultation.closes_at, consultation.response_days, None, now)
        items.append(
            Waiting(
                title=str(contribution),
                url=contribution.get_absolute_url(),
                due=None
                if contribution.is_hidden
                else clock.response_due_on(consultation.closes_at, consultation.response_days),
                overdue=state == clock.ResponseState.OVERDUE and not contribution.is_hidden,
                note=_("Hidden by the moderators") if contribution.is_hidden else _("Awaiting the answer"),
                place=str(consultation),
            )
        )
    return items
