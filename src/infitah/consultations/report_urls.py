"""The consultation report's pages (page, CSV, PDF with its progress), included by consultations/urls.py."""

urlpatterns = []
