"""What waits on the landing page after login (a fixed number of queries whatever their number): the bureau's
petitions to rule on, by the notice's due date; the agent's petitions that need them (a threshold met: deposit)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.accounts.roles import collectivities_where
from infitah.core.contributions import Waiting
from infitah.core.translation import tr
from infitah.petitions import counting, notices, services, states, thresholds
from infitah.petitions.models import Petition

if TYPE_CHECKING:
    from infitah.accounts.models import User

LIMIT = 20


def to_rule_on(user: User, now: datetime.datetime | None = None) -> list[Waiting]:
    places = collectivities_where(user, notices.BUREAU_ROLES)
    if not places:
        return []
    today = timezone.localdate(now) if now else timezone.localdate()
    petitions = Petition.objects.filter(collectivity__in=places, stage=states.DEPOSITED).select_related("collectivity")
    items = []
    for petition in petitions.order_by("deposited_on", "pk")[:LIMIT]:
        due = services.notice_due(petition)
        items.append(
            Waiting(
                title=petition.title,
                url=reverse("petitions:rule", args=[petition.pk]),
                due=due,
                overdue=states.is_overdue(petition.stage, due, today),
                note=_("Deposited on %(date)s: rule on its admissibility")
                % {"date": petition.deposited_on.isoformat() if petition.deposited_on else ""},
                place=str(tr(petition.collectivity.name)),
            )
        )
    return items


def yours(user: User, now: datetime.datetime | None = None) -> list[Waiting]:
    """The agent's drafts (to open or deposit) and collecting petitions; those whose thresholds are met first."""
    petitions = list(
        Petition.objects.filter(agent=user, stage__in=(states.DRAFT, states.COLLECTING))
        .select_related("collectivity")
        .order_by("-created_at", "-pk")[:LIMIT]
    )
    if not petitions:
        return []
    today = timezone.localdate(now) if now else timezone.localdate()
    bands = counting.bands()
    counted = dict(
        Petition.objects.filter(pk__in=[p.pk for p in petitions]).values_list("pk").annotate(n=Count("signatures"))
    )
    items = []
    for petition in petitions:
        place = str(tr(petition.collectivity.name))
        url = reverse("petitions:petition", args=[petition.pk])
        if petition.stage == states.DRAFT:
            note = _("Draft: open it for signatures") if petition.kind == states.CITIZENS else _("Draft: deposit it")
            items.append(Waiting(title=petition.title, url=url, note=note, place=place))
            continue
        collectivity = petition.collectivity
        band = thresholds.band_for(
            collectivity.kind,
            collectivity.population,
            has_arrondissements=collectivity.has_arrondissements,
            on=today,
            bands=bands,
        )
        n = counted.get(petition.pk, 0)
        if band is not None and n >= band.signatures and not band.province_share:
            items.append(
                Waiting(
                    title=petition.title,
                    url=reverse("petitions:deposit", args=[petition.pk]),
                    note=_("The threshold is met: deposit the petition"),
                    place=place,
                    overdue=True,
                )
            )
        else:
            items.append(Waiting(title=petition.title, url=url, note=_("Collecting signatures"), place=place))
    return items
