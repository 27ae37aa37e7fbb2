from django.urls import path

from infitah.consultations import staff_views, views
from infitah.consultations.report_urls import urlpatterns as report_urlpatterns

app_name = "consultations"

urlpatterns = [
    path("", views.consultation_list, name="list"),
    path("<int:pk>/", views.consultation_detail, name="detail"),
    path("<int:pk>/contributions/<int:contribution_pk>/", views.contribution_detail, name="contribution"),
    path(
        "<int:pk>/contributions/<int:contribution_pk>/edit/",
        views.edit_contribution_page,
        name="edit_contribution",
    ),
    path(
        "<int:pk>/contributions/<int:contribution_pk>/withdraw/",
        views.withdraw_contribution_page,
        name="withdraw_contribution",
    ),
    path("<int:pk>/edit/", staff_views.edit_consultation, name="edit"),
    path("<int:pk>/answers/", staff_views.answer_list, name="answers"),
    path("<int:pk>/contributions/<int:contribution_pk>/answer/", staff_views.answer, name="answer"),
    path("open/<int:program_pk>/", staff_views.open_consultation, name="open"),
    *report_urlpatterns,
]
