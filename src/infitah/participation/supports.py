"""Supports: one per person per object, withdrawable, counted exactly however many clicks arrive at once."""

from django.db import IntegrityError, transaction

from infitah.participation.models import Support
from infitah.participation.targets import content_type_of, ensure, target_fields


def support(user, obj):
    """Record `user`'s support of `obj`. True if recorded now, False if it was already there.

    Safe under concurrency on SQLite and PostgreSQL: the database's unique constraint decides, and the
    losing insert is rolled back to its savepoint, so a double click never counts twice nor fails.
    Raises ParticipationRefused when supports are closed or not allowed.
    """
    ensure(user, "participation.support", obj, "support")
    fields = target_fields(obj)
    try:
        with transaction.atomic():
            Support.objects.create(user=user, **fields)
    except IntegrityError:
        # Only the one-support-per-person constraint means "already supported"; any other failure is a bug.
        if Support.objects.filter(user=user, **fields).exists():
            return False
        raise
    return True


def withdraw_support(user, obj):
    """Withdraw `user`'s support of `obj` (while supports are open). True if there was one."""
    ensure(user, "participation.support", obj, "support")
    deleted, _rows = Support.objects.filter(content_type=content_type_of(obj), object_id=obj.pk, user=user).delete()
    return bool(deleted)


def support_count(obj):
    return Support.objects.filter(content_type=content_type_of(obj), object_id=obj.pk).count()


def has_supported(user, obj):
    if user is None or not user.is_authenticated:
        return False
    return Support.objects.filter(content_type=content_type_of(obj), object_id=obj.pk, user=user).exists()
