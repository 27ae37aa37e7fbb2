"""What is recorded beside the scores on a campaign's page: the findings of its evaluation events against
indicators (the collectivity's staff) and the independent-review assessment of the adopted program's commitments
(the designated associations' representatives, the network coordinators)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from infitah.core.permissions import can
from infitah.evaluation import selectors, services
from infitah.evaluation.forms import CommitmentAssessmentForm, FindingForm
from infitah.evaluation.services import EvaluationRefused
from infitah.evaluation.views import show_errors


@login_required
def add_finding(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_or_404(pk)
    if not can(request.user, "evaluation.record_finding", campaign):
        raise Http404(_("There is no assessment campaign at this address."))
    form = FindingForm(request.POST or None, campaign=campaign)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.record_finding(
                    request.user,  # type: ignore[arg-type]
                    campaign,
                    indicator=data["indicator"],
                    event=data["event"],
                    text={translation.get_language() or "ar": data["text"]},
                )
            except EvaluationRefused as refusal:
                form.add_error(None, refusal.reason)
            except ValidationError as error:
                show_errors(form, error)
            else:
                messages.success(request, _("The finding has been recorded."))
                return redirect(campaign.get_absolute_url())
        messages.error(request, _("The finding has not been recorded: please correct the errors below."))
    return render(request, "evaluation/finding_form.html", {"campaign": campaign, "form": form})


@login_required
def assess_commitment(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    campaign = selectors.campaign_or_404(pk)
    if not can(request.user, "evaluation.assess_commitment", campaign):
        raise Http404(_("There is no assessment campaign at this address."))
    program, commitments = selectors.adopted_commitments(campaign)
    commitment = next((row for row in commitments if row["key"] == str(key)), None)
    if commitment is None:
        raise Http404(_("This commitment is not part of the member's adopted program."))
    form = CommitmentAssessmentForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.assess_commitment(request.user, campaign, commitment["key"], **form.cleaned_data)  # type: ignore[arg-type]
            except EvaluationRefused as refusal:
                form.add_error(None, refusal.reason)
            except ValidationError as error:
                show_errors(form, error)
            else:
                messages.success(request, _("The commitment's assessment has been published."))
                return redirect(campaign.get_absolute_url())
        messages.error(request, _("The assessment has not been saved: please correct the errors below."))
    return render(
        request,
        "evaluation/commitment_form.html",
        {"campaign": campaign, "program": program, "commitment": commitment, "form": form},
    )
