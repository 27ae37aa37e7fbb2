"""Campaign pages: the list, a campaign with both assessments side by side (what the reader may see of them), one
party's assessment with its scores to enter and submit, a score's form, and the agreed score of a discrepancy."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from infitah.core.permissions import can, require
from infitah.evaluation import selectors, services
from infitah.evaluation.forms import CampaignFilterForm, CampaignForm, ReconciliationForm, ScoreForm
from infitah.evaluation.models import Assessment, Campaign, FrameworkIndicator, FrameworkStatus, IndicatorSource, Party
from infitah.evaluation.services import EvaluationRefused

CAMPAIGNS_PER_PAGE = 50


def show_errors(form: Any, error: ValidationError) -> None:
    """A service's ValidationError onto the form (by field when it names one), so the page says what to fix."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            for each in errors:
                form.add_error(field if field in form.fields else None, each)
    else:
        form.add_error(None, error)


def campaign_list(request: HttpRequest) -> HttpResponse:
    form = CampaignFilterForm(request.GET or None)
    chosen = form.cleaned()
    member = chosen["collectivity"]
    campaigns = selectors.campaign_list(collectivity_id=member.pk if member else None, year=chosen["year"])
    page = Paginator(campaigns, CAMPAIGNS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "evaluation/campaign_list.html",
        {
            "form": form,
            "filtered": bool(request.GET.get("collectivity") or request.GET.get("year")),
            "page": page,
            "may_manage": can(request.user, "evaluation.manage_campaign"),
            "PARTIES": Party.values,
        },
    )


@login_required
def new_campaign(request: HttpRequest) -> HttpResponse:
    require(request.user, "evaluation.manage_campaign")
    form = CampaignForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                campaign = services.create_campaign(request.user, **data)  # type: ignore[arg-type]
            except EvaluationRefused as refusal:
                form.add_error(None, refusal.reason)
            except ValidationError as error:
                show_errors(form, error)
            else:
                messages.success(request, _("The campaign has been set up."))
                return redirect(campaign.get_absolute_url())
        messages.error(request, _("The campaign has not been set up: please correct the errors below."))
    return render(request, "evaluation/campaign_form.html", {"form": form})


def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_or_404(pk)
    assessments = selectors.assessments_of(campaign)
    rows = selectors.campaign_rows(request.user, campaign, assessments)
    program, commitments = selectors.adopted_commitments(campaign)
    assessed = selectors.commitment_assessments(campaign)
    by_key: dict[str, list[Any]] = {}
    for row in assessed:
        by_key.setdefault(str(row.commitment_key), []).append(row)
    user = request.user
    return render(
        request,
        "evaluation/campaign_detail.html",
        {
            "campaign": campaign,
            "own": assessments[Party.SELF],
            "independent": assessments[Party.INDEPENDENT],
            "groups": selectors.by_principle(rows),
            "discrepancy_count": sum(1 for row in rows if row.discrepant),
            "unreconciled": sum(1 for row in rows if row.discrepant and row.reconciliation is None),
            "settled": campaign.closed_at is not None,
            "program": program,
            "commitments": [
                {**commitment, "assessments": by_key.get(commitment["key"], [])} for commitment in commitments
            ],
            "may_fill_own": can(user, "evaluation.fill_assessment", assessments[Party.SELF]),
            "may_fill_independent": can(user, "evaluation.fill_assessment", assessments[Party.INDEPENDENT]),
            "may_reconcile": can(user, "evaluation.reconcile", campaign),
            "may_record_finding": can(user, "evaluation.record_finding", campaign),
            "may_assess_commitment": can(user, "evaluation.assess_commitment", campaign),
        },
    )


def _assessment(request: HttpRequest, pk: int, party: str) -> tuple[Campaign, Assessment]:
    campaign = selectors.campaign_or_404(pk)
    return campaign, selectors.assessment_or_404(campaign, party)


def assessment_detail(request: HttpRequest, pk: int, party: str) -> HttpResponse:
    """One party's assessment: its scores when the reader may see them (its party, or anyone once submitted);
    to anyone else, only whether it has been submitted."""
    campaign, assessment = _assessment(request, pk, party)
    indicators = selectors.indicators_of(campaign.framework)
    scores = selectors.visible_scores(request.user, assessment)
    files = selectors.attachments_by_score(scores.values())
    computed = selectors.computed_values(campaign, indicators)
    rows = [
        {
            "indicator": indicator,
            "principle": indicator.principle,
            "score": scores.get(indicator.pk),
            "files": files.get(scores[indicator.pk].pk, []) if indicator.pk in scores else [],
            "computed": computed.get(indicator.pk),
        }
        for indicator in indicators
    ]
    closed = campaign.framework.status == FrameworkStatus.CLOSED
    may_fill = not (assessment.is_submitted or closed) and can(request.user, "evaluation.fill_assessment", assessment)
    return render(
        request,
        "evaluation/assessment_detail.html",
        {
            "campaign": campaign,
            "assessment": assessment,
            "visible": can(request.user, "evaluation.view_assessment", assessment),
            "groups": selectors.by_principle(rows, key=lambda row: row["indicator"]),
            "may_fill": may_fill,
            "closed": closed,
            "missing": selectors.unscored_indicators(assessment) if may_fill else [],
        },
    )


def _fillable(request: HttpRequest, pk: int, party: str) -> tuple[Campaign, Assessment]:
    """The assessment the person fills; another party's (or another collectivity's) is not found (404), so an
    address never tells that a draft exists."""
    campaign, assessment = _assessment(request, pk, party)
    if not can(request.user, "evaluation.fill_assessment", assessment):
        raise Http404(_("There is no assessment at this address."))
    return campaign, assessment


@login_required
def edit_score(request: HttpRequest, pk: int, party: str, indicator_pk: int) -> HttpResponse:
    campaign, assessment = _fillable(request, pk, party)
    try:
        indicator = FrameworkIndicator.objects.get(pk=indicator_pk, framework_id=campaign.framework_id)
    except (FrameworkIndicator.DoesNotExist, OverflowError):
        raise Http404(_("There is no indicator at this address.")) from None
    score = assessment.scores.filter(indicator=indicator).first()
    initial = (
        {"value": score.value, "evidence": score.evidence, "evidence_links": "\n".join(score.evidence_links)}
        if score
        else {}
    )
    form = ScoreForm(request.POST or None, initial=initial, indicator=indicator)
    refusal = None
    if request.method != "POST":
        try:
            services.refuse_unless_fillable(request.user, assessment)  # type: ignore[arg-type]
        except EvaluationRefused as refused:
            refusal = refused.reason  # said at once, rather than after typing
    if request.method == "POST":
        if form.is_valid():
            try:
                services.record_score(request.user, assessment, indicator, **form.cleaned_data)  # type: ignore[arg-type]
            except EvaluationRefused as refused:
                refusal = refused.reason
            except ValidationError as error:
                show_errors(form, error)
            else:
                messages.success(request, _("The score has been saved."))
                return redirect("evaluation:assessment", campaign.pk, assessment.party)
        if refusal is None:
            messages.error(request, _("The score has not been saved: please correct the errors below."))
    return render(
        request,
        "evaluation/score_form.html",
        {
            "campaign": campaign,
            "assessment": assessment,
            "indicator": indicator,
            "score": score,
            "form": form,
            "refusal": refusal,
            "computed": indicator.source == IndicatorSource.COMPUTED,
        },
        status=403 if refusal and request.method == "POST" else 200,
    )


@login_required
@require_POST
def submit(request: HttpRequest, pk: int, party: str) -> HttpResponse:
    campaign, assessment = _fillable(request, pk, party)
    try:
        services.submit(request.user, assessment)  # type: ignore[arg-type]
    except EvaluationRefused as refusal:
        messages.error(request, refusal.reason)
    else:
        messages.success(request, _("The assessment has been submitted: both parties and the public now see it."))
    return redirect("evaluation:assessment", campaign.pk, assessment.party)


@login_required
def reconcile(request: HttpRequest, pk: int, indicator_pk: int) -> HttpResponse:
    campaign = selectors.campaign_or_404(pk)
    if not can(request.user, "evaluation.reconcile", campaign):
        raise Http404(_("There is no assessment campaign at this address."))
    flagged = {indicator.pk: indicator for indicator in selectors.discrepancies(campaign)}
    indicator = flagged.get(indicator_pk)
    if indicator is None:
        raise Http404(_("This indicator has no discrepancy to reconcile."))
    assessments = selectors.assessments_of(campaign)
    scores = {
        party: selectors.visible_scores(request.user, assessment).get(indicator.pk)
        for party, assessment in assessments.items()
    }
    form = ReconciliationForm(request.POST or None, indicator=indicator)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.reconcile(request.user, campaign, indicator, **form.cleaned_data)  # type: ignore[arg-type]
            except EvaluationRefused as refusal:
                form.add_error(None, refusal.reason)
            except ValidationError as error:
                show_errors(form, error)
            else:
                messages.success(request, _("The agreed score has been recorded."))
                return redirect(campaign.get_absolute_url())
        messages.error(request, _("The agreed score has not been recorded: please correct the errors below."))
    return render(
        request,
        "evaluation/reconcile_form.html",
        {
            "campaign": campaign,
            "indicator": indicator,
            "own": scores[Party.SELF],
            "independent": scores[Party.INDEPENDENT],
            "form": form,
        },
    )
