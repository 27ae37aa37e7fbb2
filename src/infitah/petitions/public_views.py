"""The public side of petitions: the network-wide list with its filters, the statistics, and the block of a member's
page. Anyone reads them; only petitions out of their draft are shown (rules: petitions.view), and of signatures
only their count, never who signed.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from infitah.petitions import states, statistics
from infitah.petitions.models import CouncilDecision, Petition, PetitionKind, Stage
from infitah.territories.models import Collectivity

PETITIONS_PER_PAGE = 25
MEMBER_SECTION_LATEST = 5


def listed() -> QuerySet[Petition]:
    """The public petitions with what a row shows: the collectivity and the signature count, in one query."""
    return (
        statistics.public_petitions()
        .select_related("collectivity")
        .annotate(signature_count=Count("signatures"))
        .order_by("-created_at", "-pk")
    )


def _collectivities_with_petitions() -> QuerySet[Collectivity]:
    return Collectivity.objects.filter(petitions__stage__in=states.PUBLIC).distinct().order_by("code")


class PetitionFilterForm(forms.Form):
    q = forms.CharField(label=_("Search in the title and subject"), required=False, max_length=200)
    collectivity = forms.ModelChoiceField(
        label=_("Council petitioned"),
        queryset=Collectivity.objects.none(),
        required=False,
        to_field_name="code",
        empty_label=_("All councils"),
    )
    kind = forms.ChoiceField(label=pgettext_lazy("petition", "Kind"), required=False)
    stage = forms.ChoiceField(label=_("Stage"), required=False)
    year = forms.IntegerField(label=_("Year made public"), required=False, min_value=2015, max_value=2100)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["collectivity"].queryset = _collectivities_with_petitions()  # type: ignore[attr-defined]
        self.fields["kind"].choices = [("", _("All kinds")), *PetitionKind.choices]  # type: ignore[attr-defined]
        public = [(value, label) for value, label in Stage.choices if value in states.PUBLIC]
        self.fields["stage"].choices = [("", _("All stages")), *public]  # type: ignore[attr-defined]

    def cleaned(self) -> dict[str, Any]:
        if self.is_bound and self.is_valid():
            return self.cleaned_data
        return {"q": "", "collectivity": None, "kind": "", "stage": "", "year": None}


def filtered(petitions: QuerySet[Petition], chosen: dict[str, Any]) -> QuerySet[Petition]:
    if chosen.get("q"):
        petitions = petitions.filter(Q(title__icontains=chosen["q"]) | Q(subject__icontains=chosen["q"]))
    if chosen.get("collectivity"):
        petitions = petitions.filter(collectivity=chosen["collectivity"])
    if chosen.get("kind"):
        petitions = petitions.filter(kind=chosen["kind"])
    if chosen.get("stage"):
        petitions = petitions.filter(stage=chosen["stage"])
    if chosen.get("year"):
        public_since = Coalesce("opened_on", "deposited_on", "withdrawn_on")
        petitions = petitions.annotate(public_since=public_since).filter(public_since__year=chosen["year"])
    return petitions


def petition_list(request: HttpRequest) -> HttpResponse:
    form = PetitionFilterForm(request.GET or None)
    chosen = form.cleaned()
    page = Paginator(filtered(listed(), chosen), PETITIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "petitions/list.html",
        {
            "form": form,
            "page": page,
            "filtered": any(request.GET.get(name) for name in ("q", "collectivity", "kind", "stage", "year")),
            "association_kind": states.ASSOCIATION,
        },
    )


class StatisticsFilterForm(forms.Form):
    collectivity = forms.ModelChoiceField(
        label=_("Council petitioned"),
        queryset=Collectivity.objects.none(),
        required=False,
        to_field_name="code",
        empty_label=_("The whole network"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["collectivity"].queryset = _collectivities_with_petitions()  # type: ignore[attr-defined]


def _rows(counts: dict[str, int], choices: list[tuple[str, Any]]) -> list[tuple[Any, int]]:
    return [(label, counts.get(value, 0)) for value, label in choices]


OUTCOMES: list[tuple[str, Any]] = [
    (CouncilDecision.ACCEPTED.value, CouncilDecision.ACCEPTED.label),
    (CouncilDecision.REJECTED.value, CouncilDecision.REJECTED.label),
    (states.INADMISSIBLE, _("Declared inadmissible by the bureau")),
]


def statistics_page(request: HttpRequest) -> HttpResponse:
    form = StatisticsFilterForm(request.GET or None)
    collectivity = form.cleaned_data["collectivity"] if form.is_bound and form.is_valid() else None
    numbers = statistics.network_statistics(collectivity.pk if collectivity else None, timezone.localdate())
    public_stages = [(value, label) for value, label in Stage.choices if value in states.PUBLIC]
    return render(
        request,
        "petitions/statistics.html",
        {
            "form": form,
            "filtered": collectivity is not None,
            "collectivity": collectivity,
            "numbers": numbers,
            "by_kind": _rows(numbers.by_kind, list(PetitionKind.choices)),
            "by_stage": _rows(numbers.by_stage, public_stages),
            "by_outcome": _rows(numbers.by_outcome, OUTCOMES),
            "acceptance_percent": _percent(numbers.acceptance_rate),
            "in_time_percent": _percent(numbers.ruled_in_time_share),
            "median_days": None if numbers.median_days_to_decision is None else round(numbers.median_days_to_decision),
        },
    )


def _percent(value: float | None) -> int | None:
    return None if value is None else round(value * 100)


def member_section_context(request: HttpRequest, collectivity: Collectivity) -> dict[str, Any]:
    """A member's page: the petitions to its council, their counts by stage and the latest ones (two queries)."""
    petitions = statistics.public_petitions().filter(collectivity=collectivity)
    counts = dict(petitions.values_list("stage").annotate(n=Count("pk")).order_by())
    latest = list(
        petitions.annotate(signature_count=Count("signatures")).order_by("-created_at", "-pk")[:MEMBER_SECTION_LATEST]
    )
    stages = [(label, counts[value]) for value, label in Stage.choices if counts.get(value)]
    return {"collectivity": collectivity, "total": sum(counts.values()), "stages": stages, "latest": latest}
