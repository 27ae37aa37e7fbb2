"""The network in the open-data catalogue: every territorial collectivity on the platform, and the network's
members with when they joined and where they stand. Official, public facts only: the public contact e-mail a
collectivity publishes is left out like every address."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from infitah.core.datasets import Column
from infitah.territories.models import Collectivity, Membership


def collectivity_rows() -> QuerySet[Collectivity]:
    return Collectivity.objects.select_related("parent").order_by("code")


def member_rows() -> QuerySet[Membership]:
    return Membership.objects.current().select_related("collectivity__parent").order_by("collectivity__code")


def _parent_code(collectivity: Collectivity) -> str:
    return collectivity.parent.code if collectivity.parent_id else ""  # type: ignore[union-attr]


def _optional(value: object) -> object:
    return "" if value is None else value


PLACE_COLUMNS = (
    Column("code", lambda c: c.code, _("The collectivity's official geographic code")),
    Column("kind", lambda c: c.kind, _("region, province (a prefecture or province) or commune")),
    Column("name_ar", lambda c: c.name.get("ar", ""), _("The name in Arabic")),
    Column("name_fr", lambda c: c.name.get("fr", ""), _("The name in French")),
    Column("parent", _parent_code, _("The code of the collectivity it is part of, empty for a region")),
    Column("population", lambda c: _optional(c.population), _("Its population at the census")),
    Column("census_year", lambda c: _optional(c.census_year), _("The census the population comes from")),
)

COLLECTIVITY_COLUMNS = PLACE_COLUMNS


def _of_collectivity(value: Callable[[Collectivity], Any]) -> Callable[[Membership], Any]:
    return lambda membership: value(membership.collectivity)


MEMBER_COLUMNS = (
    *(Column(column.name, _of_collectivity(column.value), column.description) for column in PLACE_COLUMNS),
    Column("member_since", lambda m: m.joined_on.isoformat(), _("The day it joined the network")),
    Column("status", lambda m: m.status, _("active or suspended")),
    Column("is_illustrative", lambda m: m.is_illustrative, _("Demo data, not an official record")),
)
