from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from infitah.api.urls import api
from infitah.core import views as core_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", core_views.sitemap, name="sitemap"),
    path("i18n/setlang/", core_views.switch_language, name="set_language"),
    path("api/v1/", api.urls),
]

urlpatterns += i18n_patterns(
    path("", include("infitah.core.urls")),
    path("network/", include("infitah.territories.urls")),
    path("accounts/", include("infitah.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("associations/", include("infitah.accounts.association_urls")),
    path("programs/", include("infitah.programs.urls")),
    path("consultations/", include("infitah.consultations.urls")),
    path("events/", include("infitah.events.urls")),
    path("bodies/", include("infitah.bodies.urls")),
    path("participation/", include("infitah.participation.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

handler404 = "infitah.core.errors.not_found"
handler403 = "infitah.core.errors.permission_denied"
handler400 = "infitah.core.errors.bad_request"
# allauth answers its rate limits (sign-up, password reset…) through the root URLconf's handler429.
handler429 = "infitah.core.errors.too_many_requests"
