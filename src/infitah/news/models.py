"""News: announcements of the network (no collectivity: its coordinators publish them) and of its members (their
focal point and editors), and the log of the weekly digests sent."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infitah.core.models import Timestamped
from infitah.core.translation import TranslatedField, tr
from infitah.news.states import NewsStatus, is_public
from infitah.programs.models import PrinciplesField

TITLE_MAX_LENGTH = 200
SUMMARY_MAX_LENGTH = 1500
BODY_MAX_LENGTH = 20000


def image_path(item: "NewsItem", filename: str) -> str:
    # A random name: nothing the uploader typed reaches the file system; the extension was checked by the form.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"news/{uuid.uuid4().hex}.{extension}"


class NewsQuerySet(models.QuerySet):
    def published(self, now=None) -> "NewsQuerySet":
        """What the public sees: published items whose time has come (never a draft, never a scheduled item)."""
        return self.filter(status=NewsStatus.PUBLISHED, published_at__lte=now or timezone.now())

    def of_network(self) -> "NewsQuerySet":
        return self.filter(collectivity__isnull=True)

    def with_principle(self, principle) -> "NewsQuerySet":
        # JSON lists are matched as text on SQLite and PostgreSQL alike; the quotes keep the match exact.
        return self.filter(principles__icontains=f'"{principle}"')


class NewsItem(Timestamped):
    collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("publisher"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="news_items",
        help_text=_("Empty for the network's own news, published by its coordinators."),
    )
    title = TranslatedField(_("title"), max_length=TITLE_MAX_LENGTH)
    summary = TranslatedField(_("summary"), multiline=True, max_length=SUMMARY_MAX_LENGTH, blank=True)
    body = TranslatedField(
        _("text"),
        multiline=True,
        max_length=BODY_MAX_LENGTH,
        blank=True,
        help_text=_("Plain text: an empty line starts a new paragraph; web addresses become links."),
    )
    principles = PrinciplesField(_("openness principles"), blank=True)
    image = models.FileField(_("image"), upload_to=image_path, max_length=200, blank=True)
    image_type = models.CharField(max_length=32, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=16, choices=NewsStatus.choices, default=NewsStatus.DRAFT)
    published_at = models.DateTimeField(
        _("published at"),
        null=True,
        blank=True,
        help_text=_("A later date schedules the item: nobody sees it before then."),
    )
    source_url = models.URLField(_("source address"), max_length=500, blank=True)
    source_name = models.CharField(
        _("source"), max_length=300, blank=True, help_text=_("Where the news comes from, when it is not your own.")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL, null=True, blank=True
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Set once the followers of the publisher were told (when the publication time came).
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    is_illustrative = models.BooleanField(_("illustrative"), default=False)

    objects = NewsQuerySet.as_manager()

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="news_published"),
            models.Index(fields=["collectivity", "status", "-published_at"], name="news_by_publisher"),
        ]

    def __str__(self):
        return str(tr(self.title))

    def get_absolute_url(self):
        return reverse("news:detail", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return is_public(self.status, self.published_at, timezone.now())

    @property
    def is_scheduled(self) -> bool:
        return self.status == NewsStatus.PUBLISHED and not self.is_public


class WeeklyDigestLog(models.Model):
    """One row per person per ISO week a weekly digest was sent: the unique triple makes the sending safe to rerun."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    iso_year = models.PositiveSmallIntegerField()
    iso_week = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)
    notification_count = models.PositiveIntegerField(default=0)
    news_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("weekly digest sent")
        verbose_name_plural = _("weekly digests sent")
        constraints = [
            models.UniqueConstraint(fields=["user", "iso_year", "iso_week"], name="one_weekly_digest_per_person")
        ]

    def __str__(self):
        return f"{self.user} {self.iso_year}-W{self.iso_week:02d}"
