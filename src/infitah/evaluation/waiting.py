"""What waits for people on the landing page after login (a fixed number of queries each):
- staff (focal point, editors): their collectivity's self-assessment to fill and submit, discrepancies to reconcile;
- association representatives: the independent assessments they were designated for;
- network coordinators: the campaigns not settled yet."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from infitah.accounts.roles import is_network_coordinator
from infitah.core.contributions import Waiting
from infitah.core.translation import tr
from infitah.evaluation.models import Assessment, Campaign, Party
from infitah.evaluation.rules import EDITORS

if TYPE_CHECKING:
    from infitah.accounts.models import User

LIMIT = 20


def _title(campaign: Campaign) -> str:
    return _("Openness assessment %(year)s") % {"year": campaign.year}


def assessments_to_fill(user: User, now: datetime.datetime | None = None) -> list[Waiting]:
    editing = [collectivity for role, collectivity in user.active_roles if role in EDITORS and collectivity]
    drafts = (
        Assessment.objects.filter(status="draft")
        .exclude(campaign__framework__status="closed")
        .filter(
            Q(party=Party.SELF, campaign__collectivity_id__in=editing)
            | Q(party=Party.INDEPENDENT, associations__representative_links__user=user)
        )
        .select_related("campaign__collectivity")
        .distinct()
        .order_by("campaign__year", "pk")[:LIMIT]
    )
    return [
        Waiting(
            title=_title(draft.campaign),
            sentence=True,
            url=reverse("evaluation:assessment", args=[draft.campaign_id, draft.party]),
            note=_("Score the indicators, then submit the self-assessment")
            if draft.party == Party.SELF
            else _("Score the indicators, then submit the independent assessment"),
            place=str(tr(draft.campaign.collectivity.name)),
            due=draft.campaign.closes_on,
        )
        for draft in drafts
    ]


def discrepancies_to_reconcile(user: User, now: datetime.datetime | None = None) -> list[Waiting]:
    """Campaigns of the person's collectivities (or designated associations) with both assessments submitted and
    not settled yet: their discrepancies wait for an agreed score."""
    editing = [collectivity for role, collectivity in user.active_roles if role in EDITORS and collectivity]
    # A subquery, not a join: a join on the assessments would also narrow the count of submitted ones.
    designated = Assessment.objects.filter(
        party=Party.INDEPENDENT, associations__representative_links__user=user
    ).values("campaign_id")
    campaigns = (
        Campaign.objects.filter(closed_at__isnull=True)
        .filter(Q(collectivity_id__in=editing) | Q(pk__in=designated))
        .annotate(submitted=Count("assessments", filter=Q(assessments__status="submitted")))
        .filter(submitted=2)
        .select_related("collectivity")
        .order_by("year", "pk")[:LIMIT]
    )
    return [
        Waiting(
            title=_title(campaign),
            sentence=True,
            url=campaign.get_absolute_url(),
            note=_("Both assessments are submitted: agree on the scores that differ"),
            place=str(tr(campaign.collectivity.name)),
        )
        for campaign in campaigns
    ]


def campaigns_to_follow(user: User, now: datetime.datetime | None = None) -> list[Waiting]:
    if not is_network_coordinator(user):
        return []
    campaigns = (
        Campaign.objects.filter(closed_at__isnull=True)
        .annotate(submitted=Count("assessments", filter=Q(assessments__status="submitted")))
        .select_related("collectivity")
        .order_by("year", "collectivity__code", "pk")[:LIMIT]
    )
    return [
        Waiting(
            title=_title(campaign),
            sentence=True,
            url=campaign.get_absolute_url(),
            note=_("Not settled; assessments submitted: %(submitted)d of 2") % {"submitted": campaign.submitted},
            place=str(tr(campaign.collectivity.name)),
            due=campaign.closes_on,
        )
        for campaign in campaigns
    ]
