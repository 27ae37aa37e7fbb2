"""The openness index's public pages: the network dashboard, a member's profile, the method, and their CSV files.

Index values are public: anyone reads them. Every figure on a page is downloadable as CSV (`core.csv`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from infitah.core import csv as safe_csv
from infitah.core.principles import Principle, principles_with_descriptions
from infitah.core.translation import tr
from infitah.evaluation import dashboard, index_charts
from infitah.evaluation.index_forms import DashboardFilterForm
from infitah.evaluation.models import Framework, FrameworkStatus
from infitah.territories import selectors as territories
from infitah.territories.models import Collectivity, CollectivityKind

RANKED_PER_PAGE = 100
FIGURES = ("ranking", "medians", "distribution", "trend")


def _principle_labels() -> list[str]:
    return [str(p.label) for p in Principle]


def _filters(request: HttpRequest) -> tuple[DashboardFilterForm, dict[str, Any], list[int]]:
    years = dashboard.years()
    form = DashboardFilterForm(request.GET or None, years=years, regions=list(territories.regions()))
    chosen = {
        "year": form.choice("year") or (years[0] if years else None),
        "kind": form.choice("kind") or "",
        "region": form.selected_region(),
        "member": form.choice("member") or "",
    }
    return form, chosen, years


def _figures(chosen: dict[str, Any], only: str = "") -> dict[str, Any]:
    """The dashboard's figures for the filters chosen; `only` one family (a CSV file needs one: "trend" reads every
    year, the others the chosen year's ranking)."""
    year, kind, region = chosen["year"], chosen["kind"], chosen["region"]
    figures: dict[str, Any] = {}
    if only != "trend":
        ranked = dashboard.ranking(year, kind, region) if year else []
        figures.update(ranked=ranked, medians=dashboard.medians(ranked), bands=dashboard.distribution(ranked))
    if only in ("", "trend"):
        figures["trend"] = dashboard.trend(kind, region, chosen["member"])
    return figures


def dashboard_page(request: HttpRequest) -> HttpResponse:
    form, chosen, years = _filters(request)
    figures = _figures(chosen)
    rtl = get_language_bidi()
    bands = figures["bands"]
    trend = figures["trend"]
    year_labels = [str(point.year) for point in trend]
    median_points = index_charts.line([p.median for p in trend], year_labels, rtl)
    member_points = index_charts.line([p.member_value for p in trend], year_labels, rtl)
    followed = next((m for m in figures["ranked"] if m.code == chosen["member"]), None)
    medians = figures["medians"]
    return render(
        request,
        "evaluation/index/dashboard.html",
        {
            "form": form,
            "filtered": bool(request.GET),
            "year": chosen["year"],
            "years": years,
            "member_code": chosen["member"],
            "followed": followed,
            "page": Paginator(figures["ranked"], RANKED_PER_PAGE).get_page(request.GET.get("page")),
            "member_count": len(figures["ranked"]),
            "principles": list(Principle),
            "median_rows": [(_("Openness index"), medians[""])] + [(p.label, medians[p.value]) for p in Principle],
            "bands": bands,
            "histogram": index_charts.histogram([b.count for b in bands], [f"{b.low}–{b.high}" for b in bands], rtl),
            "trend": trend,
            "median_line": index_charts.polyline(median_points),
            "median_points": median_points,
            "member_line": index_charts.polyline(member_points),
            "member_points": member_points,
            "chart": {
                "width": index_charts.WIDTH,
                "height": index_charts.HEIGHT,
                "anchor": index_charts.ANCHOR_START[rtl],
            },
            "ticks": index_charts.value_ticks(rtl),
            "csv_query": request.GET.urlencode(),
            "has_illustrative_members": territories.has_illustrative_members(),
        },
    )


def _csv(filename: str, header: list[str], rows: Iterable[Iterable[object]]) -> StreamingHttpResponse:
    def lines() -> Iterator[str]:
        writer = safe_csv.writer()
        # A byte-order mark first, so that spreadsheet software reads the Arabic as UTF-8.
        yield safe_csv.BOM + writer.writerow(header)
        for row in rows:
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _number(value: Decimal | None) -> float | str:
    return "" if value is None else float(value)


def dashboard_csv(request: HttpRequest, figure: str) -> StreamingHttpResponse:
    if figure not in FIGURES:
        raise Http404(_("There is no such figure on the dashboard."))
    _form, chosen, _years = _filters(request)
    figures = _figures(chosen, only=figure)
    year = chosen["year"] or ""
    if figure == "ranking":
        header = [_("Rank"), _("Code"), _("Collectivity"), _("Kind"), _("Openness index"), *_principle_labels()]
        kinds = dict(CollectivityKind.choices)
        rows: Iterable[Iterable[object]] = (
            [m.rank, m.code, str(tr(m.name)), kinds.get(m.kind, m.kind), _number(m.index)]
            + [_number(v) for v in m.sub_scores]
            for m in figures["ranked"]
        )
    elif figure == "medians":
        header = [_("Year"), _("Principle"), _("Median")]
        medians = figures["medians"]
        rows = [[year, _("Openness index"), _number(medians[""])]] + [
            [year, str(p.label), _number(medians[p.value])] for p in Principle
        ]
    elif figure == "distribution":
        header = [_("Year"), _("From"), _("To"), _("Members")]
        rows = ([year, band.low, band.high, band.count] for band in figures["bands"])
    else:
        header = [_("Year"), _("Network median"), _("Members"), _("Followed member")]
        rows = ([p.year, _number(p.median), p.members, _number(p.member_value)] for p in figures["trend"])
    return _csv(f"openness-index-{figure}-{year}.csv", header, rows)


def _collectivity_or_404(code: str) -> Collectivity:
    # A code is short and never holds a NUL character (PostgreSQL refuses one in a query): nothing to look up.
    valid = len(code) <= 32 and "\x00" not in code
    collectivity = Collectivity.objects.filter(code=code).first() if valid else None
    if collectivity is None:
        raise Http404(_("No territorial collectivity has the code %(code)s.") % {"code": code})
    return collectivity


def member_page(request: HttpRequest, code: str) -> HttpResponse:
    collectivity = _collectivity_or_404(code)
    history = dashboard.member_years(collectivity)
    asked = request.GET.get("year", "")
    current = next((entry for entry in history if str(entry.year) == asked), history[0] if history else None)
    medians = dashboard.network_medians(current.year) if current else {}
    rows: list[dict[str, Any]] = []
    if current is not None:
        for principle in Principle:
            row = current.principles.get(principle.value)
            rows.append(
                {
                    "principle": principle,
                    "value": row.value if row else None,
                    "median": medians.get(principle.value),
                    "inputs": row.inputs
                    if row
                    else {"indicators": [i for i in current.without_value if i.get("principle") == principle.value]},
                }
            )
    rtl = get_language_bidi()
    profile, height = index_charts.profile([(str(r["principle"].label), r["value"], r["median"]) for r in rows], rtl)
    return render(
        request,
        "evaluation/index/member.html",
        {
            "collectivity": collectivity,
            "history": history,
            "current": current,
            "illustrative": any(entry.illustrative for entry in history),
            "rows": rows,
            "median_index": medians.get(""),
            "profile": profile,
            "chart": {
                "width": index_charts.WIDTH,
                "height": height,
                "plot": index_charts.WIDTH - index_charts.LABEL_WIDTH,
                "anchor": index_charts.ANCHOR_START[rtl],
            },
            "has_inputs": any(r["inputs"].get("indicators") for r in rows),
        },
    )


def member_csv(request: HttpRequest, code: str) -> StreamingHttpResponse:
    collectivity = _collectivity_or_404(code)
    history = dashboard.member_years(collectivity)
    medians = dashboard.network_medians_by_year(entry.year for entry in history)
    labels = {"": _("Openness index"), **{p.value: str(p.label) for p in Principle}}

    def rows() -> Iterator[list[object]]:
        for entry in history:
            values = {"": entry.index, **{p: row.value for p, row in entry.principles.items()}}
            for principle, label in labels.items():
                if values.get(principle) is not None:
                    yield [entry.year, label, _number(values[principle]), _number(medians[entry.year][principle])]

    header = [_("Year"), _("Principle"), _("Value"), _("Network median")]
    return _csv(f"openness-index-{collectivity.code}.csv", header, rows())


def method_page(request: HttpRequest) -> HttpResponse:
    """The method as published: the open framework (or the latest closed one), never a draft."""
    framework = (
        Framework.objects.exclude(status=FrameworkStatus.DRAFT)
        .order_by(
            # The open version first, then the most recent.
            "-status",
            "-version",
        )
        .prefetch_related("indicators")
        .first()
    )
    indicators = list(framework.indicators.all()) if framework else []
    principles = [
        (principle, description, [i for i in indicators if i.principle == principle.value])
        for principle, description in principles_with_descriptions()
    ]
    return render(
        request,
        "evaluation/index/method.html",
        {"framework": framework, "principles": principles},
    )
