"""Addresses of the register part of access to information (see urls.py for the shared names)."""

from django.urls import URLPattern, path

from infitah.information import register_views

urlpatterns: list[URLPattern] = [
    path("", register_views.register, name="register"),
    path("statistics/", register_views.network_statistics, name="statistics"),
    path("statistics.csv", register_views.statistics_csv, name="statistics_csv"),
    path("statistics/<str:code>/", register_views.member_statistics, name="member_statistics"),
]
