"""Access to information in the platform's shared places: the open-data catalogue, search, a member's page and the
openness index.

- The "information-requests" dataset: every request in the register, public fields only (never the requester's
  identity, unless they chose to show their name, never a national ID number, never an internal note).
- The "information-statistics" dataset: the register's figures per collectivity and year (`statistics`).
- Search: the requests in the register (subject, description, response).
- A member's page: its figures and a link to its requests in the register.
- Three openness-index indicators (principle: access to information). The index reads every measure as "higher is
  better" (a share times 100), so the two measures where less is better are given the right way round:
  `information.replied_on_time` (share of replies given by the due date), `information.reply_speed` (1 minus the
  median working days to reply over the ordinary legal deadline of 20 working days, at least 0: a median of 0 days
  is 1, of 20 days or more is 0) and `information.not_refused` (1 minus the share of replies that are refusals).
  A collectivity with no reply has no value (left out, not zero). Each costs three queries whatever the number of
  collectivities.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

from infitah.information import states, statistics
from infitah.information.models import InformationRequest
from infitah.territories.models import Collectivity

# The ordinary deadline of law 31-13 (art. 16), in working days: the yardstick of the reply-speed indicator.
ORDINARY_DEADLINE_WORKING_DAYS = 20


def public_requests() -> QuerySet[InformationRequest]:
    return InformationRequest.objects.public().select_related("collectivity").order_by("received_on", "pk")


def requester_shown(request: InformationRequest) -> str:
    return request.requester_name if request.publish_name else ""


def replied_on(request: InformationRequest) -> str:
    return request.replied_on.isoformat() if request.replied_on and request.state in states.REPLIES else ""


def _iso(day: Any) -> str:
    return day.isoformat() if day else ""


# The columns of the requests dataset: (name, value). Public fields only.
REQUEST_COLUMNS: tuple[tuple[str, Any], ...] = (
    ("reference", lambda r: r.reference),
    ("collectivity", lambda r: r.collectivity.code),
    ("subject", lambda r: r.subject),
    ("description", lambda r: r.description),
    ("kind", lambda r: r.kind),
    ("state", lambda r: r.state),
    ("received_on", lambda r: _iso(r.received_on)),
    ("due_on", lambda r: _iso(r.due_on)),
    ("extended_on", lambda r: _iso(r.extended_on)),
    ("replied_on", replied_on),
    ("working_days_to_reply", lambda r: r.working_days_to_reply if r.state in states.REPLIES else ""),
    ("response", lambda r: r.response),
    ("ground", lambda r: r.ground),
    ("withheld", lambda r: r.withheld),
    ("published_at", lambda r: r.published_at),
    ("transferred_to", lambda r: r.transferred_to),
    ("requester", requester_shown),
    ("is_illustrative", lambda r: r.is_illustrative),
)


class StatisticsRow:
    """One collectivity's figures for one year, as the statistics dataset writes them."""

    def __init__(self, code: str, year: int, figures: statistics.Figures) -> None:
        self.code, self.year, self.figures = code, year, figures


class StatisticsRows:
    """The statistics dataset's rows: the catalogue reads `rows().iterator(chunk_size=…)` like a queryset's."""

    def iterator(self, chunk_size: int = 1000) -> Iterator[StatisticsRow]:
        with_requests = Collectivity.objects.filter(information_requests__isnull=False).distinct()
        codes = dict(with_requests.values_list("pk", "code"))
        for year in sorted(statistics.years()):
            by_collectivity = statistics.figures_by_collectivity(year=year)
            for pk in sorted(by_collectivity, key=lambda pk: codes.get(pk, "")):
                yield StatisticsRow(codes.get(pk, ""), year, by_collectivity[pk])


def statistics_rows() -> Any:
    return StatisticsRows()


def _count(name: str) -> Any:
    return lambda row: getattr(row.figures, name)


STATISTICS_COLUMNS: tuple[tuple[str, Any], ...] = (
    ("collectivity", lambda row: row.code),
    ("year", lambda row: row.year),
    *((name, _count(name)) for name in statistics.COUNTS),
    ("on_time_rate", lambda row: _rounded(row.figures.on_time_rate)),
    ("median_working_days_to_reply", lambda row: _rounded(row.figures.median_days_to_reply)),
    ("refused_share", lambda row: _rounded(row.figures.refused_share)),
)


def _rounded(value: float | None) -> float | str:
    return "" if value is None else round(value, 4)


# --- Search ---------------------------------------------------------------------------------------------------------


def search_rows() -> QuerySet[InformationRequest]:
    return InformationRequest.objects.public().order_by("pk")


def search_text(request: InformationRequest) -> str:
    return "\n".join(text for text in (request.description, request.response) if text)


# --- A member's page ------------------------------------------------------------------------------------------------


def member_section(request: HttpRequest, collectivity: Collectivity) -> dict[str, Any]:
    figures = statistics.figures_by_collectivity(collectivity_ids=[collectivity.pk])
    return {"figures": figures.get(collectivity.pk, statistics.Figures())}


# --- The openness index ---------------------------------------------------------------------------------------------


def _measured(collectivity_ids: Iterable[int]) -> dict[int, statistics.Figures]:
    return statistics.figures_by_collectivity(collectivity_ids=collectivity_ids)


def replied_on_time(collectivity_ids: Iterable[int]) -> dict[int, float]:
    figures = _measured(collectivity_ids)
    return {pk: one.on_time_rate for pk, one in figures.items() if one.on_time_rate is not None}


def reply_speed_score(median_days: float) -> float:
    """1 for a reply the same day, 0 at the ordinary legal deadline or beyond (higher is better, for the index)."""
    return max(0.0, 1.0 - median_days / ORDINARY_DEADLINE_WORKING_DAYS)


def reply_speed(collectivity_ids: Iterable[int]) -> dict[int, float]:
    figures = _measured(collectivity_ids)
    medians = {pk: one.median_days_to_reply for pk, one in figures.items()}
    return {pk: reply_speed_score(days) for pk, days in medians.items() if days is not None}


def not_refused(collectivity_ids: Iterable[int]) -> dict[int, float]:
    figures = _measured(collectivity_ids)
    return {pk: 1.0 - one.refused_share for pk, one in figures.items() if one.refused_share is not None}
