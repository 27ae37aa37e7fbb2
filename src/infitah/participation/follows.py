"""Following an object: its followers are told (in the site and by e-mail) when something happens to it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction

from infitah.participation.models import Follow
from infitah.participation.targets import content_type_of, ensure, target_fields

if TYPE_CHECKING:
    from django.db.models import Model

    from infitah.accounts.models import User
    from infitah.accounts.types import Viewer


def follow(user: User, obj: Any) -> bool:
    """Follow `obj`; True if this is new, False if `user` already followed it."""
    ensure(user, "participation.follow", obj, "follow")
    return _create(user, obj)


def unfollow(user: User, obj: Any) -> bool:
    """Stop following `obj`; True if `user` followed it."""
    deleted, _rows = Follow.objects.filter(content_type=content_type_of(obj), object_id=obj.pk, user=user).delete()
    return bool(deleted)


def follow_quietly(user: User, obj: Any) -> bool:
    """Follow without asking the rules (commenting on an object makes its author a follower)."""
    return _create(user, obj)


def is_following(user: Viewer, obj: Model) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return Follow.objects.filter(content_type=content_type_of(obj), object_id=obj.pk, user=user).exists()


def _create(user: User, obj: Any) -> bool:
    try:
        # A savepoint: the unique constraint refuses a second row without breaking the caller's transaction.
        with transaction.atomic():
            Follow.objects.create(user=user, **target_fields(obj))
    except IntegrityError:
        return False
    return True
