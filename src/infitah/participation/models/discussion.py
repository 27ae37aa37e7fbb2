from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from infitah.core.models import Timestamped
from infitah.participation.models.base import Hideable, TargetedModel
from infitah.participation.text import COMMENT_MAX_LENGTH


class Comment(TargetedModel, Hideable, Timestamped):
    """A comment on any registered object, or a reply to another comment on the same object."""

    parent = models.ForeignKey(
        "self", verbose_name=_("in reply to"), on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    created_at_label = _("written at")
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    # Its direct replies, hidden ones included (they keep their place): kept in step by participation.threads, so a
    # page says "show 12 more replies" without counting them.
    reply_count = models.PositiveIntegerField(default=0, editable=False)

    class Meta(TargetedModel.Meta):
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [
            *TargetedModel.Meta.indexes,
            models.Index(fields=["created_at"], name="comment_created_at"),
            # A page of a thread: the comments of one object that answer no other, in order.
            models.Index(fields=["content_type", "object_id", "parent", "created_at"], name="comment_thread_order"),
        ]

    def __str__(self):
        return self.body[:60] if not self.is_hidden else str(_("hidden comment"))

    def get_absolute_url(self):
        """The comment in its page (the target loaded once, or prefetched by the lists)."""
        from infitah.participation.targets import url_of

        place = url_of(self.target) if self.target is not None else ""
        # `?comment=` makes the thread open at the page that holds it, however long the thread.
        return f"{place}?comment={self.pk}#comment-{self.pk}" if place else ""


class CommentTally(models.Model):
    """How many visible comments an object has, kept in step with every comment written, hidden, restored or
    deleted (in the same transaction), so that no page counts a whole thread to say "5,000 comments"."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    visible = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("comment count")
        verbose_name_plural = _("comment counts")
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id"], name="one_tally_per_object")]

    def __str__(self):
        return f"{self.content_type_id}#{self.object_id}: {self.visible}"
