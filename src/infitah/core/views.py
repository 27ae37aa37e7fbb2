import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from infitah.core.contributions import home_sections, ordered


def home(request):
    sections = [{"template": section.template, **section.context(request)} for section in ordered(home_sections)]
    return render(request, "core/home.html", {"sections": sections})


# The day the accessibility statement was drawn up (and last reviewed): change it with the statement's text.
ACCESSIBILITY_STATEMENT_DATE = datetime.date(2026, 12, 1)
# Under each language prefix, what search engines have no business indexing: forms, personal pages, back office.
PRIVATE_PREFIXES = ("accounts/", "admin/", "participation/")


def accessibility(request):
    return render(request, "core/accessibility.html", {"statement_date": ACCESSIBILITY_STATEMENT_DATE})


def robots_txt(request):
    lines = ["User-agent: *", "Allow: /"]
    for code, _name in settings.LANGUAGES:
        lines += [f"Disallow: /{code}/{prefix}" for prefix in PRIVATE_PREFIXES]
    lines += ["Disallow: /api/", "Disallow: /i18n/", "", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def sitemap(request):
    """Every public page in every language, with its alternates (the apps register what they list)."""
    from django.contrib.sitemaps.views import sitemap as django_sitemap

    from infitah.core.contributions import sitemaps

    return django_sitemap(request, sitemaps=dict(sorted(sitemaps.items())))


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
