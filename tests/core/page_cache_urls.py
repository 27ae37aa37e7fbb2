"""The site's URLs plus one public page whose rendering asks for a CSRF token, for the page cache's tests."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import include, path

from infitah.urls import urlpatterns as site_urlpatterns


def page_with_a_form(request):
    return HttpResponse(f'<form method="post"><input name="csrfmiddlewaretoken" value="{get_token(request)}"></form>')


urlpatterns = [
    *i18n_patterns(
        path("page-cache-test/", include(([path("form/", page_with_a_form, name="form")], "page_cache_test"))),
        prefix_default_language=True,
    ),
    *site_urlpatterns,
]
