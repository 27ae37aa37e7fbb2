"""The support and follow buttons: plain POST forms that work without JavaScript and come back to the page."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from infitah.participation import follows, supports
from infitah.participation.targets import ParticipationRefused
from infitah.participation.views.common import next_url, resolve


@require_POST
def support(request, target, pk):
    obj = resolve(target, pk)
    back = next_url(request, obj)
    if not request.user.is_authenticated:
        return redirect_to_login(back)
    try:
        if request.POST.get("action") == "withdraw":
            if supports.withdraw_support(request.user, obj):
                messages.success(request, _("Your support is withdrawn."))
            else:
                messages.info(request, _("You had not supported this."))
        elif supports.support(request.user, obj):
            messages.success(request, _("Your support is counted."))
        else:
            messages.info(request, _("You already support this; a person counts once."))
    except ParticipationRefused as refusal:
        messages.error(request, refusal.message)
    return redirect(back)


@require_POST
def follow(request, target, pk):
    obj = resolve(target, pk)
    back = next_url(request, obj)
    if not request.user.is_authenticated:
        return redirect_to_login(back)
    try:
        if request.POST.get("action") == "unfollow":
            follows.unfollow(request.user, obj)
            messages.success(request, _("You no longer follow this."))
        else:
            follows.follow(request.user, obj)
            messages.success(request, _("You follow this: you will be notified of what happens to it."))
    except ParticipationRefused as refusal:
        messages.error(request, refusal.message)
    return redirect(back)
