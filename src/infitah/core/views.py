import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods
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


@require_http_methods(["GET", "POST"])
def switch_language(request):
    """Django's set_language: a cookie and the same page in the new language.

    It changes the pages only. The profile's language (the one e-mails are written in) is changed in the
    profile, on purpose: a glance at the site in another language must not change the mail a person receives.

    The header's switcher sends a GET (Django's view sets the cookie on POST only): a form carrying a CSRF token
    would keep every public page out of the shared page cache (core/pagecache.py), and a language cookie is not
    worth forging a request for.
    """
    data = request.POST if request.method == "POST" else request.GET
    # translate_url resolves `next` in the active language, which on this unprefixed URL comes from the
    # browser's Accept-Language: /ar/… would not resolve for a French browser and the page would not switch.
    next_path = urlsplit(data.get("next", "")).path
    with translation.override(translation.get_language_from_path(next_path) or translation.get_language()):
        if request.method == "POST":
            return set_language(request)
        return _switch_by_link(request, data.get("next", ""), data.get("language", ""))


def _switch_by_link(request, next_url: str, code: str) -> HttpResponse:
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    if not (code and translation.check_for_language(code)):
        return HttpResponseRedirect(next_url)
    response = HttpResponseRedirect(translate_url(next_url, code))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,  # type: ignore[arg-type]  # a setting: one of the literals
    )
    return response
