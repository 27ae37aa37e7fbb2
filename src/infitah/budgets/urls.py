"""Budgets (namespace "budgets"). The names index, member, year and import are a contract with the other apps."""

from django.urls import path, re_path

from infitah.budgets import staff_views, views

app_name = "budgets"

urlpatterns = [
    path("", views.index, name="index"),
    re_path(r"^template\.(?P<file_format>csv|xlsx)$", views.template, name="template"),
    path("imports/<int:pk>/", staff_views.import_status, name="import_status"),
    path("<str:code>/", views.member, name="member"),
    path("<str:code>/compare/", views.compare, name="compare"),
    path("<str:code>/manage/", staff_views.manage, name="manage"),
    path("<str:code>/import/", staff_views.import_budget, name="import"),
    path("<str:code>/<int:year>/", views.year, name="year"),
    path("<str:code>/<int:year>/lines.csv", views.year_csv, name="year_csv"),
    path("<str:code>/<int:year>/review/", staff_views.review, name="review"),
]
