"""The error pages, in the site's layout and the person's language: 400, 404, 403 (why, and what to do), 429 and the
refused form (CSRF)."""

from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from infitah.core.permissions import Refused


def not_found(request, exception=None):
    return render(request, "core/404.html", status=404)


def _back_url(request):
    """The page the person came from, when it is on this site (never an outside address)."""
    referer = request.META.get("HTTP_REFERER", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return ""


def permission_denied(request, exception=None):
    """403: the reason the rules give (a `Refused`), else a general explanation; then what the person can do.

    A bare PermissionDenied's message is never shown: it may be a developer's note, not a sentence for people.
    """
    reason = exception.reason if isinstance(exception, Refused) else None
    context = {"reason": reason, "back_url": _back_url(request), "login_next": request.get_full_path()}
    return render(request, "core/403.html", context, status=403)


def csrf_failure(request, reason=""):
    """The form was refused because its security token was missing or stale (an old tab, cookies blocked)."""
    context = {"csrf": True, "back_url": _back_url(request), "login_next": request.get_full_path()}
    return render(request, "core/403.html", context, status=403)


def bad_request(request, exception=None):
    """400: a request the platform cannot read (too many fields or files in one form, a malformed address)."""
    return render(request, "core/400.html", {"back_url": _back_url(request)}, status=400)


def too_many_requests(request, exception=None):
    """429: too many attempts in a short time (sign-in, sign-up, password reset): wait, then try again."""
    return render(request, "core/429.html", {"back_url": _back_url(request)}, status=429)
