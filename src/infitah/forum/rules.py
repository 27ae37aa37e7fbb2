"""Who may read, write and moderate in the forum.

- Everyone reads the public categories and their threads; a members-only category and its threads exist only for
  the forum's members (membership.py): to others they are a 404 and are never listed, searched or served by the API.
- Members start threads and reply where they read; citizens read only.
- The network coordinators moderate: hide, lock and pin (reports and hiding go through participation's moderation,
  whose moderators of an object of no collectivity are the coordinators too).
- An author edits their own message for EDIT_WINDOW after writing it, while it is visible.
"""

from __future__ import annotations

import datetime

from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import User
from infitah.accounts.predicates import network_coordinator
from infitah.accounts.types import Viewer
from infitah.core.permissions import public, rule
from infitah.forum.membership import is_member
from infitah.forum.models import Category, Post, Thread

EDIT_WINDOW = datetime.timedelta(minutes=30)


def category_of(obj: Model | None) -> Category | None:
    if isinstance(obj, Category):
        return obj
    if isinstance(obj, Thread):
        return obj.category
    if isinstance(obj, Post):
        return obj.thread.category
    return None


def reads_category(user: Viewer, category: Category | None) -> bool:
    """A public category is everyone's; a members-only one, the members'."""
    return category is None or not category.members_only or is_member(user)


@rule("forum.view")
@public
def may_view(user: Viewer, obj: Model | None) -> bool:
    """obj: a category, a thread or a reply (hidden text is participation.read_hidden's question, not this one)."""
    return reads_category(user, category_of(obj))


@rule(
    "forum.post",
    reason=_(
        "Only the forum's members write in it: the staff and elected members of the network's collectivities, "
        "their associations and advisory bodies, and the network coordinators. Everyone else reads."
    ),
)
def may_post(user: User, obj: Model | None) -> bool:
    """Start a thread (obj: a category, or nothing) or reply (obj: a thread) where one reads."""
    if not is_member(user) or not reads_category(user, category_of(obj)):
        return False
    return not (isinstance(obj, Thread) and obj.is_hidden)


@rule("forum.moderate", reason=_("Only the network coordinators moderate the forum."))
def may_moderate(user: User, obj: Model | None) -> bool:
    """Lock, pin (hiding is participation.moderate, which answers the same for the forum's objects)."""
    return network_coordinator(user)


def within_edit_window(written_at: datetime.datetime, now: datetime.datetime) -> bool:
    return now - written_at <= EDIT_WINDOW


@rule("forum.edit", reason=_("Only its author edits a message, in the first 30 minutes and while it is visible."))
def may_edit(user: User, obj: Model | None) -> bool:
    """obj: a thread (its opening message) or a reply."""
    if not isinstance(obj, Thread | Post) or obj.author_id != user.pk or obj.is_hidden:
        return False
    return is_member(user) and within_edit_window(obj.created_at, timezone.now())
