"""The addresses outside the language prefix: health check, robots, sitemap, language switch."""

from django.urls import path

from infitah.core import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("i18n/setlang/", views.switch_language, name="set_language"),
]
