"""The budget back office of a collectivity's staff: its budgets (drafts included), the import of a file with its
progress and errors, the review of a draft and its publication.

Only the staff of the collectivity (`budgets.manage_budget`) reach these pages; anyone else — staff of another
collectivity included — gets a 404, as for an address that names nothing they may touch.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from infitah.accounts.models import User
from infitah.budgets import selectors, services
from infitah.budgets.forms import ImportForm, PublishForm
from infitah.budgets.models import BudgetImport, BudgetStatus
from infitah.budgets.views import budget_context, collectivity_or_404, year_or_404
from infitah.core.permissions import can
from infitah.territories.models import Collectivity

ACTION = "budgets.manage_budget"
MAX_ID = 2**63 - 1


def _managed(request: HttpRequest, code: str) -> Collectivity:
    collectivity = collectivity_or_404(code)
    if not can(request.user, ACTION, collectivity):
        raise Http404(_("There are no budgets you may change at this address."))
    return collectivity


def _person(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@login_required
def manage(request: HttpRequest, code: str) -> HttpResponse:
    collectivity = _managed(request, code)
    imports = BudgetImport.objects.filter(collectivity=collectivity).defer("content")[:10]
    return render(
        request,
        "budgets/manage.html",
        {"collectivity": collectivity, "budgets": selectors.staff_budgets(collectivity), "imports": imports},
    )


@login_required
def import_budget(request: HttpRequest, code: str) -> HttpResponse:
    collectivity = _managed(request, code)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = services.request_import(
            _person(request),
            collectivity,
            form.cleaned_data["year"],
            form.cleaned_data["file"],
            form.cleaned_data["source_note"],
        )
        return redirect("budgets:import_status", pk=job.pk)
    return render(request, "budgets/import.html", {"collectivity": collectivity, "form": form})


@login_required
def import_status(request: HttpRequest, pk: int) -> HttpResponse:
    if pk > MAX_ID:
        raise Http404
    job = get_object_or_404(BudgetImport.objects.select_related("collectivity").defer("content"), pk=pk)
    if not can(request.user, ACTION, job):
        raise Http404(_("There is no import you may see at this address."))
    return render(request, "budgets/import_status.html", {"job": job, "collectivity": job.collectivity})


@login_required
def review(request: HttpRequest, code: str, year: int) -> HttpResponse:
    collectivity = _managed(request, code)
    draft = selectors.budget_of(collectivity, year_or_404(year), BudgetStatus.DRAFT)
    if draft is None:
        raise Http404(_("There is no draft budget of this year."))
    form = PublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.publish(_person(request), draft, form.cleaned_data["note"])
        except services.PublicationRefused as refused:
            form.add_error("note", refused.message)
        else:
            messages.success(request, _("The budget is published."))
            return redirect(reverse("budgets:year", args=[collectivity.code, year]))
    context = budget_context(draft)
    context.update(
        form=form,
        replaces=selectors.budget_of(collectivity, year) is not None,
    )
    return render(request, "budgets/review.html", context)
