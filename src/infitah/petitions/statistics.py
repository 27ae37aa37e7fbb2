"""Petitions across the network in numbers: counts by kind, stage and outcome, the acceptance rate, the median time
from deposit to decision and the bureau's rulings overdue; and the openness index's measures per collectivity.

The arithmetic is pure (plain numbers and dates in, numbers out; "no data" is None, never 0); the query layer below
it reads a fixed number of queries whatever the number of petitions. Only public petitions (out of their draft)
are counted; nothing here reads a signature beyond its count.
"""

from __future__ import annotations

import datetime
import statistics as _stats
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from infitah.petitions import sessions, states
from infitah.petitions.models import CouncilDecision, Petition

ACCEPTED, REJECTED = CouncilDecision.ACCEPTED.value, CouncilDecision.REJECTED.value

# --- Pure arithmetic ---------------------------------------------------------------------------------------------


def acceptance_rate(accepted: int, decided: int) -> float | None:
    """Accepted among the petitions the council decided; None when it decided none (no data, not 0%)."""
    if decided <= 0:
        return None
    return accepted / decided


def days_between(start: datetime.date, end: datetime.date) -> int:
    return (end - start).days


def median_days(spans: Iterable[tuple[datetime.date, datetime.date]]) -> float | None:
    """The median number of days from each start to its end; None when there is none."""
    days = [days_between(start, end) for start, end in spans]
    return float(_stats.median(days)) if days else None


def ruled_in_time(due: datetime.date, ruled_on: datetime.date | None, today: datetime.date) -> bool | None:
    """True: ruled by its due date; False: ruled late, or not ruled and overdue; None: not ruled, still in time."""
    if ruled_on is not None:
        return ruled_on <= due
    return False if today > due else None


def share(values: Sequence[bool | None]) -> float | None:
    """The share of True among the values that are not None; None when none counts."""
    counted = [value for value in values if value is not None]
    return sum(counted) / len(counted) if counted else None


# --- The query layer ---------------------------------------------------------------------------------------------


def public_petitions() -> QuerySet[Petition]:
    """Every petition out of its draft, network-wide."""
    return Petition.objects.filter(stage__in=states.PUBLIC)


@dataclass(frozen=True)
class Statistics:
    total: int
    by_kind: dict[str, int] = field(default_factory=dict)
    by_stage: dict[str, int] = field(default_factory=dict)
    by_outcome: dict[str, int] = field(default_factory=dict)  # accepted, rejected (council), inadmissible (bureau)
    acceptance_rate: float | None = None
    median_days_to_decision: float | None = None
    overdue_rulings: int = 0
    ruled_in_time_share: float | None = None


def network_statistics(collectivity_id: int | None = None, today: datetime.date | None = None) -> Statistics:
    """The network's petitions (or one collectivity's) in numbers: two queries."""
    today = today or timezone.localdate()
    petitions = public_petitions()
    if collectivity_id is not None:
        petitions = petitions.filter(collectivity_id=collectivity_id)
    rows = list(petitions.values("kind", "stage", "decision").annotate(n=Count("pk")).order_by())
    by_kind: Counter[str] = Counter()
    by_stage: Counter[str] = Counter()
    by_outcome: Counter[str] = Counter()
    for row in rows:
        by_kind[row["kind"]] += row["n"]
        by_stage[row["stage"]] += row["n"]
        if row["decision"]:
            by_outcome[row["decision"]] += row["n"]
        if row["stage"] == states.INADMISSIBLE:
            by_outcome[states.INADMISSIBLE] += row["n"]
    timing = petitions.filter(deposited_on__isnull=False).values_list(
        "collectivity__kind", "deposited_on", "admissibility_on", "decision_on"
    )
    spans: list[tuple[datetime.date, datetime.date]] = []
    in_time: list[bool | None] = []
    overdue = 0
    for kind, deposited_on, ruled_on, decided_on in timing:
        assert deposited_on is not None  # filtered above
        due = sessions.admissibility_due(kind, deposited_on)
        verdict = ruled_in_time(due, ruled_on, today)
        in_time.append(verdict)
        if ruled_on is None and verdict is False:
            overdue += 1
        if decided_on is not None:
            spans.append((deposited_on, decided_on))
    decided = by_outcome[ACCEPTED] + by_outcome[REJECTED]
    return Statistics(
        total=sum(by_kind.values()),
        by_kind=dict(by_kind),
        by_stage=dict(by_stage),
        by_outcome=dict(by_outcome),
        acceptance_rate=acceptance_rate(by_outcome[ACCEPTED], decided),
        median_days_to_decision=median_days(spans),
        overdue_rulings=overdue,
        ruled_in_time_share=share(in_time),
    )


# --- The openness index (citizen participation) ------------------------------------------------------------------


def petitions_received(collectivity_ids: Iterable[int]) -> dict[int, float]:
    """Petitions deposited with each council (one query); a council that received none is left out."""
    rows = (
        Petition.objects.filter(collectivity_id__in=list(collectivity_ids), deposited_on__isnull=False)
        .values("collectivity_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["collectivity_id"]: float(row["n"]) for row in rows}


def ruled_on_in_time(collectivity_ids: Iterable[int], today: datetime.date | None = None) -> dict[int, float]:
    """Of each council's deposited petitions whose ruling is due or made, the share ruled on within the legal time
    (one query); petitions still within their time and not ruled on do not count either way."""
    today = today or timezone.localdate()
    verdicts: dict[int, list[bool | None]] = {}
    rows = Petition.objects.filter(collectivity_id__in=list(collectivity_ids), deposited_on__isnull=False).values_list(
        "collectivity_id", "collectivity__kind", "deposited_on", "admissibility_on"
    )
    for collectivity_id, kind, deposited_on, ruled_on in rows:
        assert deposited_on is not None  # filtered above
        due = sessions.admissibility_due(kind, deposited_on)
        verdicts.setdefault(collectivity_id, []).append(ruled_in_time(due, ruled_on, today))
    values = {pk: share(found) for pk, found in verdicts.items()}
    return {pk: value for pk, value in values.items() if value is not None}


def accepted_share(collectivity_ids: Iterable[int]) -> dict[int, float]:
    """Of the petitions each council decided, the share it accepted (one query); none decided: left out."""
    rows = (
        Petition.objects.filter(collectivity_id__in=list(collectivity_ids), stage=states.DECIDED)
        .values("collectivity_id")
        .annotate(decided=Count("pk"), accepted=Count("pk", filter=Q(decision=ACCEPTED)))
        .order_by()
    )
    values = {row["collectivity_id"]: acceptance_rate(row["accepted"], row["decided"]) for row in rows}
    return {pk: value for pk, value in values.items() if value is not None}
