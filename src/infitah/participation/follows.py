"""Following an object: its followers are told (in the site and by e-mail) when something happens to it."""

from django.db import IntegrityError, transaction

from infitah.participation.models import Follow
from infitah.participation.targets import content_type_of, ensure, target_fields


def follow(user, obj):
    """Follow `obj`; True if this is new, False if `user` already followed it."""
    ensure(user, "participation.follow", obj, "follow")
    return _create(user, obj)


def unfollow(user, obj):
    """Stop following `obj`; True if `user` followed it."""
    deleted, _rows = Follow.objects.filter(content_type=content_type_of(obj), object_id=obj.pk, user=user).delete()
    return bool(deleted)


def follow_quietly(user, obj):
    """Follow without asking the rules (commenting on an object makes its author a follower)."""
    return _create(user, obj)


def is_following(user, obj):
    if user is None or not user.is_authenticated:
        return False
    return Follow.objects.filter(content_type=content_type_of(obj), object_id=obj.pk, user=user).exists()


def _create(user, obj):
    try:
        # A savepoint: the unique constraint refuses a second row without breaking the caller's transaction.
        with transaction.atomic():
            Follow.objects.create(user=user, **target_fields(obj))
    except IntegrityError:
        return False
    return True
