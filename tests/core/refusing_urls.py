"""The site's URLs plus one page whose service refusal no view catches, for the 403 page's tests."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path
from django.utils.translation import gettext_lazy as _

from infitah.bodies.opinions import OpinionRefused
from infitah.urls import handler400, handler403, handler404, handler429  # noqa: F401 - the site's error pages
from infitah.urls import urlpatterns as site_urlpatterns

REASON = _("Only the staff of this body's collectivity may acknowledge its opinions.")


def acknowledge_without_catching(request):
    raise OpinionRefused(REASON)


urlpatterns = [
    *i18n_patterns(path("uncaught-refusal/", acknowledge_without_catching), prefix_default_language=True),
    *site_urlpatterns,
]
