"""The public side of co-monitoring. PLACEHOLDERS until the public part lands: names are the contract."""

from django.http import Http404
from django.urls import path

app_name = "tracker"


def _placeholder(request, **kwargs):
    raise Http404


urlpatterns = [
    path("programs/<int:program_pk>/", _placeholder, name="program"),
    path("programs/<int:program_pk>/commitments/<uuid:commitment_key>/", _placeholder, name="commitment"),
    path("programs/<int:program_pk>/reports/", _placeholder, name="reports"),
    path("programs/<int:program_pk>/reports/<int:year>-<int:semester>/", _placeholder, name="report"),
]
