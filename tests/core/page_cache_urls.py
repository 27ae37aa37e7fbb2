"""The site's URLs plus, for the page caches' tests, one public page whose rendering asks for a CSRF token and one
address that leaves a message for the next page."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.urls import include, path

from infitah.urls import urlpatterns as site_urlpatterns


def page_with_a_form(request):
    return HttpResponse(f'<form method="post"><input name="csrfmiddlewaretoken" value="{get_token(request)}"></form>')


def add_a_message(request):
    """A message for the next page, and nothing written to the database (messages travel in a cookie)."""
    messages.success(request, "A message for the next page")
    return HttpResponseRedirect("/en/network/")


urlpatterns = [
    *i18n_patterns(
        path(
            "page-cache-test/",
            include(
                (
                    [path("form/", page_with_a_form, name="form"), path("message/", add_a_message, name="message")],
                    "page_cache_test",
                )
            ),
        ),
        prefix_default_language=True,
    ),
    *site_urlpatterns,
]
