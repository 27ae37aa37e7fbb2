from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme

from infitah.participation.models import Attachment, Comment
from infitah.participation.targets import label_of, target_model, url_of

# Rows of this app that can be reported and moderated by label, besides the registered targets.
BUILT_IN = {label_of(model): model for model in (Comment, Attachment)}


def resolve(label, pk, *, built_in=False):
    """The registered object named by a URL (e.g. "consultations.contribution", 42), or a 404."""
    model = target_model(label) or (BUILT_IN.get(label) if built_in else None)
    if model is None:
        raise Http404("not a participation target")
    return get_object_or_404(model, pk=pk)


def next_url(request, obj=None, fallback=""):
    """Where to go back after a POST: the page that posted (if it is ours), else the object's page."""
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return (url_of(obj) if obj is not None else "") or fallback or "/"
