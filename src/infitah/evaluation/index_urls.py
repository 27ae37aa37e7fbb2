"""The openness index: the network dashboard, a member's values, the method — each figure also as CSV."""

from django.urls import path

from infitah.evaluation import index_views

app_name = "openness_index"

urlpatterns = [
    path("", index_views.dashboard_page, name="dashboard"),
    path("csv/<slug:figure>/", index_views.dashboard_csv, name="dashboard_csv"),
    path("method/", index_views.method_page, name="method"),
    path("members/<str:code>/", index_views.member_page, name="member"),
    path("members/<str:code>/csv/", index_views.member_csv, name="member_csv"),
]
