"""The account page where staff create and revoke their API tokens (`api:tokens`)."""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from infitah.api import tokens
from infitah.api.models import ApiToken
from infitah.core.permissions import require

LIFETIMES = [
    ("30", gettext_lazy("30 days")),
    ("90", gettext_lazy("90 days")),
    ("365", gettext_lazy("One year")),
]


class TokenForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("What is the token for?"), max_length=100)
    lifetime = forms.ChoiceField(label=gettext_lazy("Valid for"), choices=LIFETIMES, initial="90")


@login_required
def token_list(request):
    require(request.user, "api.manage_tokens")
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        expires = timezone.now() + timedelta(days=int(form.cleaned_data["lifetime"]))
        token, secret = tokens.issue(request.user, form.cleaned_data["name"], expires)
        messages.success(request, _("Your token was created. Copy it now: it will not be shown again."))
        form = TokenForm()
    elif request.method == "POST":
        messages.error(request, _("Please correct the errors below."))
    return render(
        request,
        "api/tokens.html",
        {"form": form, "secret": secret, "tokens": tokens.tokens_of(request.user), "now": timezone.now()},
    )


@login_required
@require_POST
def revoke(request, pk):
    # Another person's token, or an absurd id, is not found: tokens are named to their owner only.
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    require(request.user, "api.manage_tokens", token)
    tokens.revoke(token)
    messages.success(request, _("The token was revoked: it no longer opens the API."))
    return redirect("api:tokens")
