"""Supports: one per person per object, withdrawable, counted exactly however many clicks arrive at once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from infitah.participation.models import Support
from infitah.participation.rules import author_id_of
from infitah.participation.targets import ParticipationRefused, content_type_of, ensure, target_fields

if TYPE_CHECKING:
    from django.db.models import Model
    from django_stubs_ext import StrPromise

    from infitah.accounts.models import User
    from infitah.accounts.types import Viewer

OWN_WORK = _("You cannot support your own contribution: supports count what others think of it.")


def own_work_refusal(user: Viewer, obj: Any) -> StrPromise | None:
    """The reason `user` may not support `obj` because they wrote it, else None."""
    author_id = author_id_of(obj)
    signed_in = user is not None and user.is_authenticated
    return OWN_WORK if user is not None and signed_in and author_id is not None and author_id == user.pk else None


def support(user: User, obj: Any) -> bool:
    """Record `user`'s support of `obj`. True if recorded now, False if it was already there.

    Safe under concurrency on SQLite and PostgreSQL: the database's unique constraint decides, and the
    losing insert is rolled back to its savepoint, so a double click never counts twice nor fails.
    Raises ParticipationRefused when supports are closed or not allowed, or when `user` wrote `obj`.
    """
    ensure(user, "participation.support", obj, "support")
    refused = own_work_refusal(user, obj)
    if refused:
        raise ParticipationRefused(refused)
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


def withdraw_support(user: User, obj: Any) -> bool:
    """Withdraw `user`'s support of `obj` (while supports are open). True if there was one."""
    ensure(user, "participation.support", obj, "support")
    deleted, _rows = Support.objects.filter(content_type=content_type_of(obj), object_id=obj.pk, user=user).delete()
    return bool(deleted)


def support_count(obj: Model) -> int:
    return Support.objects.filter(content_type=content_type_of(obj), object_id=obj.pk).count()


def has_supported(user: Viewer, obj: Model) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return Support.objects.filter(content_type=content_type_of(obj), object_id=obj.pk, user=user).exists()
