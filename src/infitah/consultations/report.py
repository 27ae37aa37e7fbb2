"""The consultation report: what was said, by whom (in categories), about what, and how it was answered.

Counting is pure (`count_rows`: plain dicts in, counters out) so the table tests need no database; the rows are
streamed from the database in chunks (`report_rows`), so 10,000 contributions cost a handful of queries and little
memory. Personal data never enters the report: no e-mail, no profile; authors appear by their display name, and
gender and age band only as counts, and only where people chose to give them.
"""

from __future__ import annotations

import datetime
import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.accounts.models import AgeBand, Gender
from infitah.consultations import clock
from infitah.consultations.models import (
    Contribution,
    ContributionKind,
    ContributorKind,
    ResponseOutcome,
)
from infitah.consultations.selectors import version_index
from infitah.core.principles import Principle
from infitah.core.translation import tr

if TYPE_CHECKING:
    from infitah.consultations.models import Consultation

NOT_GIVEN = ""
WHOLE_PROGRAM = ""
HIDDEN = "hidden"
WITHDRAWN = "withdrawn"
CHUNK = 2000

ROW_FIELDS = [
    "pk",
    "kind",
    "axis_key",
    "commitment_key",
    "title",
    "body",
    "problem",
    "expected_results",
    "principles",
    "contributor_kind",
    "contributor_gender",
    "contributor_age_band",
    "is_hidden",
    "hidden_category",
    "hidden_reason",
    "created_at",
    "withdrawn_at",
    "author__full_name",
    "association__name",
    "response__outcome",
    "response__reason",
    "response__answered_at",
    "response__commitment_key",
    "response__merged_into_id",
]


# A contribution as report_rows() reads it (a dict of values), and version_index()'s {"axes": …, "commitments": …}.
Row = dict[str, Any]
Index = dict[str, dict[str, dict[str, Any]]]


@dataclass
class ReportCounts:
    total: int = 0
    hidden: int = 0
    by_kind: Counter = field(default_factory=Counter)
    by_principle: Counter = field(default_factory=Counter)
    by_axis: Counter = field(default_factory=Counter)
    by_contributor_kind: Counter = field(default_factory=Counter)
    by_gender: Counter = field(default_factory=Counter)
    by_age_band: Counter = field(default_factory=Counter)
    by_outcome: Counter = field(default_factory=Counter)
    by_state: Counter = field(default_factory=Counter)


def place_of(row: Row, index: Index) -> tuple[str | None, str | None]:
    """(axis key, commitment key) of a row: a comment on a commitment counts for that commitment's axis."""
    commitment_key = str(row["commitment_key"]) if row["commitment_key"] else None
    axis_key = str(row["axis_key"]) if row["axis_key"] else None
    if commitment_key and not axis_key:
        axis_key = (index["commitments"].get(commitment_key) or {}).get("axis_key")
    return axis_key, commitment_key


def principles_of(row: Row, index: Index, commitment_principles: dict[str, list[str]]) -> list[str]:
    """A proposal advances its own principles; a comment on a commitment, the commitment's (from the version)."""
    if row["kind"] == ContributionKind.PROPOSAL:
        return list(row["principles"] or [])
    _axis, commitment_key = place_of(row, index)
    return list(commitment_principles.get(commitment_key, [])) if commitment_key else []


def state_of(row: Row, closes_at: datetime.datetime, response_days: int, now: datetime.datetime) -> str:
    if row.get("withdrawn_at"):
        return WITHDRAWN
    if row["is_hidden"]:
        return HIDDEN
    return clock.response_state(closes_at, response_days, row["response__answered_at"], now).value


def count_rows(
    rows: Iterable[Row],
    index: Index,
    commitment_principles: dict[str, list[str]],
    *,
    closes_at: datetime.datetime,
    response_days: int,
    now: datetime.datetime,
) -> ReportCounts:
    """Count contributions by kind, principle, axis, contributor kind, gender, age band, outcome and clock state."""
    counts = ReportCounts()
    for row in rows:
        counts.total += 1
        counts.hidden += bool(row["is_hidden"])
        counts.by_kind[row["kind"]] += 1
        for principle in principles_of(row, index, commitment_principles):
            counts.by_principle[principle] += 1
        axis_key, _commitment = place_of(row, index)
        counts.by_axis[axis_key or WHOLE_PROGRAM] += 1
        counts.by_contributor_kind[row["contributor_kind"]] += 1
        counts.by_gender[row["contributor_gender"] or NOT_GIVEN] += 1
        counts.by_age_band[row["contributor_age_band"] or NOT_GIVEN] += 1
        counts.by_outcome[row["response__outcome"] or NOT_GIVEN] += 1
        counts.by_state[state_of(row, closes_at, response_days, now)] += 1
    return counts


def cached_counts(consultation: Consultation, index: Index, now: datetime.datetime) -> ReportCounts:
    """The report's counts, computed once per state of the consultation (see selectors.touch) and per day: the
    answer-time counts move with the calendar, nothing else does between two changes."""
    from infitah.consultations.selectors import cached

    def compute() -> ReportCounts:
        return count_rows(
            report_rows(consultation),
            index,
            commitment_principles_of(consultation),
            closes_at=consultation.closes_at,
            response_days=consultation.response_days,
            now=now,
        )

    return cached(consultation, f"report:{timezone.localdate(now).isoformat()}", compute)


def commitment_principles_of(consultation: Consultation) -> dict[str, list[str]]:
    snapshot = consultation.version.snapshot or {}
    return {
        commitment["key"]: commitment.get("principles") or []
        for axis in snapshot.get("axes") or []
        for commitment in axis.get("commitments") or []
    }


def report_rows(consultation: Consultation) -> Iterator[Row]:
    """Every contribution of the consultation as a plain dict, oldest first, read CHUNK at a time.

    Each chunk is its own finished query (the next one starts after the last row seen), not one cursor held open
    while the report is laid out: on SQLite an open read keeps its connection on an old snapshot, and the worker's
    next progress write then fails ("database is locked") once anyone else has written meanwhile (the heartbeat,
    a visitor's comment). The contributions that exist when the reading starts are the report's."""
    contributions = Contribution.objects.filter(consultation=consultation)
    last_pk = contributions.aggregate(last=Max("pk"))["last"]
    if last_pk is None:
        return
    rows = contributions.filter(pk__lte=last_pk).order_by("created_at", "pk").values(*ROW_FIELDS)
    after: Q | None = None
    while True:
        chunk = list((rows.filter(after) if after is not None else rows)[:CHUNK])
        yield from chunk
        if len(chunk) < CHUNK:
            return
        created_at, pk = chunk[-1]["created_at"], chunk[-1]["pk"]
        after = Q(created_at__gt=created_at) | Q(created_at=created_at, pk__gt=pk)


def fingerprint(consultation: Consultation) -> str:
    """Changes whenever a contribution, an answer or a hiding changes what the report says (one query)."""
    state = Contribution.objects.filter(consultation=consultation).aggregate(
        count=Count("pk"),
        last=Max("pk"),
        hidden=Count("pk", filter=Q(is_hidden=True)),
        withdrawn=Count("pk", filter=Q(withdrawn_at__isnull=False)),
        text_edited=Max("edited_at"),
        answers=Count("response"),
        answered=Max("response__answered_at"),
        edited=Max("response__pk"),
    )
    text = "|".join(str(state[key]) for key in sorted(state))
    text += f"|{consultation.closes_at.isoformat()}|{consultation.response_days}"
    return hashlib.sha256(text.encode()).hexdigest()


class Labels:
    """The words of the report in the active language (built once per report, not per row)."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.kinds = dict(ContributionKind.choices)
        self.contributors = dict(ContributorKind.choices)
        self.outcomes = dict(ResponseOutcome.choices)
        self.genders = dict(Gender.choices)
        self.age_bands = dict(AgeBand.choices)
        self.principles = dict(Principle.choices)
        self.states = {
            clock.ResponseState.NOT_DUE.value: _("not due yet"),
            clock.ResponseState.PENDING.value: _("awaiting an answer"),
            clock.ResponseState.OVERDUE.value: _("overdue"),
            clock.ResponseState.ANSWERED.value: _("answered on time"),
            clock.ResponseState.ANSWERED_LATE.value: _("answered late"),
            HIDDEN: _("hidden by the moderators"),
            WITHDRAWN: _("withdrawn by its author"),
        }
        self.not_given = _("not given")
        self.whole = _("The program as a whole")

    def axis(self, key: str | None) -> str:
        if not key:
            return self.whole
        axis = self.index["axes"].get(key)
        return str(tr(axis["title"])) if axis else _("an axis no longer in this version")

    def place(self, row: Row) -> str:
        axis_key, commitment_key = place_of(row, self.index)
        if commitment_key:
            commitment = self.index["commitments"].get(commitment_key)
            return str(tr(commitment["title"])) if commitment else _("a commitment no longer in this version")
        return self.axis(axis_key)

    def author(self, row: Row) -> str:
        # A hidden or withdrawn contribution publishes neither its text nor who wrote it.
        if row["is_hidden"] or row.get("withdrawn_at"):
            return ""
        if row["association__name"]:
            return str(tr(row["association__name"]))
        return row["author__full_name"] or _("A participant")

    def text(self, row: Row) -> str:
        if row.get("withdrawn_at"):
            return _("Withdrawn by its author.")
        if row["is_hidden"]:
            return _("Hidden by the moderators: %(reason)s") % {"reason": row["hidden_reason"] or self.not_given}
        parts = [row["title"], row["body"]]
        if row["problem"]:
            parts.append(_("Problem: %(text)s") % {"text": row["problem"]})
        if row["expected_results"]:
            parts.append(_("Expected results: %(text)s") % {"text": row["expected_results"]})
        return "\n".join(part for part in parts if part)

    def table(
        self, counter: Counter[Any], names: dict[Any, Any], order: Iterable[Any] | None = None
    ) -> list[tuple[Any, int]]:
        """[(label, count)] in a stable order: the known values first, then "not given"."""
        keys = list(order if order is not None else names)
        rows = [(names.get(key, key), counter.get(key, 0)) for key in keys]
        if counter.get(NOT_GIVEN) and NOT_GIVEN not in keys:
            rows.append((self.not_given, counter[NOT_GIVEN]))
        return rows


def line(
    row: Row, labels: Labels, *, closes_at: datetime.datetime, response_days: int, now: datetime.datetime
) -> dict[str, Any]:
    """One contribution and its answer, in words, as the CSV and the PDF show it."""
    state = state_of(row, closes_at, response_days, now)
    outcome = row["response__outcome"]
    return {
        "number": row["pk"],
        "date": timezone.localtime(row["created_at"]),
        "kind": labels.kinds.get(row["kind"], row["kind"]),
        "place": labels.place(row),
        "contributor": labels.contributors.get(row["contributor_kind"], ""),
        "author": labels.author(row),
        "text": labels.text(row),
        "outcome": labels.outcomes.get(outcome, "") if outcome else "",
        "reason": str(tr(row["response__reason"])) if outcome else "",
        "answered_at": timezone.localtime(row["response__answered_at"]) if outcome else None,
        "state": labels.states.get(state, state),
    }


@dataclass
class Summary:
    """What the report says before its lines: the counts and their labelled tables, with what the lines need."""

    counts: ReportCounts
    tables: list[tuple[str, list[tuple[Any, int]]]]
    labels: Labels
    options: dict[str, Any]


def summarize(consultation: Consultation, now: datetime.datetime | None = None) -> Summary:
    """The counts and their tables in the active language (one pass over the rows, keeping none of them)."""
    now = now or timezone.now()
    index = version_index(consultation)
    labels = Labels(index)
    options: dict[str, Any] = {
        "closes_at": consultation.closes_at,
        "response_days": consultation.response_days,
        "now": now,
    }
    counts = count_rows(report_rows(consultation), index, commitment_principles_of(consultation), **options)
    return Summary(counts=counts, tables=tables(counts, labels), labels=labels, options=options)


def lines(consultation: Consultation, summary: Summary) -> Iterator[dict[str, Any]]:
    """Every contribution and its answer in words, oldest first, read from the database in chunks as they are used."""
    for row in report_rows(consultation):
        yield line(row, summary.labels, **summary.options)


def tables(counts: ReportCounts, labels: Labels) -> list[tuple[str, list[tuple[Any, int]]]]:
    """The counts as the (title, [(label, count)]) tables the page, CSV and PDF show."""
    axes = [WHOLE_PROGRAM, *labels.index["axes"].keys()]
    extra_axes = [key for key in counts.by_axis if key not in axes]
    axis_names = {key: labels.axis(key) for key in [*axes, *extra_axes]}
    return [
        (_("By kind"), labels.table(counts.by_kind, labels.kinds)),
        (_("By openness principle"), labels.table(counts.by_principle, labels.principles)),
        (_("By axis"), labels.table(counts.by_axis, axis_names, order=[*axes, *extra_axes])),
        (_("By contributor"), labels.table(counts.by_contributor_kind, labels.contributors)),
        (_("By gender (where given)"), labels.table(counts.by_gender, labels.genders)),
        (_("By age band (where given)"), labels.table(counts.by_age_band, labels.age_bands)),
        (_("By answer"), labels.table(counts.by_outcome, labels.outcomes)),
        (_("By answer time"), labels.table(counts.by_state, labels.states)),
    ]
