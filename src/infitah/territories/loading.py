"""The database side of importing collectivities: what is stored already, and writing checked rows.

Used by the `import_collectivities` command and by the demo, so both import the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.db import transaction

from infitah.core.pagestamps import pages_changed
from infitah.territories.importing import (
    KIND_ORDER,
    Checked,
    Counts,
    Row,
    check_records,
    codes_mentioned,
    read_table,
    with_reading_problems,
)
from infitah.territories.models import Collectivity, build_search_key


def check_file(data: bytes) -> Checked:
    """`check()` with the kinds of the stored collectivities that the file mentions."""
    records, problems = read_table(data)
    stored_kinds = dict(
        Collectivity.objects.filter(code__in=codes_mentioned(records)).values_list("code", "kind").order_by()
    )
    return with_reading_problems(problems, check_records(records, stored_kinds))


UPDATED_FIELDS = [
    "province_type",
    "parent",
    "name",
    "population",
    "census_year",
    "has_arrondissements",
    "search_key",
]


def save(rows: Iterable[Row], *, dry_run: bool = False, progress: Callable[[int], None] | None = None) -> Counts:
    """Write checked rows in one transaction, parents first. Returns the Counts (what would happen, on a dry run)."""
    rows = list(rows)
    counts = Counts()
    with transaction.atomic():
        stored = {
            collectivity.code: collectivity
            for collectivity in Collectivity.objects.filter(code__in=[row.code for row in rows]).select_related(
                "parent"
            )
        }
        pk_of = dict(
            Collectivity.objects.filter(code__in={row.parent_code for row in rows if row.parent_code})
            .values_list("code", "pk")
            .order_by()
        )
        for kind in KIND_ORDER:
            to_create, to_update = [], []
            for row in (row for row in rows if row.kind == kind):
                collectivity = stored.get(row.code)
                if collectivity is None:
                    collectivity = Collectivity(code=row.code, kind=row.kind)
                    _apply(row, collectivity, pk_of)
                    to_create.append(collectivity)
                elif _apply(row, collectivity, pk_of):
                    to_update.append(collectivity)
                else:
                    counts.unchanged += 1
            counts.created += len(to_create)
            counts.updated += len(to_update)
            if not dry_run:
                Collectivity.objects.bulk_create(to_create, batch_size=500)
                Collectivity.objects.bulk_update(to_update, UPDATED_FIELDS, batch_size=500)
                pages_changed()  # bulk writes send no signal
                # Not every database returns the new keys from bulk_create: read them back for the children.
                pk_of.update(
                    Collectivity.objects.filter(code__in=[c.code for c in to_create])
                    .values_list("code", "pk")
                    .order_by()
                )
            if progress:
                progress(sum(1 for row in rows if row.kind == kind))
    return counts


def _apply(row: Row, collectivity: Collectivity, pk_of: Mapping[str, int]) -> bool:
    """Copy a row onto a collectivity; True when something changed. Parents are compared by code."""
    before = _state(collectivity)
    current_parent = collectivity.parent.code if collectivity.parent is not None else ""
    collectivity.name = {**collectivity.name, **row.name}
    if row.province_type:
        collectivity.province_type = row.province_type
    if row.population is not None:
        collectivity.population = row.population
    if row.census_year is not None:
        collectivity.census_year = row.census_year
    if row.has_arrondissements is not None:
        collectivity.has_arrondissements = row.has_arrondissements
    parent_changed = row.parent_code != current_parent
    if parent_changed:
        # On a dry run a new parent has no key yet; the change is still counted.
        collectivity.parent_id = pk_of.get(row.parent_code)
    collectivity.search_key = build_search_key(collectivity.name, collectivity.code)
    return parent_changed or _state(collectivity) != before


def _state(collectivity: Collectivity) -> tuple[Any, ...]:
    return (
        collectivity.province_type,
        collectivity.name,
        collectivity.population,
        collectivity.census_year,
        collectivity.has_arrondissements,
    )
