"""Writing, publishing and withdrawing news; telling the publisher's followers when an item's time has come.

Each act is checked against `news.manage` and the status table (states.py), and written to the audit log.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import User
from infitah.core.permissions import Refused, require
from infitah.news.models import NewsItem
from infitah.news.states import NewsStatus, may_move
from infitah.participation.audit import audit, changes_between, field_values
from infitah.participation.notifications import followers_of, notify

AUDITED = ["title", "summary", "body", "principles", "image", "source_name", "source_url", "published_at", "status"]
VERB = "news_published"
# How far back the catch-up tells followers of news whose time came while no worker ran (an item published long
# ago, in the back office say, is old news: nobody is notified of it).
CATCH_UP = datetime.timedelta(days=8)


class NewsRefused(Refused):
    """A refused act on a news item, with the reason for the person."""


def save_item(user: User, item: NewsItem, *, image_type: str | None = None, remove_image: bool = False) -> NewsItem:
    require(user, "news.manage", item)
    stored = NewsItem.objects.filter(pk=item.pk).first() if item.pk else None
    before = field_values(stored, AUDITED) if stored else {}
    if remove_image and not image_type:
        item.image, item.image_type = "", ""  # a FileField takes "" for "no file"
    elif image_type:
        item.image_type = image_type
    if item.pk is None:
        item.author = user
    item.full_clean()
    with transaction.atomic():
        item.save()
        action = "news.change_item" if stored else "news.add_item"
        audit(user, action, item, changes_between(before, field_values(item, AUDITED)))
    replaced = stored.image.name if stored and stored.image else ""
    if replaced and replaced != item.image.name:
        # The old file goes once the new state is saved: a refused form never loses the image it had.
        transaction.on_commit(lambda: item.image.storage.delete(replaced))
    return item


def _move(user: User, item: NewsItem, target: str, action: str) -> NewsItem:
    require(user, "news.manage", item)
    if not may_move(item.status, target):
        raise NewsRefused(
            _("This news item cannot go from “%(current)s” to “%(target)s”.")
            % {
                "current": NewsStatus(item.status).label,
                "target": NewsStatus(target).label,
            }
        )
    before = field_values(item, AUDITED)
    item.status = target
    with transaction.atomic():
        item.save(update_fields=["status", "published_at", "updated_at"])
        audit(user, action, item, changes_between(before, field_values(item, AUDITED)))
    return item


def publish(user: User, item: NewsItem, now: datetime.datetime | None = None) -> NewsItem:
    """Publish now, or at the item's own later `published_at` (scheduled: nobody sees it before)."""
    now = now or timezone.now()
    if item.published_at is None or item.status == NewsStatus.DRAFT and item.published_at < now:
        item.published_at = now
    _move(user, item, NewsStatus.PUBLISHED, "news.publish_item")
    if item.published_at <= now:
        notify_followers(item, now)
    else:
        transaction.on_commit(lambda: _notify_later(item))
    return item


def withdraw(user: User, item: NewsItem) -> NewsItem:
    return _move(user, item, NewsStatus.WITHDRAWN, "news.withdraw_item")


def back_to_draft(user: User, item: NewsItem) -> NewsItem:
    return _move(user, item, NewsStatus.DRAFT, "news.draft_item")


def notify_followers(item: NewsItem, now: datetime.datetime | None = None) -> int:
    """Tell the followers of the publishing collectivity, once, when the item is public. Network news goes to
    everyone through the weekly digest instead (nobody follows "the network")."""
    now = now or timezone.now()
    claimed = NewsItem.objects.published(now).filter(pk=item.pk, notified_at__isnull=True).update(notified_at=now)
    if not claimed or item.collectivity_id is None:
        return 0
    return len(notify(VERB, item, actor=item.author, recipients=followers_of(item.collectivity)))


def notify_due(now: datetime.datetime | None = None) -> int:
    """Every item whose scheduled time has come (within CATCH_UP) and whose followers were not told yet."""
    now = now or timezone.now()
    due = (
        NewsItem.objects.published(now)
        .filter(notified_at__isnull=True, published_at__gte=now - CATCH_UP)
        .select_related("collectivity", "author")
    )
    return sum(notify_followers(item, now) for item in due)


def _notify_later(item: NewsItem) -> None:
    from infitah.news.tasks import notify_due_news

    try:
        notify_due_news.using(run_after=item.published_at).enqueue()
    except Exception:  # a backend without delayed runs: the weekly digest's catch-up tells them
        notify_due_news.enqueue()


def transitions_from(status: str) -> frozenset[str]:
    from infitah.news.states import TRANSITIONS

    return TRANSITIONS.get(status, frozenset())
