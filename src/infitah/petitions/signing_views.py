"""Signing a petition and taking one's signature back. The national ID number typed is never written back into a
page after a signature is given; on an error it is shown again only in the signer's own form field."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from infitah.core.permissions import Refused, can
from infitah.petitions import services, signing_limits, states
from infitah.petitions.forms import SignForm
from infitah.petitions.models import Signature
from infitah.petitions.views import add_errors, person, petition_or_404
from infitah.territories.contact import client_ip


@login_required
def sign(request: HttpRequest, pk: int) -> HttpResponse:
    petition = petition_or_404(request, pk)
    signer = person(request)
    if petition.stage not in states.SIGNABLE:
        messages.error(request, _("This petition is not open for signatures."))
        return redirect(petition)
    if request.method != "POST" and Signature.objects.filter(petition=petition, signer=signer).exists():
        messages.info(request, _("You have signed this petition."))
        return redirect(petition)
    form = SignForm(request.POST or None, petition=petition, initial={"full_name": signer.full_name})
    context = {"petition": petition, "form": form, "may_sign": can(signer, "petitions.sign", petition)}
    if request.method == "POST":
        address = client_ip(request)
        if not context["may_sign"]:
            form.add_error(None, _("Sign in with a verified e-mail address to sign a petition."))
        elif not signing_limits.may_sign(signer.pk, address):
            form.add_error(
                None,
                _("Too many signatures from your account or your connection in the last hour: try again later."),
            )
        elif form.is_valid():
            data = form.cleaned_data
            try:
                services.sign(
                    signer,
                    petition,
                    full_name=data["full_name"],
                    national_id=data["national_id"],
                    basis=data["basis"],
                    commune=data["commune"],
                )
            except ValidationError as error:
                add_errors(form, error)
            except Refused as refused:
                form.add_error(None, str(refused.reason))
            else:
                signing_limits.record_signature(signer.pk, address)
                messages.success(request, _("Your signature is counted. Thank you."))
                return redirect(petition)
        messages.error(request, _("Your signature was not counted: please correct the errors below."))
        return render(request, "petitions/sign.html", context, status=200)
    return render(request, "petitions/sign.html", context)


@login_required
@require_POST
def unsign(request: HttpRequest, pk: int) -> HttpResponse:
    petition = petition_or_404(request, pk)
    try:
        services.withdraw_signature(person(request), petition)
    except Refused as refused:
        messages.error(request, str(refused.reason))
    else:
        messages.success(request, _("Your signature is withdrawn: nothing of it is kept."))
    return redirect(petition)
