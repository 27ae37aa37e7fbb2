from django.conf import settings
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

    class Meta(TargetedModel.Meta):
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [*TargetedModel.Meta.indexes, models.Index(fields=["created_at"], name="comment_created_at")]

    def __str__(self):
        return self.body[:60] if not self.is_hidden else str(_("hidden comment"))

    def get_absolute_url(self):
        """The comment in its page (the target loaded once, or prefetched by the lists)."""
        from infitah.participation.targets import url_of

        place = url_of(self.target) if self.target is not None else ""
        return f"{place}#comment-{self.pk}" if place else ""
