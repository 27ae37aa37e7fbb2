"""Assessments. PLACEHOLDERS until the assessment part lands: names are the contract."""

from django.http import Http404
from django.urls import path

app_name = "evaluation"


def _placeholder(request, **kwargs):
    raise Http404


urlpatterns = [
    path("frameworks/", _placeholder, name="frameworks"),
    path("frameworks/<int:version>/", _placeholder, name="framework"),
    path("campaigns/", _placeholder, name="campaigns"),
    path("campaigns/<int:pk>/", _placeholder, name="campaign"),
    # party: "self" or "independent"
    path("campaigns/<int:pk>/<str:party>/", _placeholder, name="assessment"),
]
