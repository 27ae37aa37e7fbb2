"""TEMP: a stub of the petition page so the public side's links resolve before petition-pages is merged."""

from django.http import HttpResponse
from django.urls import path


def _petition_stub(request, pk):
    return HttpResponse(f"petition {pk}")


urlpatterns = [path("<int:pk>/", _petition_stub, name="petition")]
