"""Co-monitoring in the open-data catalogue and the openness index.

- The "progress updates" dataset: every update of a public adopted program, named by the adopted version's
  commitment and milestone (their titles read from the version's snapshot, which never changes).
- `monitoring.updates_confirmed` (accountability): of a member's updates that co-monitors reviewed, the share
  they confirmed. Updates not reviewed yet do not count either way.
- `monitoring.commitments_on_track` (accountability): of the commitments of a member's adopted programs, the
  share with no overdue milestone today (a milestone is overdue once its due date has passed and its latest
  update is below 100%).
Both indicators cost a fixed number of queries whatever the number of collectivities.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from infitah.core.translation import tr
from infitah.monitoring import progress
from infitah.monitoring.models import ProgressUpdate, ReviewState
from infitah.programs.models import Program
from infitah.programs.phases import PUBLIC_PHASES

# version pk -> {key: title}: a published version never changes, so its titles are read once per process.
_TITLES: dict[int, dict[str, dict[str, str]]] = {}
_TITLES_KEPT = 256


def public_adopted_programs() -> QuerySet[Program]:
    return Program.objects.filter(phase__in=[phase.value for phase in PUBLIC_PHASES], reference_version__isnull=False)


def dataset_rows() -> QuerySet[ProgressUpdate]:
    return (
        ProgressUpdate.objects.filter(program__in=public_adopted_programs())
        .select_related("program__collectivity", "program__reference_version")
        .order_by("program_id", "as_of", "pk")
    )


def _titles(update: ProgressUpdate) -> dict[str, dict[str, str]]:
    version = update.program.reference_version
    if version is None:
        return {}
    if version.pk not in _TITLES:
        if len(_TITLES) >= _TITLES_KEPT:
            _TITLES.clear()
        titles: dict[str, dict[str, str]] = {}
        for axis in version.snapshot.get("axes") or []:
            for commitment in axis.get("commitments") or []:
                titles[commitment["key"]] = commitment.get("title") or {}
                for milestone in commitment.get("milestones") or []:
                    titles[milestone["key"]] = milestone.get("title") or {}
        _TITLES[version.pk] = titles
    return _TITLES[version.pk]


def commitment_title(update: ProgressUpdate) -> str:
    return str(tr(_titles(update).get(str(update.commitment_key)) or {}))


def milestone_title(update: ProgressUpdate) -> str:
    if update.milestone_key is None:
        return ""
    return str(tr(_titles(update).get(str(update.milestone_key)) or {}))


def updates_confirmed(collectivity_ids: Iterable[int]) -> dict[int, float]:
    """The share of reviewed updates that co-monitors confirmed, per collectivity (one query)."""
    reviewed = ~Q(review_state=ReviewState.AWAITING)
    rows = (
        ProgressUpdate.objects.filter(program__in=public_adopted_programs())
        .filter(reviewed, program__collectivity_id__in=list(collectivity_ids))
        .values("program__collectivity_id")
        .annotate(reviewed=Count("pk"), confirmed=Count("pk", filter=Q(review_state=ReviewState.CONFIRMED)))
    )
    return {row["program__collectivity_id"]: row["confirmed"] / row["reviewed"] for row in rows if row["reviewed"]}


def commitments_on_track(collectivity_ids: Iterable[int], today: datetime.date | None = None) -> dict[int, float]:
    """The share of adopted commitments with no overdue milestone, per collectivity (two queries)."""
    today = today or timezone.localdate()
    programs = list(
        public_adopted_programs()
        .filter(collectivity_id__in=list(collectivity_ids))
        .values_list("pk", "collectivity_id", "reference_version__snapshot")
    )
    latest: dict[tuple[int, str], tuple[datetime.date, int, int]] = {}
    milestone_updates = ProgressUpdate.objects.filter(
        program_id__in=[pk for pk, _c, _s in programs], milestone_key__isnull=False
    ).values_list("program_id", "milestone_key", "as_of", "pk", "percent")
    for program_id, key, as_of, pk, percent in milestone_updates:
        slot = (program_id, str(key))
        if slot not in latest or (as_of, pk) > latest[slot][:2]:
            latest[slot] = (as_of, pk, percent)
    totals: dict[int, list[int]] = {}
    for program_id, collectivity_id, snapshot in programs:
        counted = totals.setdefault(collectivity_id, [0, 0])
        for commitment in _commitments(snapshot):
            overdue = False
            for milestone in commitment.get("milestones") or []:
                due = milestone.get("due_date")
                reading = latest.get((program_id, milestone["key"]))
                done = float(reading[2]) if reading else 0.0
                if progress.is_overdue(datetime.date.fromisoformat(due) if due else None, done, today):
                    overdue = True
                    break
            counted[0] += 0 if overdue else 1
            counted[1] += 1
    return {collectivity_id: on / total for collectivity_id, (on, total) in totals.items() if total}


def _commitments(snapshot: Any) -> list[dict[str, Any]]:
    return [c for axis in (snapshot or {}).get("axes") or [] for c in axis.get("commitments") or []]
