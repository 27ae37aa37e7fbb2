"""The write side of co-monitoring. PLACEHOLDERS until the write-side part lands: names are the contract."""

from django.http import Http404
from django.urls import path

app_name = "monitoring"


def _placeholder(request, **kwargs):
    raise Http404


urlpatterns = [
    # A program's monitoring desk: updates due, contested updates to answer (staff), updates to review (co-monitors).
    path("desk/<int:program_pk>/", _placeholder, name="desk"),
    path("desk/<int:program_pk>/committee/", _placeholder, name="committee"),
    # ?milestone=<key> for a milestone's update.
    path("desk/<int:program_pk>/commitments/<uuid:commitment_key>/update/", _placeholder, name="add_update"),
    # One update, public: its evidence, reviews, contests and replies (forms for those who may act).
    path("updates/<int:pk>/", _placeholder, name="update"),
]
