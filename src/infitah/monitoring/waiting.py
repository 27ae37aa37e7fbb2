"""What waits for people on the landing page after login (a fixed number of queries whatever their number):
staff see the progress updates due and the contested updates to answer; co-monitors the updates to review."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db.models import F, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from infitah.accounts.models import STAFF_ROLES, Association
from infitah.accounts.roles import collectivities_where
from infitah.core.contributions import Waiting
from infitah.core.translation import tr
from infitah.monitoring import selectors, states
from infitah.monitoring.models import CommitteeMember, ProgressUpdate, ReviewState
from infitah.monitoring.rules import EDITORS
from infitah.programs.models import Program

if TYPE_CHECKING:
    from infitah.accounts.models import User

LIMIT = 20


def _adopted_programs(**filters: object) -> list[Program]:
    return list(
        Program.objects.filter(reference_version__isnull=False, **filters)
        .annotate(adopted_on=Max("adoptions__adopted_on", filter=Q(adoptions__version=F("reference_version"))))
        .select_related("collectivity", "reference_version")
        .order_by("pk")[:LIMIT]
    )


def updates_due(user: User, now: datetime.datetime | None = None) -> list[Waiting]:
    """Per adopted program of the staff's collectivities: how many milestones (or commitments) need an update."""
    collectivities = collectivities_where(user, EDITORS)
    if not collectivities:
        return []
    programs = _adopted_programs(collectivity__in=collectivities)
    if not programs:
        return []
    today = timezone.localdate(now) if now else timezone.localdate()
    updates = list(
        ProgressUpdate.objects.filter(program__in=programs)
        .only("program_id", "commitment_key", "milestone_key", "as_of", "percent", "created_at")
        .order_by("-as_of", "-created_at", "-pk")
    )
    by_program: dict[int, list[ProgressUpdate]] = {}
    for update in updates:
        by_program.setdefault(update.program_id, []).append(update)
    items = []
    for program in programs:
        latest = selectors.latest_updates(by_program.get(program.pk, []))
        due = 0
        for key, commitment in selectors.reference_index(program).items():
            for milestone_key, milestone in list(commitment["milestones"].items()) or [(None, None)]:
                last = latest.get((key, milestone_key))
                due += states.update_due(
                    due_date=milestone["due_date"] if milestone else None,
                    latest_as_of=last.as_of if last else None,
                    latest_percent=last.percent if last else None,
                    adopted_on=getattr(program, "adopted_on", None),
                    today=today,
                )
        if due:
            items.append(
                Waiting(
                    title=str(program),
                    url=reverse("monitoring:desk", args=[program.pk]),
                    overdue=True,
                    note=ngettext("%(count)d progress update due", "%(count)d progress updates due", due)
                    % {"count": due},
                    place=str(tr(program.collectivity.name)),
                )
            )
    return items


def contests_to_answer(user: User, now: datetime.datetime | None = None) -> list[Waiting]:
    collectivities = collectivities_where(user, EDITORS)
    if not collectivities:
        return []
    updates = (
        ProgressUpdate.objects.filter(program__collectivity__in=collectivities, review_state=ReviewState.CONTESTED)
        .select_related("program")
        .order_by("as_of", "pk")[:LIMIT]
    )
    return [
        Waiting(
            title=str(update.program),
            url=update.get_absolute_url(),
            note=_("Contested update of %(date)s to answer") % {"date": update.as_of.isoformat()},
            overdue=True,
        )
        for update in updates
    ]


def updates_to_review(user: User, now: datetime.datetime | None = None) -> list[Waiting]:
    """The updates of the commitments `user` co-monitors that they did not write and have not reviewed."""
    association_ids = set(
        Association.objects.filter(representative_links__user=user, is_verified=True).values_list("pk", flat=True)
    )
    committee_programs = set(CommitteeMember.objects.filter(user=user).values_list("committee__program_id", flat=True))
    if not association_ids and not committee_programs:
        return []
    staff_of = collectivities_where(user, STAFF_ROLES)
    candidates = (
        Q(pk__in=committee_programs) | Q(commitments__associations__in=association_ids)
        if association_ids
        else Q(pk__in=committee_programs)
    )
    programs = list(
        Program.objects.filter(candidates, reference_version__isnull=False)
        .exclude(collectivity__in=staff_of)
        .distinct()
        .select_related("reference_version")
        .order_by("pk")[:LIMIT]
    )
    keys = Q()
    for program in programs:
        if program.pk in committee_programs:
            keys |= Q(program=program)
            continue
        mine = [k for k, c in selectors.reference_index(program).items() if c["association_ids"] & association_ids]
        if mine:
            keys |= Q(program=program, commitment_key__in=mine)
    if not keys:
        return []
    updates = (
        ProgressUpdate.objects.filter(keys)
        .exclude(author=user)
        .exclude(reviews__reviewer=user)
        .select_related("program")
        .order_by("as_of", "pk")[:LIMIT]
    )
    return [
        Waiting(
            title=str(update.program),
            url=update.get_absolute_url(),
            note=_("Progress update of %(date)s (%(percent)d%%) to review")
            % {"date": update.as_of.isoformat(), "percent": update.percent},
            on=update.as_of,
        )
        for update in updates
    ]
