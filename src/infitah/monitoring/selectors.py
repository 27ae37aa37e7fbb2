"""What the monitoring pages read: the adopted version's commitments and milestones, the latest updates, who
co-monitors what, and the rows of the desk (a constant number of queries whatever the program's size)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Max, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import STAFF_ROLES, Association
from infitah.accounts.roles import collectivities_where, holds, is_network_coordinator
from infitah.core.permissions import can
from infitah.monitoring import states
from infitah.monitoring.models import (
    CommitteeMember,
    ContestReply,
    FollowUpCommittee,
    MilestoneWeight,
    ProgressUpdate,
    Review,
    ReviewState,
)
from infitah.programs.models import Program

if TYPE_CHECKING:
    from infitah.accounts.models import User
    from infitah.accounts.types import Viewer


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def reference_index(program: Program) -> dict[str, dict[str, Any]]:
    """The commitments of the adopted version by key: title, axis, co-owner association ids, milestones by key
    (with their due dates as dates). Empty when the program has no reference version."""
    version = program.reference_version
    if version is None:
        return {}
    index: dict[str, dict[str, Any]] = {}
    for axis in version.snapshot.get("axes") or []:
        for commitment in axis.get("commitments") or []:
            milestones = {
                str(m["key"]): {**m, "due_date": _date(m.get("due_date"))} for m in commitment.get("milestones") or []
            }
            index[str(commitment["key"])] = {
                **commitment,
                "axis": axis,
                "milestones": milestones,
                "association_ids": {a.get("id") for a in commitment.get("associations") or []},
            }
    return index


def monitored_program_or_404(user: Viewer, pk: int) -> Program:
    """The program if `user` may see it (a program in preparation does not exist for the public)."""
    try:
        program = Program.objects.select_related("collectivity", "reference_version").get(pk=pk)
    except Program.DoesNotExist:
        raise Http404(_("There is no openness program at this address.")) from None
    if not can(user, "programs.view_program", program):
        raise Http404(_("There is no openness program at this address."))
    return program


def update_detail(pk: int) -> ProgressUpdate:
    """One update with what its page shows (raises ProgressUpdate.DoesNotExist)."""
    return (
        ProgressUpdate.objects.select_related("program__collectivity", "program__reference_version", "author")
        .prefetch_related(
            Prefetch("reviews", queryset=Review.objects.select_related("reviewer")),
            Prefetch("replies", queryset=ContestReply.objects.select_related("author")),
        )
        .get(pk=pk)
    )


def verified_association_ids(user: User) -> set[int]:
    """The verified associations `user` represents."""
    return set(
        Association.objects.filter(representative_links__user=user, is_verified=True).values_list("pk", flat=True)
    )


def sits_on_committee(user: User, program_id: int) -> bool:
    return CommitteeMember.objects.filter(committee__program_id=program_id, user=user).exists()


def co_monitors(user: User, program: Program, commitment_key: Any) -> bool:
    """Does `user` co-monitor this commitment: a seat with an account on the program's follow-up committee, or the
    representative of a verified association the adopted version names among the commitment's co-owners?"""
    if program.reference_version_id is None:
        return False
    if sits_on_committee(user, program.pk):
        return True
    commitment = reference_index(program).get(str(commitment_key))
    if commitment is None or not commitment["association_ids"]:
        return False
    return bool(commitment["association_ids"] & verified_association_ids(user))


def co_monitors_anything(user: User, program: Program) -> bool:
    if program.reference_version_id is None:
        return False
    if sits_on_committee(user, program.pk):
        return True
    mine = verified_association_ids(user)
    return any(c["association_ids"] & mine for c in reference_index(program).values())


def co_monitor_accounts(program: Program, commitment_key: Any) -> list[User]:
    """Everyone who co-monitors a commitment (committee seats with an account, co-owner representatives)."""
    from infitah.accounts.models import User

    association_ids = reference_index(program).get(str(commitment_key), {}).get("association_ids") or set()
    return list(
        User.objects.filter(
            Q(committee_seats__committee__program=program)
            | Q(
                representative_links__association__in=association_ids,
                representative_links__association__is_verified=True,
            ),
            is_active=True,
        ).distinct()
    )


def previous_percent(program: Program, commitment_key: Any, milestone_key: Any) -> int | None:
    """The percentage of the latest update of the same commitment (or milestone), or None."""
    latest = (
        ProgressUpdate.objects.filter(program=program, commitment_key=commitment_key, milestone_key=milestone_key)
        .order_by("-as_of", "-created_at", "-pk")
        .values_list("percent", flat=True)
        .first()
    )
    return latest


def adopted_on(program: Program) -> datetime.date | None:
    """When the council adopted the reference version (None when not recorded)."""
    if program.reference_version_id is None:
        return None
    return program.adoptions.filter(version_id=program.reference_version_id).aggregate(on=Max("adopted_on"))["on"]


@dataclass
class DeskLine:
    """A line of the desk: a milestone, or a commitment without milestones, with its latest update."""

    commitment: dict[str, Any]
    milestone: dict[str, Any] | None
    latest: ProgressUpdate | None
    due: bool = False


@dataclass
class DeskCommitment:
    commitment: dict[str, Any]
    own_latest: ProgressUpdate | None
    lines: list[DeskLine] = field(default_factory=list)


def latest_updates(updates: list[ProgressUpdate]) -> dict[tuple[str, str | None], ProgressUpdate]:
    """The latest update of each (commitment, milestone) among `updates` (ordered newest first)."""
    latest: dict[tuple[str, str | None], ProgressUpdate] = {}
    for update in updates:
        key = (str(update.commitment_key), str(update.milestone_key) if update.milestone_key else None)
        latest.setdefault(key, update)
    return latest


def desk_lines(program: Program, today: datetime.date) -> list[DeskCommitment]:
    """Every commitment and milestone of the adopted version with its latest update and whether one is due."""
    updates = list(ProgressUpdate.objects.filter(program=program).order_by("-as_of", "-created_at", "-pk"))
    latest = latest_updates(updates)
    adoption = adopted_on(program)
    rows = []
    for key, commitment in reference_index(program).items():
        row = DeskCommitment(commitment=commitment, own_latest=latest.get((key, None)))
        milestones = list(commitment["milestones"].items()) or [(None, None)]
        for milestone_key, milestone in milestones:
            update = latest.get((key, milestone_key))
            due = states.update_due(
                due_date=milestone["due_date"] if milestone else None,
                latest_as_of=update.as_of if update else None,
                latest_percent=update.percent if update else None,
                adopted_on=adoption,
                today=today,
            )
            row.lines.append(DeskLine(commitment=commitment, milestone=milestone, latest=update, due=due))
        rows.append(row)
    return rows


def contested_updates(program: Program) -> list[ProgressUpdate]:
    return list(ProgressUpdate.objects.filter(program=program, review_state=ReviewState.CONTESTED))


def updates_to_review(user: User, program: Program) -> list[ProgressUpdate]:
    """The updates of `program` that `user` co-monitors, did not write and has not reviewed yet."""
    if program.reference_version_id is None or holds(user, STAFF_ROLES, program.collectivity_id):
        return []  # the staff's work is what is reviewed: they never review
    on_committee = sits_on_committee(user, program.pk)
    mine = verified_association_ids(user)
    keys = [k for k, c in reference_index(program).items() if on_committee or c["association_ids"] & mine]
    if not keys:
        return []
    return list(
        ProgressUpdate.objects.filter(program=program, commitment_key__in=keys)
        .exclude(author=user)
        .exclude(reviews__reviewer=user)
        .order_by("as_of", "pk")
    )


def committee_of(program: Program) -> FollowUpCommittee | None:
    return (
        FollowUpCommittee.objects.filter(program=program)
        .prefetch_related(Prefetch("members", queryset=CommitteeMember.objects.select_related("user", "association")))
        .first()
    )


def milestone_weights(program: Program) -> dict[str, int]:
    return {
        str(key): weight
        for key, weight in MilestoneWeight.objects.filter(program=program).values_list("milestone_key", "weight")
    }


def desk_programs(user: User) -> QuerySet[Program]:
    """The adopted programs whose desk `user` opens: every one for a coordinator; those of the collectivities where
    they are staff; those they co-monitor (a committee seat, or a verified association co-owning a commitment)."""
    adopted = Program.objects.filter(reference_version__isnull=False).select_related("collectivity")
    if user.is_superuser or is_network_coordinator(user):
        return adopted.order_by("collectivity__code", "pk")
    associations = Association.objects.filter(representative_links__user=user, is_verified=True)
    mine = (
        Q(collectivity__in=collectivities_where(user, STAFF_ROLES))
        | Q(pk__in=CommitteeMember.objects.filter(user=user).values("committee__program"))
        | Q(pk__in=Program.objects.filter(commitments__associations__in=associations).values("pk"))
    )
    return adopted.filter(mine).order_by("collectivity__code", "pk")
