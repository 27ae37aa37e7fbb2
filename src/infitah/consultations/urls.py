from infitah.consultations.report_urls import urlpatterns as report_urlpatterns

app_name = "consultations"

urlpatterns = [
    *report_urlpatterns,
]
