"""Who asks: the type of the `user` argument that rules, selectors and services take (None: an anonymous visitor,
as the public API asks)."""

from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from infitah.accounts.models import User

Viewer: TypeAlias = "User | AnonymousUser | None"
