from urllib.parse import urlsplit

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from infitah.core.contributions import home_sections, ordered


def home(request):
    sections = [{"template": section.template, **section.context(request)} for section in ordered(home_sections)]
    return render(request, "core/home.html", {"sections": sections})


def healthz(request):
    """Liveness probe, and the minimal Django view that the benchmarks compare pages against."""
    return HttpResponse("ok", content_type="text/plain")


@require_POST
def switch_language(request):
    """Django's set_language: a cookie and the same page in the new language.

    It changes the pages only. The profile's language (the one e-mails are written in) is changed in the
    profile, on purpose: a glance at the site in another language must not change the mail a person receives.
    """
    # translate_url resolves `next` in the active language, which on this unprefixed URL comes from the
    # browser's Accept-Language: /ar/… would not resolve for a French browser and the page would not switch.
    next_path = urlsplit(request.POST.get("next", "")).path
    with translation.override(translation.get_language_from_path(next_path) or translation.get_language()):
        return set_language(request)
