"""The public budget pages: the network's index, a member's budgets, one year with its charts and tables, the
comparison of two years, the year's lines as CSV, and the import template. Only published budgets are shown."""

from __future__ import annotations

import io
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from infitah.budgets import chart, figures, reading, selectors
from infitah.budgets.models import FIRST_YEAR, LAST_YEAR, Budget, BudgetLine
from infitah.core import csv as safe_csv
from infitah.core.permissions import can
from infitah.territories.models import Collectivity

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def collectivity_or_404(code: str) -> Collectivity:
    if len(code) > 32:
        raise Http404
    return get_object_or_404(Collectivity, code=code)


def year_or_404(year: int) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    return year


def index(request: HttpRequest) -> HttpResponse:
    return render(request, "budgets/index.html", {"page": selectors.network_index(request.GET.get("page"))})


def member(request: HttpRequest, code: str) -> HttpResponse:
    collectivity = collectivity_or_404(code)
    return render(
        request,
        "budgets/member.html",
        {
            "collectivity": collectivity,
            "budgets": selectors.member_budgets(collectivity),
            "may_manage": request.user.is_authenticated and can(request.user, "budgets.manage_budget", collectivity),
        },
    )


def groups_of(lines: list[BudgetLine]) -> list[dict[str, Any]]:
    """The chart and table blocks of a budget, one per section and direction that has lines."""
    blocks = []
    for section, direction in selectors.GROUPS:
        chosen = [line for line in lines if line.section == section and line.direction == direction]
        if chosen:
            blocks.append(
                {
                    "key": f"{section}-{direction}",
                    "section": section,
                    "direction": direction,
                    "bars": chart.bars(chosen),
                    "height": chart.height(len(chosen)),
                    "total": figures.total(chosen),
                }
            )
    return blocks


def budget_context(budget: Budget) -> dict[str, Any]:
    lines = selectors.lines_of(budget)
    return {
        "budget": budget,
        "collectivity": budget.collectivity,
        "lines": lines,
        "blocks": groups_of(lines),
        "language": get_language(),
        **selectors.summary(lines),
    }


def year(request: HttpRequest, code: str, year: int) -> HttpResponse:
    collectivity = collectivity_or_404(code)
    budget = selectors.budget_of(collectivity, year_or_404(year))
    if budget is None:
        raise Http404(_("No budget of this year is published."))
    context = budget_context(budget)
    context["years"] = selectors.published_years(collectivity)
    return render(request, "budgets/year.html", context)


def _chosen_year(value: str | None, years: list[int], default: int) -> int:
    if value and value.isdigit() and len(value) == 4 and int(value) in years:
        return int(value)
    return default


def compare(request: HttpRequest, code: str) -> HttpResponse:
    collectivity = collectivity_or_404(code)
    years = selectors.published_years(collectivity)
    if len(years) < 2:
        raise Http404(_("Two published years are needed for a comparison."))
    before = _chosen_year(request.GET.get("from"), years, years[1])
    after = _chosen_year(request.GET.get("to"), years, years[0])
    budgets = {
        budget.year: budget
        for budget in Budget.objects.published().filter(collectivity=collectivity, year__in=[before, after])
    }
    lines: dict[int, list[BudgetLine]] = {before: [], after: []}
    for line in BudgetLine.objects.filter(budget__in=budgets.values()).select_related("budget"):
        lines[line.budget.year].append(line)
    before_totals, after_totals = selectors.summary(lines[before]), selectors.summary(lines[after])
    return render(
        request,
        "budgets/compare.html",
        {
            "collectivity": collectivity,
            "years": years,
            "before": before,
            "after": after,
            "changes": figures.changes(lines[before], lines[after]),
            "directions": [
                {
                    "direction": direction,
                    "before": before_totals[direction],
                    "after": after_totals[direction],
                    "rate": figures.change(before_totals[direction].planned, after_totals[direction].planned),
                }
                for direction in ("revenue", "expenditure")
            ],
            "language": get_language(),
            "is_illustrative": any(budget.is_illustrative for budget in budgets.values()),
        },
    )


def year_csv(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """The year's lines as CSV, every text cell neutralised (core.csv)."""
    collectivity = collectivity_or_404(code)
    budget = selectors.budget_of(collectivity, year_or_404(year))
    if budget is None:
        raise Http404(_("No budget of this year is published."))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="budget-{collectivity.code}-{budget.year}.csv"'
    response.write(safe_csv.BOM)
    writer = safe_csv.writer(response)
    writer.writerow(reading.COLUMNS)
    for line in selectors.lines_of(budget):
        writer.writerow(_cells(line))
    return response


def _cells(line: BudgetLine) -> list[object]:
    executed = "" if line.executed is None else str(line.executed)
    return [line.section, line.direction, line.chapter_code, line.label_ar, line.label_fr, str(line.planned), executed]


TEMPLATE_ROWS = [
    [
        "operating",
        "revenue",
        "10.1",
        "حصة من الضريبة على القيمة المضافة",
        "Part du produit de la TVA",
        "1500000.00",
        "",
    ],
    ["operating", "expenditure", "20.1", "أجور الموظفين", "Salaires du personnel", "900000.00", ""],
    ["investment", "expenditure", "30.1", "الطرق والمسالك", "Routes et pistes", "2500000.00", ""],
]


def template(request: HttpRequest, file_format: str) -> HttpResponse:
    """An example file with the documented columns, to fill in."""
    if file_format == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="budget-template.csv"'
        response.write(safe_csv.BOM)
        writer = safe_csv.writer(response)
        writer.writerow(reading.COLUMNS)
        writer.writerows(TEMPLATE_ROWS)
        return response
    from openpyxl import Workbook  # type: ignore[import-untyped]

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(list(reading.COLUMNS))
    for row in TEMPLATE_ROWS:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    response = HttpResponse(out.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="budget-template.xlsx"'
    return response
