"""Addresses of the request part of access to information (see urls.py for the shared names)."""

from django.http import Http404
from django.urls import URLPattern, path


def _request_stub(request, reference):  # TEMP: the request part's page replaces this at merge
    raise Http404("TEMP request page stub")


urlpatterns: list[URLPattern] = [path("requests/<str:reference>/", _request_stub, name="request")]
