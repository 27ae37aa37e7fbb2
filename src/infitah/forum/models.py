"""The members' forum: categories, threads and their replies.

A thread's reply count and last-reply time are kept on the thread, in the transaction that adds the reply, so that
listing threads and paging a long thread cost the same whatever their size. Threads and replies are Hideable: the
moderators hide them with a reason (participation.moderation), and the reason stays where the text was.

The link to a practice is an id, not a foreign key: the practices app is optional (`apps.is_installed`), and the
forum resolves the id only when it is installed (see links.py).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infitah.core.models import CreatedAtField
from infitah.core.translation import TranslatedField, tr
from infitah.participation.models import Hideable

TITLE_MAX_LENGTH = 200
BODY_MAX_LENGTH = 20_000


class Category(models.Model):
    name = TranslatedField(_("name"), max_length=150)
    description = TranslatedField(_("description"), multiline=True, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, help_text=_("The category's part of its address."))
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    members_only = models.BooleanField(
        _("members only"),
        default=False,
        help_text=_("Read only by the forum's members when ticked; otherwise everyone reads it."),
    )

    class Meta:
        verbose_name = _("forum category")
        verbose_name_plural = _("forum categories")
        ordering = ["order", "slug"]

    def __str__(self):
        return str(tr(self.name))

    def get_absolute_url(self):
        return reverse("forum:category", args=[self.slug])


class ThreadQuerySet(models.QuerySet):
    def public(self):
        """Threads everyone may read: in a public category and not hidden."""
        return self.filter(category__members_only=False, is_hidden=False)


class Thread(Hideable):
    category = models.ForeignKey(Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="threads")
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    body = models.TextField(_("message"), max_length=BODY_MAX_LENGTH)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="forum_threads"
    )
    collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("written for"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_threads",
    )
    commitment = models.ForeignKey(
        "programs.Commitment",
        verbose_name=_("commitment discussed"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_threads",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event discussed"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_threads",
    )
    practice_id = models.PositiveIntegerField(_("practice discussed"), null=True, blank=True)
    is_locked = models.BooleanField(_("locked"), default=False)
    is_pinned = models.BooleanField(_("pinned"), default=False)
    reply_count = models.PositiveIntegerField(_("replies"), default=0, editable=False)
    last_reply_at = models.DateTimeField(_("last reply"), null=True, blank=True, editable=False)
    created_at = CreatedAtField(_("started at"), default=timezone.now, editable=False)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True, editable=False)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now, editable=False)
    is_illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("Demo data: this thread illustrates the platform and is not a real exchange."),
    )

    objects = ThreadQuerySet.as_manager()

    class Meta:
        verbose_name = _("forum thread")
        verbose_name_plural = _("forum threads")
        ordering = ["-is_pinned", "-last_activity_at", "-pk"]
        indexes = [models.Index(fields=["category", "-is_pinned", "-last_activity_at"], name="forum_thread_listing")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("forum:thread", args=[self.pk])


class Post(Hideable):
    """A reply in a thread."""

    thread = models.ForeignKey(Thread, verbose_name=_("thread"), on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="forum_posts"
    )
    collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("written for"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    body = models.TextField(_("message"), max_length=BODY_MAX_LENGTH)
    reply_to = models.ForeignKey(
        "self", verbose_name=_("in reply to"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = CreatedAtField(_("written at"), default=timezone.now, editable=False)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("forum reply")
        verbose_name_plural = _("forum replies")
        ordering = ["thread", "pk"]
        indexes = [models.Index(fields=["thread", "id"], name="forum_post_in_thread")]

    def __str__(self):
        return f"{self.thread} #{self.pk}"

    def get_absolute_url(self):
        return reverse("forum:post", args=[self.pk])
