"""The semester monitoring report of a program: what changed in the semester and where every commitment stood at
its end, with the contested and answered updates.

`build()` reads a fixed number of queries (the tracker's three, twice: at the semester's start and at its end)
whatever the number of commitments and updates; the page, the CSV and the PDF all show what it returns.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from infitah.monitoring import progress
from infitah.monitoring.models import ProgressUpdate, ReviewState
from infitah.monitoring.tracker import CommitmentStatus, TimelineEntry, Tracker, build_tracker
from infitah.programs.models import Program

# The earliest year a report may be asked for: the network's programs start in 2023.
FIRST_YEAR = 2020
MAX_SEMESTERS_LISTED = 20


@dataclass(frozen=True)
class CommitmentLine:
    """One commitment in the report: its progress at the semester's start and end."""

    status: CommitmentStatus
    start_percent: float
    updates_in_semester: int

    @property
    def change(self) -> float:
        return self.status.percent - self.start_percent


@dataclass(frozen=True)
class AxisLine:
    key: str
    title: dict[str, str]
    start_percent: float | None
    end_percent: float | None


@dataclass
class SemesterReport:
    program: Program
    year: int
    semester: int
    start: datetime.date
    end: datetime.date
    at_end: Tracker
    axes: list[AxisLine]
    commitments: list[CommitmentLine]
    updates: list[TimelineEntry]  # stated within the semester, newest first
    start_percent: float | None

    @property
    def end_percent(self) -> float | None:
        return self.at_end.percent

    @property
    def contested(self) -> list[TimelineEntry]:
        return [entry for entry in self.updates if entry.update.review_state == ReviewState.CONTESTED]

    @property
    def resolved(self) -> list[TimelineEntry]:
        return [entry for entry in self.updates if entry.update.review_state == ReviewState.RESOLVED]

    @property
    def confirmed(self) -> int:
        return sum(1 for entry in self.updates if entry.update.review_state == ReviewState.CONFIRMED)

    @property
    def overdue(self):
        return self.at_end.overdue


def is_known_semester(year: int, semester: int, today: datetime.date | None = None) -> bool:
    """A semester that has begun, from FIRST_YEAR on: later ones have nothing to report yet."""
    today = today or timezone.localdate()
    if semester not in (1, 2) or not FIRST_YEAR <= year <= today.year:
        return False
    return progress.semester_bounds(year, semester)[0] <= today


def semesters_of(tracker: Tracker, today: datetime.date | None = None) -> list[tuple[int, int]]:
    """The semesters a report may be read for, newest first: from the adopted commitments' first start (or the
    first update) to today's semester."""
    today = today or timezone.localdate()
    starts = [c.start_date for c in tracker.commitments if c.start_date] + [u.as_of for u in tracker.updates]
    if not tracker.is_adopted or not starts:
        return []
    year, semester = progress.semester_of(max(min(starts), datetime.date(FIRST_YEAR, 1, 1)))
    last = progress.semester_of(today)
    found = []
    while (year, semester) <= last:
        found.append((year, semester))
        year, semester = (year, 2) if semester == 1 else (year + 1, 1)
    return list(reversed(found))[:MAX_SEMESTERS_LISTED]


def build(program: Program, year: int, semester: int) -> SemesterReport:
    start, end = progress.semester_bounds(year, semester)
    at_end = build_tracker(program, today=end, until=end)
    before = build_tracker(program, today=start - datetime.timedelta(days=1), until=start - datetime.timedelta(days=1))
    start_percents = {status.key: status.percent for status in before.commitments}
    lines = [
        CommitmentLine(
            status=status,
            start_percent=start_percents.get(status.key, 0.0),
            updates_in_semester=sum(1 for update in status.updates if start <= update.as_of <= end),
        )
        for status in at_end.commitments
    ]
    axes_before = {axis.key: axis.percent for axis in before.axes}
    return SemesterReport(
        program=program,
        year=year,
        semester=semester,
        start=start,
        end=end,
        at_end=at_end,
        axes=[AxisLine(a.key, a.title, axes_before.get(a.key), a.percent) for a in at_end.axes],
        commitments=lines,
        updates=[entry for entry in at_end.timeline() if start <= entry.update.as_of <= end],
        start_percent=before.percent,
    )


def fingerprint(program: Program, year: int, semester: int) -> str:
    """The state of the monitoring data a semester's report reflects (one query): any update stated by the
    semester's end that is added, changed, reviewed or answered gives another fingerprint."""
    _start, end = progress.semester_bounds(year, semester)
    rows = (
        ProgressUpdate.objects.filter(program=program, as_of__lte=end)
        .annotate(n_reviews=Count("reviews", distinct=True), n_replies=Count("replies", distinct=True))
        .order_by("pk")
        .values_list("pk", "percent", "completion", "as_of", "review_state", "n_reviews", "n_replies")
    )
    digest = hashlib.sha256(f"{program.reference_version_id}:{year}:{semester}".encode())
    for row in rows:
        digest.update(repr(row).encode())
    return digest.hexdigest()
