"""A program's tracker: where each commitment of the adopted version stands, computed from the progress updates.

Everything is read in three queries whatever the number of commitments, milestones and updates: the reference
version's snapshot, the program's updates, its milestone weights. The arithmetic is `progress.py`'s (pure).
Commitments and milestones are those the council adopted (the reference version), named by their stable keys.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from infitah.monitoring import progress
from infitah.monitoring.models import Completion, MilestoneWeight, ProgressUpdate, ReviewState
from infitah.programs.models import Program, ProgramVersion
from infitah.programs.versions import parse_snapshot_dates

# A milestone not complete whose due date falls within this many days is listed as "due".
DUE_WITHIN_DAYS = 60


@dataclass
class MilestoneStatus:
    key: str
    title: dict[str, str]
    due_date: datetime.date | None
    weight: int
    percent: float
    latest: ProgressUpdate | None
    overdue: bool
    due_soon: bool
    commitment_key: str = ""


@dataclass
class CommitmentStatus:
    key: str
    id: int | None
    title: dict[str, str]
    axis_key: str
    axis_title: dict[str, str]
    start_date: datetime.date | None
    end_date: datetime.date | None
    percent: float
    # The completion stated by the commitment's own latest update (None: only its milestones were updated, or
    # nothing yet).
    completion: str | None
    latest: ProgressUpdate | None
    milestones: list[MilestoneStatus]
    updates: list[ProgressUpdate] = field(default_factory=list)

    @property
    def flagged(self) -> list[ProgressUpdate]:
        return [update for update in self.updates if update.is_flagged]

    @property
    def overdue(self) -> bool:
        return any(milestone.overdue for milestone in self.milestones)

    @property
    def completion_label(self) -> str:
        return str(Completion(self.completion).label) if self.completion else ""


@dataclass
class AxisProgress:
    key: str
    title: dict[str, str]
    percent: float | None
    commitments: list[CommitmentStatus]


@dataclass(frozen=True)
class TimelineEntry:
    update: ProgressUpdate
    commitment: CommitmentStatus
    milestone: MilestoneStatus | None


@dataclass
class Tracker:
    program: Program
    version: ProgramVersion | None
    today: datetime.date
    percent: float | None = None
    axes: list[AxisProgress] = field(default_factory=list)
    updates: list[ProgressUpdate] = field(default_factory=list)

    @property
    def is_adopted(self) -> bool:
        return self.version is not None

    @property
    def commitments(self) -> list[CommitmentStatus]:
        return [commitment for axis in self.axes for commitment in axis.commitments]

    @property
    def milestones(self) -> list[MilestoneStatus]:
        return [milestone for commitment in self.commitments for milestone in commitment.milestones]

    @property
    def overdue(self) -> list[MilestoneStatus]:
        return sorted((m for m in self.milestones if m.overdue), key=_by_due_date)

    @property
    def due(self) -> list[MilestoneStatus]:
        return sorted((m for m in self.milestones if m.due_soon), key=_by_due_date)

    @property
    def flagged(self) -> list[ProgressUpdate]:
        return [update for update in self.updates if update.is_flagged]

    def timeline(self, limit: int | None = None) -> list[TimelineEntry]:
        """The updates, newest first, each with the commitment (and milestone) it is about."""
        commitments = {commitment.key: commitment for commitment in self.commitments}
        milestones = {milestone.key: milestone for milestone in self.milestones}
        return [
            TimelineEntry(
                update=update,
                commitment=commitments[str(update.commitment_key)],
                milestone=milestones.get(str(update.milestone_key)) if update.milestone_key else None,
            )
            for update in self.updates[:limit]
        ]

    def commitment(self, key: str) -> CommitmentStatus | None:
        return next((c for c in self.commitments if c.key == key), None)

    def counts(self) -> dict[str, int]:
        """How many updates stand in each review state."""
        counts = {state.value: 0 for state in ReviewState}
        for update in self.updates:
            counts[update.review_state] = counts.get(update.review_state, 0) + 1
        return counts


def _by_due_date(milestone: MilestoneStatus) -> tuple[datetime.date, str]:
    return (milestone.due_date or datetime.date.max, milestone.key)


def _reading(update: ProgressUpdate) -> progress.Reading:
    return progress.Reading(as_of=update.as_of, percent=update.percent, order=update.pk or 0)


def _latest(updates: list[ProgressUpdate]) -> ProgressUpdate | None:
    return max(updates, key=lambda update: (update.as_of, update.pk or 0), default=None)


def reference_snapshot(program: Program) -> tuple[ProgramVersion | None, dict[str, Any]]:
    """The adopted version and its snapshot with dates parsed (one query; none when nothing was adopted)."""
    if program.reference_version_id is None:
        return None, {"axes": []}
    version = ProgramVersion.objects.get(pk=program.reference_version_id)
    return version, parse_snapshot_dates(version.snapshot)


def program_updates(program: Program, until: datetime.date | None = None) -> list[ProgressUpdate]:
    """The program's updates, newest first (one query); `until`: only those stated as of that day or before."""
    updates = ProgressUpdate.objects.filter(program=program)
    if until is not None:
        updates = updates.filter(as_of__lte=until)
    return list(updates.order_by("-as_of", "-created_at", "-pk"))


def weights_of(program: Program) -> dict[str, int]:
    return {
        str(key): weight
        for key, weight in MilestoneWeight.objects.filter(program=program).values_list("milestone_key", "weight")
    }


def build_tracker(program: Program, today: datetime.date | None = None, until: datetime.date | None = None) -> Tracker:
    """The tracker of `program` as of `today` (three queries). `until` restricts the updates to those stated on or
    before that date: the state at the end of a semester, for its report."""
    today = today or timezone.localdate()
    version, snapshot = reference_snapshot(program)
    tracker = Tracker(program=program, version=version, today=today)
    if version is None:
        return tracker
    updates = program_updates(program, until)
    weights = weights_of(program)
    by_commitment: dict[str, list[ProgressUpdate]] = {}
    for update in updates:
        by_commitment.setdefault(str(update.commitment_key), []).append(update)

    for axis in snapshot.get("axes") or []:
        statuses = [
            _commitment_status(axis, commitment, by_commitment.get(commitment["key"], []), weights, today)
            for commitment in axis.get("commitments") or []
        ]
        tracker.axes.append(
            AxisProgress(
                key=axis["key"],
                title=axis.get("title") or {},
                percent=progress.mean_percent([status.percent for status in statuses]),
                commitments=statuses,
            )
        )
    tracker.percent = progress.mean_percent([status.percent for status in tracker.commitments])
    known = {status.key for status in tracker.commitments}
    # Updates of a commitment the adopted version no longer holds are not the program's tracked progress.
    tracker.updates = [update for update in updates if str(update.commitment_key) in known]
    return tracker


def _commitment_status(
    axis: dict[str, Any],
    commitment: dict[str, Any],
    updates: list[ProgressUpdate],
    weights: dict[str, int],
    today: datetime.date,
) -> CommitmentStatus:
    own = [update for update in updates if update.milestone_key is None]
    by_milestone: dict[str, list[ProgressUpdate]] = {}
    for update in updates:
        if update.milestone_key is not None:
            by_milestone.setdefault(str(update.milestone_key), []).append(update)
    milestones = []
    for milestone in commitment.get("milestones") or []:
        latest = _latest(by_milestone.get(milestone["key"], []))
        percent = float(latest.percent) if latest else 0.0
        due = milestone.get("due_date")
        overdue = progress.is_overdue(due, percent, today)
        milestones.append(
            MilestoneStatus(
                key=milestone["key"],
                title=milestone.get("title") or {},
                due_date=due,
                weight=weights.get(milestone["key"], 1),
                percent=percent,
                latest=latest,
                overdue=overdue,
                due_soon=(
                    due is not None
                    and not overdue
                    and percent < 100
                    and today <= due <= today + datetime.timedelta(days=DUE_WITHIN_DAYS)
                ),
                commitment_key=commitment["key"],
            )
        )
    own_latest = _latest(own)
    percent = progress.commitment_percent(
        [m.key for m in milestones],
        {m.key: _reading(m.latest) if m.latest else None for m in milestones},
        {m.key: m.weight for m in milestones},
        _reading(own_latest) if own_latest else None,
    )
    return CommitmentStatus(
        key=commitment["key"],
        id=commitment.get("id"),
        title=commitment.get("title") or {},
        axis_key=axis["key"],
        axis_title=axis.get("title") or {},
        start_date=commitment.get("start_date"),
        end_date=commitment.get("end_date"),
        percent=percent,
        completion=own_latest.completion if own_latest else None,
        latest=_latest(updates),
        milestones=milestones,
        updates=updates,
    )
