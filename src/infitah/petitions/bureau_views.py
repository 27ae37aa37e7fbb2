"""The council's bureau (the collectivity's focal point and council members): its desk of deposited and admissible
petitions, the admissibility ruling, the council's decision and the list of signers. Anyone else, another
collectivity's bureau included, gets a 404."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.accounts.roles import collectivities_where
from infitah.core import csv as safe_csv
from infitah.core.permissions import Refused
from infitah.core.translation import tr
from infitah.petitions import eligibility_documents, notices, services, states
from infitah.petitions.forms import DecideForm, RuleForm
from infitah.petitions.models import Petition, Signature
from infitah.petitions.views import add_errors, person, petition_or_404
from infitah.territories.models import Collectivity

ON_THE_DESK = (states.DEPOSITED, states.ADMISSIBLE)


@login_required
def bureau(request: HttpRequest) -> HttpResponse:
    """The petitions to rule on (overdue first, then by the notice's due date) and those awaiting the decision."""
    places = collectivities_where(person(request), notices.BUREAU_ROLES)
    code = request.GET.get("collectivity", "").strip()
    collectivities = Collectivity.objects.filter(pk__in=places)
    if code:
        everywhere = Collectivity.objects.all() if request.user.is_superuser else collectivities
        collectivities = everywhere.filter(code=code)
    chosen = list(collectivities.order_by("code")[:50])
    if not chosen:
        raise Http404(_("There is no petitions desk for you here."))
    today = timezone.localdate()
    rows: list[dict[str, Any]] = []
    for petition in (
        Petition.objects.filter(collectivity__in=chosen, stage__in=ON_THE_DESK)
        .select_related("collectivity")
        .order_by("deposited_on", "pk")
    ):
        due = services.notice_due(petition)
        rows.append(
            {
                "petition": petition,
                "notice_due": due,
                "overdue": states.is_overdue(petition.stage, due, today),
            }
        )
    far = datetime.date.max
    rows.sort(key=lambda row: (not row["overdue"], row["petition"].stage != states.DEPOSITED, row["notice_due"] or far))
    names = ", ".join(str(tr(collectivity.name)) for collectivity in chosen)
    return render(request, "petitions/bureau.html", {"rows": rows, "collectivities": chosen, "names": names})


@login_required
def rule(request: HttpRequest, pk: int) -> HttpResponse:
    petition = petition_or_404(request, pk, "petitions.rule_on")
    form = RuleForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                if data["ruling"] == RuleForm.ADMISSIBLE:
                    petition = services.rule_admissible(person(request), petition, committee=data["committee"])
                else:
                    petition = services.rule_inadmissible(person(request), petition, reasons=data["reasons"])
            except ValidationError as error:
                add_errors(form, error)
            except Refused as refused:
                form.add_error(None, str(refused.reason))
            else:
                notices.stage_reached(petition, person(request))
                messages.success(request, _("The ruling is recorded and published with the petition."))
                return redirect(petition)
        messages.error(request, _("Nothing was recorded: please correct the errors below."))
    context = {
        "petition": petition,
        "form": form,
        "notice_due": services.notice_due(petition),
        # What shows an association may petition, and its documents, in front of the bureau as it rules.
        **eligibility_documents.page_context(request.user, petition),
    }
    return render(request, "petitions/rule.html", context)


@login_required
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    petition = petition_or_404(request, pk, "petitions.rule_on")
    form = DecideForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                petition = services.record_decision(
                    person(request), petition, decision=data["decision"], text=data["decision_text"]
                )
            except ValidationError as error:
                add_errors(form, error)
            except Refused as refused:
                form.add_error(None, str(refused.reason))
            else:
                notices.stage_reached(petition, person(request))
                messages.success(request, _("The council's decision is recorded and published with the petition."))
                return redirect(petition)
        messages.error(request, _("Nothing was recorded: please correct the errors below."))
    return render(request, "petitions/decide.html", {"petition": petition, "form": form})


def _signatures(petition: Petition) -> list[Signature]:
    return list(
        Signature.objects.filter(petition=petition)
        .select_related("commune")
        .only("full_name", "id_masked", "basis", "commune__name", "created_at")
        .order_by("created_at", "pk")
    )


@login_required
def signatures(request: HttpRequest, pk: int) -> HttpResponse:
    petition = petition_or_404(request, pk, "petitions.view_signatures")
    return render(request, "petitions/signatures.html", {"petition": petition, "signatures": _signatures(petition)})


@login_required
def signatures_csv(request: HttpRequest, pk: int) -> StreamingHttpResponse:
    petition = petition_or_404(request, pk, "petitions.view_signatures")
    header = [
        _("Full name"),
        _("National ID card number (masked)"),
        _("Why they may sign"),
        _("Commune"),
        _("Signed at"),
    ]
    rows = [
        [
            signature.full_name,
            signature.id_masked,
            signature.get_basis_display(),
            str(tr(signature.commune.name)),
            timezone.localtime(signature.created_at).isoformat(timespec="minutes"),
        ]
        for signature in _signatures(petition)
    ]

    def lines() -> Iterator[str]:
        writer = safe_csv.writer()
        yield safe_csv.BOM + writer.writerow(header)
        for row in rows:
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="petition-{petition.pk}-signatures.csv"'
    return response
