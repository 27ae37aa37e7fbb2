"""The agent's acts after drafting: an association's eligibility, the deposit (with what is missing, per province,
when it is refused) and the printable receipt."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.core.permissions import Refused
from infitah.petitions import eligibility_documents, notices, services, states
from infitah.petitions.forms import EligibilityForm
from infitah.petitions.models import AssociationEligibility
from infitah.petitions.views import add_errors, person, petition_or_404, progress_context


@login_required
def eligibility(request: HttpRequest, pk: int) -> HttpResponse:
    petition = petition_or_404(request, pk, "petitions.act_as_agent")
    if petition.kind != states.ASSOCIATION or petition.stage != states.DRAFT:
        messages.error(request, _("Only an association's petition, before its deposit, records its eligibility."))
        return redirect(petition)
    found = AssociationEligibility.objects.filter(petition=petition).first()
    initial = (
        {
            "constituted_on": found.constituted_on,
            "seat_or_branch": found.seat_or_branch,
            "related_activity": found.related_activity,
            "in_good_standing": found.in_good_standing,
        }
        if found
        else None
    )
    documents = eligibility_documents.documents_of(found)
    form = EligibilityForm(request.POST or None, request.FILES or None, initial=initial, documents=documents)
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = eligibility_documents.record(
                    person(request),
                    petition,
                    files=form.cleaned_data.get("documents") or [],
                    remove=form.cleaned_data.get("remove_documents") or [],
                    **form.eligibility_fields(),
                )
            except ValidationError as error:
                add_errors(form, error)
            except Refused as refused:
                form.add_error(None, str(refused.reason))
            else:
                problems = services.association_problems(saved, timezone.localdate())
                for problem in problems:
                    messages.warning(request, problem)
                messages.success(request, _("The association's eligibility is recorded."))
                return redirect("petitions:deposit", petition.pk)
        messages.error(request, _("Nothing was saved: please correct the errors below."))
    context = {"petition": petition, "form": form, "documents": list(documents)}
    return render(request, "petitions/eligibility.html", context)


@login_required
def deposit(request: HttpRequest, pk: int) -> HttpResponse:
    """What the deposit needs, then the deposit itself; a refusal says what is missing."""
    petition = petition_or_404(request, pk, "petitions.act_as_agent")
    refusal = ""
    if request.method == "POST":
        try:
            petition = services.deposit(person(request), petition)
        except Refused as refused:
            refusal = str(refused.reason)
        else:
            notices.stage_reached(petition, person(request))
            messages.success(
                request,
                _("The petition is deposited: receipt no. %(number)s.") % {"number": petition.receipt_number},
            )
            return redirect("petitions:receipt", petition.pk)
    problems = (
        services.association_problems(getattr(petition, "eligibility", None), timezone.localdate())
        if petition.kind == states.ASSOCIATION
        else []
    )
    context = {
        "petition": petition,
        "refusal": refusal,
        "problems": problems,
        "may_deposit": states.DEPOSIT in states.acts_from(petition.kind, petition.stage),
        **progress_context(petition),
    }
    return render(request, "petitions/deposit.html", context, status=400 if refusal else 200)


def receipt(request: HttpRequest, pk: int) -> HttpResponse:
    """The deposit's receipt, printable: its number and date, the council and the bureau's clock."""
    petition = petition_or_404(request, pk)
    if not petition.receipt_number:
        messages.error(request, _("This petition has not been deposited."))
        return redirect(petition)
    context = {"petition": petition, "notice_due": services.notice_due(petition)}
    return render(request, "petitions/receipt.html", context)
