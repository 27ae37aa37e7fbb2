"""The public side of co-monitoring: a program's tracker and its semester reports (namespace "tracker")."""

from django.urls import path

from infitah.monitoring import report_views, tracker_views

app_name = "tracker"

urlpatterns = [
    path("programs/<int:program_pk>/", tracker_views.program_tracker, name="program"),
    path(
        "programs/<int:program_pk>/commitments/<uuid:commitment_key>/",
        tracker_views.commitment_tracker,
        name="commitment",
    ),
    path("programs/<int:program_pk>/reports/", report_views.report_list, name="reports"),
    path("programs/<int:program_pk>/reports/<int:year>-<int:semester>/", report_views.report_page, name="report"),
    path("programs/<int:program_pk>/reports/<int:year>-<int:semester>.csv", report_views.report_csv, name="report_csv"),
    path(
        "programs/<int:program_pk>/reports/<int:year>-<int:semester>/pdf/<str:language>/",
        report_views.report_pdf,
        name="report_pdf",
    ),
    path(
        "programs/<int:program_pk>/reports/pdf/<int:document_pk>/",
        report_views.report_pdf_download,
        name="report_pdf_download",
    ),
]
