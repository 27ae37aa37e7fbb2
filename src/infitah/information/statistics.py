"""The register's figures (law 31-13): what each collectivity received, how it replied, how fast, on what grounds it
withheld, and what the requesters did about it (complaints to the head, referrals to the CDAI).

Every figure is about the requests *received* in the chosen year (or in all years): "of the requests received in
2025, 80% were replied to on time". Hidden requests count too (a count reveals nothing of their text).

- A reply is one of the body's closing acts (answered, partially answered, refused, not held, transferred); a
  withdrawal is not a reply.
- The on-time rate is the share of replies given on or before the due date (`states.replied_on_time`).
- The median time to reply counts working days (`working_days_to_reply`, pauses excluded).
- The refusal share is the share of replies that were refusals.
A rate or median with nothing to measure is None ("no data"), never 0: "no request received" is not "none on time".

The arithmetic is pure (the top half); `figures_by_collectivity` reads the database in three queries whatever the
number of requests and collectivities.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db.models import Count, F, Q
from django.utils import timezone

from infitah.information import states

# --- Pure arithmetic ---------------------------------------------------------------------------------------------


def rate(part: int, whole: int) -> float | None:
    """part / whole as a share (0 to 1); None when there is nothing to measure."""
    if whole <= 0:
        return None
    return part / whole


def median_of_counts(counts: Mapping[int, int]) -> float | None:
    """The median of values given as {value: how many times}; None for no value at all."""
    values = sorted((value, number) for value, number in counts.items() if number > 0)
    total = sum(number for _value, number in values)
    if total == 0:
        return None
    # The two middle positions (0-based); equal when the total is odd.
    low_position, high_position = (total - 1) // 2, total // 2
    low = high = None
    seen = 0
    for value, number in values:
        if low is None and seen + number > low_position:
            low = value
        if seen + number > high_position:
            high = value
            break
        seen += number
    assert low is not None and high is not None
    return (low + high) / 2


def median(values: Iterable[int]) -> float | None:
    return median_of_counts(Counter(values))


@dataclass
class Figures:
    """The figures of one collectivity (or of the network, summed)."""

    received: int = 0
    replied: int = 0
    answered: int = 0
    partial: int = 0
    refused: int = 0
    not_held: int = 0
    transferred: int = 0
    withdrawn: int = 0
    open: int = 0
    overdue: int = 0
    timed: int = 0  # replies with a due date, those the on-time rate is about
    on_time: int = 0
    complaints: int = 0
    complaints_decided: int = 0
    cdai_referrals: int = 0
    days_to_reply: Counter = field(default_factory=Counter)  # working days -> replies
    grounds: Counter = field(default_factory=Counter)  # ground -> refusals and partial answers

    @property
    def on_time_rate(self) -> float | None:
        return rate(self.on_time, self.timed)

    @property
    def refused_share(self) -> float | None:
        return rate(self.refused, self.replied)

    @property
    def median_days_to_reply(self) -> float | None:
        return median_of_counts(self.days_to_reply)

    @property
    def on_time_percent(self) -> float | None:
        return as_percent(self.on_time_rate)

    @property
    def refused_percent(self) -> float | None:
        return as_percent(self.refused_share)

    def add(self, other: Figures) -> None:
        for name in COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.days_to_reply.update(other.days_to_reply)
        self.grounds.update(other.grounds)


COUNTS = (
    "received",
    "replied",
    "answered",
    "partial",
    "refused",
    "not_held",
    "transferred",
    "withdrawn",
    "open",
    "overdue",
    "timed",
    "on_time",
    "complaints",
    "complaints_decided",
    "cdai_referrals",
)


def total(figures: Iterable[Figures]) -> Figures:
    summed = Figures()
    for one in figures:
        summed.add(one)
    return summed


def as_percent(share: float | None) -> float | None:
    """A share (0 to 1) as a percentage rounded to one decimal; None stays None."""
    return None if share is None else round(share * 100, 1)


# --- The query layer ---------------------------------------------------------------------------------------------


def _requests(year: int | None, collectivity_ids: Iterable[int] | None):
    from infitah.information.models import InformationRequest

    requests = InformationRequest.objects.all()
    if year is not None:
        requests = requests.filter(received_on__year=year)
    if collectivity_ids is not None:
        requests = requests.filter(collectivity_id__in=list(collectivity_ids))
    return requests


def figures_by_collectivity(
    *, year: int | None = None, collectivity_ids: Iterable[int] | None = None, today: datetime.date | None = None
) -> dict[int, Figures]:
    """{collectivity id: Figures} for the collectivities that received requests (three queries)."""
    from infitah.information.models import Complaint

    today = today or timezone.localdate()
    ids = None if collectivity_ids is None else list(collectivity_ids)
    requests = _requests(year, ids)
    replies = Q(state__in=states.REPLIES)
    timed = replies & Q(due_on__isnull=False, replied_on__isnull=False)
    rows = (
        requests.order_by()
        .values("collectivity_id")
        .annotate(
            received=Count("pk"),
            replied=Count("pk", filter=replies),
            answered=Count("pk", filter=Q(state=states.ANSWERED)),
            partial=Count("pk", filter=Q(state=states.PARTIAL)),
            refused=Count("pk", filter=Q(state=states.REFUSED)),
            not_held=Count("pk", filter=Q(state=states.NOT_HELD)),
            transferred=Count("pk", filter=Q(state=states.TRANSFERRED)),
            withdrawn=Count("pk", filter=Q(state=states.WITHDRAWN)),
            open=Count("pk", filter=Q(state__in=states.OPEN)),
            # states.is_overdue, in SQL: open, not paused, the due date passed.
            overdue=Count(
                "pk",
                filter=Q(state__in=states.OPEN - {states.CLARIFICATION}, due_on__isnull=False, due_on__lt=today),
            ),
            timed=Count("pk", filter=timed),
            # states.replied_on_time, in SQL.
            on_time=Count("pk", filter=timed & Q(replied_on__lte=F("due_on"))),
        )
    )
    figures: dict[int, Figures] = {}
    for row in rows:
        collectivity_id = row.pop("collectivity_id")
        figures[collectivity_id] = Figures(**row)
    # The replies' working days and grounds in one pass (one GROUP BY over the replies).
    withheld = {states.REFUSED, states.PARTIAL}
    replies_by = (
        requests.filter(replies)
        .order_by()
        .values_list("collectivity_id", "state", "working_days_to_reply", "ground")
        .annotate(number=Count("pk"))
    )
    for collectivity_id, state, working_days, ground, number in replies_by:
        one = figures[collectivity_id]
        if working_days is not None:
            one.days_to_reply[working_days] += number
        if ground and state in withheld:
            one.grounds[ground] += number
    complaints = Complaint.objects.filter(request__in=requests.values("pk"))
    for collectivity_id, filed, decided, referred in (
        complaints.order_by()
        .values_list("request__collectivity_id")
        .annotate(
            filed=Count("pk"),
            decided=Count("pk", filter=~Q(decision="")),
            referred=Count("pk", filter=Q(cdai_referred_on__isnull=False)),
        )
    ):
        one = figures[collectivity_id]
        one.complaints, one.complaints_decided, one.cdai_referrals = filed, decided, referred
    return figures


def years() -> list[int]:
    """The years from the first request received to the last, newest first (one aggregate query)."""
    from django.db.models import Max, Min

    from infitah.information.models import InformationRequest

    bounds = InformationRequest.objects.aggregate(first=Min("received_on"), last=Max("received_on"))
    if bounds["first"] is None:
        return []
    return list(range(bounds["last"].year, bounds["first"].year - 1, -1))
