"""The public register of requests for information and its figures (law 31-13).

Everyone reads them, signed in or not. The register lists the requests in the register (is_public) of every
collectivity, newest first, with what was asked and what the body did; never who asked (unless they chose to show
their name), never a national ID number, never an internal note. Each page costs a fixed number of queries
whatever the number of requests.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from infitah.core import csv as safe_csv
from infitah.core.arabic import normalise
from infitah.core.translation import tr
from infitah.information import states, statistics
from infitah.information.models import Ground, InformationRequest, RequestKind, RequestState
from infitah.territories.models import Collectivity

REQUESTS_PER_PAGE = 30
QUERY_MAX_LENGTH = 200


def public_requests() -> QuerySet[InformationRequest]:
    """The requests everyone may read (`information.view_request` answers yes for each: they are in the register)."""
    return InformationRequest.objects.public()


def overdue_filter(today: datetime.date) -> Q:
    """`states.is_overdue` in SQL: the body owes a reply, its clock runs, and the due date has passed."""
    return Q(state__in=states.OPEN - {states.CLARIFICATION}, due_on__isnull=False, due_on__lt=today)


class RegisterFilterForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Words"), required=False, max_length=QUERY_MAX_LENGTH, strip=True)
    collectivity = forms.ModelChoiceField(
        label=gettext_lazy("Collectivity"),
        queryset=Collectivity.objects.none(),
        required=False,
        to_field_name="code",
        empty_label=gettext_lazy("All collectivities"),
    )
    state = forms.ChoiceField(label=gettext_lazy("State"), required=False)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), required=False)
    ground = forms.ChoiceField(label=gettext_lazy("Ground"), required=False)
    year = forms.TypedChoiceField(label=gettext_lazy("Year received"), required=False, coerce=int, empty_value=None)
    overdue = forms.BooleanField(label=gettext_lazy("Overdue only"), required=False)

    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["collectivity"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Collectivity.objects.filter(
            pk__in=public_requests().order_by().values("collectivity_id")
        ).order_by("code")
        self.fields["state"].choices = [("", _("All states")), *RequestState.choices]  # type: ignore[attr-defined]
        self.fields["kind"].choices = [("", _("All kinds")), *RequestKind.choices]  # type: ignore[attr-defined]
        self.fields["ground"].choices = [("", _("All grounds")), *Ground.choices]  # type: ignore[attr-defined]
        self.fields["year"].choices = [("", _("All years")), *[(y, str(y)) for y in years]]  # type: ignore[attr-defined]

    def cleaned(self) -> dict[str, Any]:
        if self.is_bound and self.is_valid():
            return self.cleaned_data
        return {"q": "", "collectivity": None, "state": "", "kind": "", "ground": "", "year": None, "overdue": False}


def search(requests: QuerySet[InformationRequest], query: str) -> QuerySet[InformationRequest]:
    """Requests whose subject, description or response holds every word, as written or in its folded Arabic form
    (`core.arabic.normalise`: a word typed with diacritics or a hamza variant also finds the plain spelling). The
    texts themselves are not folded (no stored matching key), so a folded query does not find a spelling variant."""
    for word in query.split():
        spellings = {word, normalise(word)} - {""}
        match = Q()
        for spelling in spellings:
            match |= (
                Q(subject__icontains=spelling) | Q(description__icontains=spelling) | Q(response__icontains=spelling)
            )
        requests = requests.filter(match)
    return requests


def filtered(chosen: dict[str, Any], today: datetime.date) -> QuerySet[InformationRequest]:
    requests = public_requests()
    if chosen.get("q"):
        requests = search(requests, chosen["q"])
    if chosen.get("collectivity"):
        requests = requests.filter(collectivity=chosen["collectivity"])
    if chosen.get("state"):
        requests = requests.filter(state=chosen["state"])
    if chosen.get("kind"):
        requests = requests.filter(kind=chosen["kind"])
    if chosen.get("ground"):
        requests = requests.filter(ground=chosen["ground"])
    if chosen.get("year"):
        requests = requests.filter(received_on__year=chosen["year"])
    if chosen.get("overdue"):
        requests = requests.filter(overdue_filter(today))
    return requests.order_by("-received_on", "-pk")


def register(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = RegisterFilterForm(request.GET or None, years=statistics.years())
    chosen = form.cleaned()
    requests = filtered(chosen, today).select_related("collectivity")
    page = Paginator(requests, REQUESTS_PER_PAGE).get_page(request.GET.get("page"))
    rows = [
        {
            "request": one,
            "overdue": states.is_overdue(one.state, one.due_on, today),
            "replied_on": one.replied_on if one.state in states.REPLIES else None,
            "name": one.requester_name if one.publish_name else "",
        }
        for one in page.object_list
    ]
    return render(
        request,
        "information/register.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "newest_first": True,
            "filtered": any(request.GET.get(name) for name in form.fields),
        },
    )


# --- Statistics ---------------------------------------------------------------------------------------------------


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=gettext_lazy("Year received"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years")), *[(y, str(y)) for y in years]]  # type: ignore[attr-defined]

    def chosen_year(self) -> int | None:
        return self.cleaned_data["year"] if self.is_bound and self.is_valid() else None


def _grounds(figures: statistics.Figures) -> list[tuple[str, int]]:
    labels = dict(Ground.choices)
    return [(str(labels.get(key, key)), number) for key, number in figures.grounds.most_common()]


def network_statistics(request: HttpRequest) -> HttpResponse:
    form = YearForm(request.GET or None, years=statistics.years())
    year = form.chosen_year()
    by_collectivity = statistics.figures_by_collectivity(year=year)
    names = Collectivity.objects.filter(pk__in=list(by_collectivity)).order_by("code")
    rows = [(collectivity, by_collectivity[collectivity.pk]) for collectivity in names]
    network = statistics.total(by_collectivity.values())
    return render(
        request,
        "information/statistics.html",
        {
            "form": form,
            "year": year,
            "rows": rows,
            "figures": network,
            "grounds": _grounds(network),
            "filtered": bool(request.GET.get("year")),
            "csv_query": f"?year={year}" if year else "",
        },
    )


def member_statistics(request: HttpRequest, code: str) -> HttpResponse:
    collectivity = Collectivity.objects.filter(code=code).first()
    if collectivity is None:
        raise Http404(_("There is no collectivity with the code %(code)s.") % {"code": code})
    form = YearForm(request.GET or None, years=statistics.years())
    year = form.chosen_year()
    figures = statistics.figures_by_collectivity(year=year, collectivity_ids=[collectivity.pk]).get(
        collectivity.pk, statistics.Figures()
    )
    query = f"collectivity={collectivity.code}" + (f"&year={year}" if year else "")
    return render(
        request,
        "information/statistics_member.html",
        {
            "form": form,
            "year": year,
            "collectivity": collectivity,
            "figures": figures,
            "grounds": _grounds(figures),
            "filtered": bool(request.GET.get("year")),
            "register_query": "?" + query,
            "csv_query": "?" + query,
        },
    )


CSV_COLUMNS = (
    "collectivity",
    "collectivity_name",
    "year",
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
    "on_time_rate",
    "median_working_days_to_reply",
    "refused_share",
    "complaints",
    "complaints_decided",
    "cdai_referrals",
)


def _csv_row(code: str, name: str, year: int | None, figures: statistics.Figures) -> list[object]:
    counts = [getattr(figures, column) for column in CSV_COLUMNS[3:13]]
    return [
        code,
        name,
        year or "",
        *counts,
        "" if figures.on_time_rate is None else round(figures.on_time_rate, 4),
        "" if figures.median_days_to_reply is None else figures.median_days_to_reply,
        "" if figures.refused_share is None else round(figures.refused_share, 4),
        figures.complaints,
        figures.complaints_decided,
        figures.cdai_referrals,
    ]


def statistics_csv(request: HttpRequest) -> StreamingHttpResponse:
    """Every collectivity's figures and the network's (code "network"), "" where there is no data."""
    form = YearForm(request.GET or None, years=statistics.years())
    year = form.chosen_year()
    code = (request.GET.get("collectivity") or "").strip()[:32]
    collectivities = Collectivity.objects.order_by("code")
    if code:
        collectivities = collectivities.filter(code=code)
        if not collectivities.exists():
            raise Http404(_("There is no collectivity with the code %(code)s.") % {"code": code})
    chosen = list(collectivities) if code else None
    by_collectivity = statistics.figures_by_collectivity(
        year=year, collectivity_ids=None if chosen is None else [c.pk for c in chosen]
    )
    if chosen is None:
        chosen = list(collectivities.filter(pk__in=list(by_collectivity)))

    def lines():
        writer = safe_csv.writer()
        yield safe_csv.BOM + writer.writerow(CSV_COLUMNS)
        for collectivity in chosen:
            figures = by_collectivity.get(collectivity.pk, statistics.Figures())
            yield writer.writerow(_csv_row(collectivity.code, str(tr(collectivity.name)), year, figures))
        if not code:
            yield writer.writerow(_csv_row("network", "", year, statistics.total(by_collectivity.values())))

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    name = "information-statistics" + (f"-{code}" if code else "") + (f"-{year}" if year else "")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response
