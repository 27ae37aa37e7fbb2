"""Bearer-token authentication of the API's write operations: `auth=StaffToken()`.

`request.auth` is the token's user and `request.api_token` the token (the rate limits count per token). A session
cookie does not authenticate here: a page's visitor cannot be made to write through the API by another site, so
CSRF has nothing to protect. What the user may do is still asked of core.permissions per object.
"""

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from infitah.api import tokens


class StaffToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = tokens.authenticate(token)
        if found is None:
            return None
        request.api_token = found  # type: ignore[attr-defined]
        return found.user
