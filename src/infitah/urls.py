"""The site's addresses: each installed app's, as its capability declares them (core.capabilities)."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import path

from infitah.core.capabilities import site_urlpatterns

urlpatterns = site_urlpatterns(translated=False)

urlpatterns += i18n_patterns(
    *site_urlpatterns(translated=True),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

handler404 = "infitah.core.errors.not_found"
handler403 = "infitah.core.errors.permission_denied"
handler400 = "infitah.core.errors.bad_request"
# allauth answers its rate limits (sign-up, password reset…) through the root URLconf's handler429.
handler429 = "infitah.core.errors.too_many_requests"
