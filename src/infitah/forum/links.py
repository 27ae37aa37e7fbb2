"""What a thread links to: a commitment, an event, or a practice of the good-practice library.

The practices app is optional: while it is not installed (`apps.is_installed("infitah.practices")`) a thread keeps
no practice and the form offers none. A linked object is shown only when the reader may see it (core.visibility),
and a thread may only link what everyone may see, since the thread itself may be public.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from infitah.core.visibility import sees

PRACTICES = "infitah.practices"
# A variable, not a literal: the type checker resolves literal model names, and this app may be absent.
PRACTICE_MODEL = ("practices", "Practice")


def practices_installed() -> bool:
    return apps.is_installed(PRACTICES)


def linkable_practices() -> QuerySet | None:
    """The published practices (None while the practices app is not installed)."""
    if not practices_installed():
        return None
    practice: Any = apps.get_model(*PRACTICE_MODEL)
    published = getattr(practice.objects, "published", None)
    practices = published() if published is not None else practice.objects.filter(status="published")
    return practices.select_related("collectivity").order_by("-pk")


def practice_of(thread: Any) -> Any:
    """The thread's practice, if it still exists, is published and the practices app is installed."""
    if thread.practice_id is None:
        return None
    practices = linkable_practices()
    return practices.filter(pk=thread.practice_id).first() if practices is not None else None


def linked_objects(thread: Any, user: Any) -> list[Any]:
    """What the thread links to, that `user` may see: (kind label, object) pairs in a fixed order."""
    found = [thread.commitment, thread.event, practice_of(thread)]
    return [obj for obj in found if obj is not None and sees(user or AnonymousUser(), obj)]
