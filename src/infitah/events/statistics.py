"""Attendance statistics, disaggregated by gender (the gender approach) and by category and age band.

Only what people chose to give is counted: an empty gender or age band is "not given", never guessed.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from infitah.accounts.models import AgeBand, Gender
from infitah.core import csv as safe_csv
from infitah.events.models import Category, Registration, RegistrationStatus

if TYPE_CHECKING:
    from infitah.events.models import Event

NOT_GIVEN = ""


def attendance_table(event: Event) -> dict[str, Any]:
    """Rows of the people who came, by category × gender, then by age band × gender (one query).

    Returns {"genders": [(code, label)], "by_category": [(label, {gender: n}, total)],
    "by_age": [...], "totals": ({gender: n}, total), "registered": n, "present": n}.
    """
    counts: list[Mapping[str, Any]] = list(
        Registration.objects.filter(event=event)
        .exclude(status=RegistrationStatus.CANCELLED)
        .values("attended", "category", "gender", "age_band")
        .annotate(n=Count("pk"))
    )
    genders = [*Gender.choices, (NOT_GIVEN, _("Not given"))]
    present = [row for row in counts if row["attended"]]

    def rows(field: str, choices: Iterable[tuple[Any, Any]]) -> list[tuple[Any, dict[Any, int], int]]:
        result = []
        for code, label in choices:
            cells = {g: sum(r["n"] for r in present if r[field] == code and r["gender"] == g) for g, _l in genders}
            result.append((label, cells, sum(cells.values())))
        return result

    totals = {g: sum(r["n"] for r in present if r["gender"] == g) for g, _l in genders}
    return {
        "genders": genders,
        "by_category": rows("category", Category.choices),
        "by_age": rows("age_band", [*AgeBand.choices, (NOT_GIVEN, _("Not given"))]),
        "totals": (totals, sum(totals.values())),
        "registered": sum(r["n"] for r in counts),
        "present": sum(r["n"] for r in present),
    }


def as_csv(table: dict[str, Any]) -> str:
    out = io.StringIO()
    writer = safe_csv.writer(out)
    labels = [str(label) for _code, label in table["genders"]]
    writer.writerow([_("Breakdown"), _("Group"), *labels, _("Total")])
    for section, key in ((_("Category"), "by_category"), (_("Age band"), "by_age")):
        for label, cells, total in table[key]:
            writer.writerow([section, str(label), *[cells[code] for code, _l in table["genders"]], total])
    totals, total = table["totals"]
    writer.writerow(
        [_("All"), pgettext("people present", "Present"), *[totals[code] for code, _l in table["genders"]], total]
    )
    return safe_csv.BOM + out.getvalue()
