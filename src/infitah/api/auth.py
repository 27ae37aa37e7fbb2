"""TEMP stub until the apiwrite helper's branch is merged: the contract's `StaffToken` (a ninja auth class whose
`request.auth` is the token's user), accepting no token yet."""

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer


class StaffToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return None
