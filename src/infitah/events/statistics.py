"""Attendance statistics, disaggregated by gender (the gender approach) and by category and age band.

Only what people chose to give is counted: an empty gender or age band is "not given", never guessed.
"""

import csv
import io

from django.db.models import Count
from django.utils.translation import gettext as _

from infitah.accounts.models import AgeBand, Gender
from infitah.events.models import Category, Registration, RegistrationStatus

NOT_GIVEN = ""


def attendance_table(event):
    """Rows of the people who came, by category × gender, then by age band × gender (one query).

    Returns {"genders": [(code, label)], "by_category": [(label, {gender: n}, total)],
    "by_age": [...], "totals": ({gender: n}, total), "registered": n, "present": n}.
    """
    counts = (
        Registration.objects.filter(event=event)
        .exclude(status=RegistrationStatus.CANCELLED)
        .values("attended", "category", "gender", "age_band")
        .annotate(n=Count("pk"))
    )
    counts = list(counts)
    genders = [*Gender.choices, (NOT_GIVEN, _("Not given"))]
    present = [row for row in counts if row["attended"]]

    def rows(field, choices):
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


def as_csv(table):
    out = io.StringIO()
    writer = csv.writer(out)
    labels = [str(label) for _code, label in table["genders"]]
    writer.writerow([_("Breakdown"), _("Group"), *labels, _("Total")])
    for section, key in ((_("Category"), "by_category"), (_("Age band"), "by_age")):
        for label, cells, total in table[key]:
            writer.writerow([section, str(label), *[cells[code] for code, _l in table["genders"]], total])
    totals, total = table["totals"]
    writer.writerow([_("All"), _("Present"), *[totals[code] for code, _l in table["genders"]], total])
    return "\ufeff" + out.getvalue()
