"""The proactive-publication catalogue's rules (law 31-13, arts. 10–13), pure: plain dates and counts in, answers out.

- An entry is **stale** once more than its category's `stale_after_days` have passed since it was last updated:
  updated on 1 January with 30 days, it is fresh up to and including 31 January and stale from 1 February
  (`stale_from`), the day shown as "stale since".
- A collectivity's **completeness** is the share of the categories holding at least one entry that is not stale:
  a category whose entries are all stale counts as missing until one is updated.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


def stale_from(updated_on: datetime.date, stale_after_days: int) -> datetime.date:
    """The first day an entry last updated on `updated_on` is stale."""
    return updated_on + datetime.timedelta(days=stale_after_days + 1)


def is_stale(updated_on: datetime.date, stale_after_days: int, today: datetime.date) -> bool:
    """updated_on + stale_after_days < today."""
    return today >= stale_from(updated_on, stale_after_days)


@dataclass(frozen=True)
class Completeness:
    covered: int  # categories with at least one entry that is not stale
    total: int  # every category of the catalogue
    stale_entries: int = 0  # entries past their category's delay

    @property
    def share(self) -> float:
        """From 0 to 1; 0 when there is no category at all."""
        return self.covered / self.total if self.total else 0.0

    @property
    def percent(self) -> int:
        """Rounded half up to a whole percent (what the pages show)."""
        if not self.total:
            return 0
        exact = Decimal(self.covered * 100) / Decimal(self.total)
        return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))

    @property
    def missing(self) -> int:
        return self.total - self.covered


def completeness(
    entries: Iterable[tuple[int, datetime.date]], stale_after: Mapping[int, int], today: datetime.date
) -> Completeness:
    """`entries`: (category id, updated on) of one collectivity; `stale_after`: every category's id -> delay in days.

    An entry of a category not in `stale_after` (none should exist) is ignored."""
    covered: set[int] = set()
    stale = 0
    for category_id, updated_on in entries:
        if category_id not in stale_after:
            continue
        if is_stale(updated_on, stale_after[category_id], today):
            stale += 1
        else:
            covered.add(category_id)
    return Completeness(covered=len(covered), total=len(stale_after), stale_entries=stale)


def sort_key(order: str) -> tuple[str, bool]:
    """A catalogue sort parameter ("completeness", "-stale", "name"…) -> (known column, descending)."""
    descending = order.startswith("-")
    column = order.lstrip("-")
    if column not in SORTS:
        return "name", False
    return column, descending


SORTS = ("name", "completeness", "stale")
