"""What every staff write shares: who may write where.

A person who may not do `action` anywhere (a citizen's token) is refused with 403; an object outside the
collectivities where they may is not found (404), as if it did not exist: staff of A learn nothing of B's drafts.
"""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError

from infitah.core.permissions import can


def require_anywhere(request: HttpRequest, action: str) -> None:
    if not can(request.auth, action, None):  # type: ignore[attr-defined]
        raise HttpError(403, _("Your account may not do this through the API."))


def require_on(request: HttpRequest, action: str, obj: object, not_found: str) -> None:
    require_anywhere(request, action)
    if not can(request.auth, action, obj):  # type: ignore[attr-defined]
        raise HttpError(404, not_found)
