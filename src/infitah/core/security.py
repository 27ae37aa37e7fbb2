"""Response headers and request limits that protect every page: the Content-Security-Policy, over-large posts and
addresses holding a NUL character.

The policy lets a page run only the scripts, styles, fonts and images the platform serves itself: no inline script,
no inline style, nothing from another site. Django's admin and the API docs (Swagger UI from ninja's own static
files) work under the same policy, so there is one policy for the whole site.
"""

from django.conf import settings
from django.core.exceptions import BadRequest, RequestDataTooBig
from django.http import Http404
from django.shortcuts import render

DEFAULT_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


def content_security_policy(directives=None):
    """The header value for a {directive: [sources]} mapping (the platform's policy by default)."""
    directives = directives or getattr(settings, "INFITAH_CONTENT_SECURITY_POLICY", DEFAULT_CONTENT_SECURITY_POLICY)
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


class ContentSecurityPolicyMiddleware:
    """Adds the Content-Security-Policy header to every response that does not set its own."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = content_security_policy()

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.header)
        return response


class RequestTooLargeMiddleware:
    """A post larger than DATA_UPLOAD_MAX_MEMORY_SIZE gets a page that explains it (413), not a bare 400.

    Placed before the CSRF middleware, which would otherwise be the first to read the post and fail. The text
    typed is kept by the browser (static/infitah/js/drafts.js) and put back in the form when the person returns.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST":
            try:
                request.POST  # noqa: B018 — parsing the post is what may raise RequestDataTooBig
            except RequestDataTooBig:
                return too_large(request)
        return self.get_response(request)


def too_large(request):
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0
    context = {
        "limit_megabytes": f"{limit / (1024 * 1024):.1f}".rstrip("0").rstrip("."),
        "back_url": request.get_full_path(),
    }
    return render(request, "core/413.html", context, status=413)


class NulCharacterMiddleware:
    """An address or a query holding a NUL character (`%00`) names nothing here: the 404 page for the address, the
    400 page for the query, before any view reads them. PostgreSQL refuses the character in any text a query
    compares (a server error where SQLite finds nothing). The API checks its own input and answers problems
    (`infitah.api`): it is left to it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith("/api/"):
            return None
        if "\x00" in request.path:
            raise Http404("NUL in the address")
        if any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()):
            raise BadRequest("NUL in the query")
        return None
