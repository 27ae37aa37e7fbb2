"""The life of a news item, as a pure table: written as a draft, published (possibly for a later date), withdrawn.

A withdrawn item may go back to draft, to be corrected and published again; nothing else moves.
"""

from django.db import models
from django.utils.translation import pgettext_lazy


class NewsStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("news status", "Draft")
    PUBLISHED = "published", pgettext_lazy("news status", "Published")
    WITHDRAWN = "withdrawn", pgettext_lazy("news status", "Withdrawn")


TRANSITIONS: dict[str, frozenset[str]] = {
    NewsStatus.DRAFT: frozenset({NewsStatus.PUBLISHED}),
    NewsStatus.PUBLISHED: frozenset({NewsStatus.WITHDRAWN}),
    NewsStatus.WITHDRAWN: frozenset({NewsStatus.DRAFT}),
}


def may_move(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


def is_public(status: str, published_at, now) -> bool:
    """Shown to the public: published, and its publication time has come (a scheduled item waits)."""
    return status == NewsStatus.PUBLISHED and published_at is not None and published_at <= now
