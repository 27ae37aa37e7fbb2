"""The openness index. PLACEHOLDERS until the index part lands: names are the contract."""

from django.http import Http404
from django.urls import path

app_name = "openness_index"


def _placeholder(request, **kwargs):
    raise Http404


urlpatterns = [
    path("", _placeholder, name="dashboard"),
    path("method/", _placeholder, name="method"),
    path("members/<str:code>/", _placeholder, name="member"),
]
