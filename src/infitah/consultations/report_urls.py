"""The consultation report's pages (page, CSV, PDF with its progress), included by consultations/urls.py."""

from django.urls import path

from infitah.consultations import report_views

urlpatterns = [
    path("<int:pk>/report/", report_views.report_page, name="report"),
    path("<int:pk>/report.csv", report_views.report_csv, name="report_csv"),
    path("<int:pk>/report/pdf/<str:language>/", report_views.report_pdf, name="report_pdf"),
    path(
        "<int:pk>/report/pdf/download/<int:document_pk>/",
        report_views.report_pdf_download,
        name="report_pdf_download",
    ),
]
