"""The assessment framework's pages: the public list of versions and a version's indicators by principle; for the
network coordinators, a new draft version, its texts and indicators, and opening or closing it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from infitah.core import indicators as registered
from infitah.core.permissions import can, require
from infitah.evaluation import selectors, services
from infitah.evaluation.forms import FrameworkTextsForm, IndicatorForm
from infitah.evaluation.models import Framework, FrameworkIndicator, FrameworkStatus
from infitah.evaluation.services import EvaluationRefused
from infitah.participation.audit import audit, changes_between, field_values


def framework_list(request: HttpRequest) -> HttpResponse:
    frameworks = selectors.framework_list()
    if not can(request.user, "evaluation.manage_framework"):
        # A draft is the coordinators' work in progress.
        frameworks = frameworks.exclude(status=FrameworkStatus.DRAFT)
    return render(
        request,
        "evaluation/framework_list.html",
        {"frameworks": frameworks, "may_manage": can(request.user, "evaluation.manage_framework")},
    )


def _visible_framework(request: HttpRequest, version: int) -> Framework:
    framework = selectors.framework_or_404(version)
    if framework.status == FrameworkStatus.DRAFT and not can(request.user, "evaluation.manage_framework", framework):
        raise Http404(_("There is no framework version at this address."))
    return framework


def framework_detail(request: HttpRequest, version: int) -> HttpResponse:
    framework = _visible_framework(request, version)
    indicators = selectors.indicators_of(framework)
    measures = {measure.key: measure.title for measure in registered.indicators()}
    for indicator in indicators:
        indicator.measure_title = measures.get(indicator.computed_key, "")  # type: ignore[attr-defined]
    return render(
        request,
        "evaluation/framework_detail.html",
        {
            "framework": framework,
            "groups": selectors.by_principle(indicators),
            "may_manage": can(request.user, "evaluation.manage_framework", framework),
            "is_draft": framework.status == FrameworkStatus.DRAFT,
        },
    )


@login_required
@require_POST
def new_version(request: HttpRequest) -> HttpResponse:
    require(request.user, "evaluation.manage_framework")
    try:
        draft = services.new_version(request.user)  # type: ignore[arg-type]
    except EvaluationRefused as refusal:
        messages.error(request, refusal.reason)
        return redirect("evaluation:frameworks")
    messages.success(request, _("Version %(version)s is a new draft.") % {"version": draft.version})
    return redirect(draft.get_absolute_url())


@login_required
@require_POST
def change_status(request: HttpRequest, version: int) -> HttpResponse:
    framework = _visible_framework(request, version)
    require(request.user, "evaluation.manage_framework", framework)
    try:
        services.set_framework_status(request.user, framework, request.POST.get("status", ""))  # type: ignore[arg-type]
    except EvaluationRefused as refusal:
        messages.error(request, refusal.reason)
    else:
        messages.success(
            request, _("The framework version is now: %(status)s.") % {"status": framework.get_status_display()}
        )
    return redirect(framework.get_absolute_url())


def _editable_framework(request: HttpRequest, version: int) -> Framework:
    """The draft a coordinator edits; an open or closed version refuses with its reason (403)."""
    framework = _visible_framework(request, version)
    require(request.user, "evaluation.manage_framework", framework)
    services.refuse_unless_draft(framework)
    return framework


@login_required
def edit_texts(request: HttpRequest, version: int) -> HttpResponse:
    framework = _editable_framework(request, version)
    form = FrameworkTextsForm(request.POST or None, instance=framework)
    fields = ("title", "method", "discrepancy_threshold")
    before = field_values(framework, fields)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            audit(
                request.user,
                "evaluation.change_framework",
                framework,
                changes_between(before, field_values(framework, fields)),
            )
            messages.success(request, _("The framework's texts have been saved."))
            return redirect(framework.get_absolute_url())
        messages.error(request, _("The texts have not been saved: please correct the errors below."))
    return render(request, "evaluation/framework_form.html", {"framework": framework, "form": form})


INDICATOR_FIELDS = tuple(IndicatorForm.Meta.fields)


@login_required
def edit_indicator(request: HttpRequest, version: int, pk: int | None = None) -> HttpResponse:
    framework = _editable_framework(request, version)
    indicator = (
        get_object_or_404(FrameworkIndicator, pk=pk, framework=framework)
        if pk
        else FrameworkIndicator(framework=framework)
    )
    created = indicator.pk is None
    before = {} if created else field_values(indicator, INDICATOR_FIELDS)
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            action = "evaluation.add_indicator" if created else "evaluation.change_indicator"
            audit(request.user, action, indicator, changes_between(before, field_values(indicator, INDICATOR_FIELDS)))
            messages.success(request, _("The indicator has been saved."))
            return redirect(framework.get_absolute_url())
        messages.error(request, _("The indicator has not been saved: please correct the errors below."))
    return render(
        request, "evaluation/indicator_form.html", {"framework": framework, "indicator": indicator, "form": form}
    )
