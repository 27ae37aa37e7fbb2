from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from infitah.core.models import Timestamped
from infitah.participation.models.base import ModerationReason, TargetedModel
from infitah.participation.text import REASON_MAX_LENGTH


class Report(TargetedModel, Timestamped):
    """Someone signed in flags a comment or a contribution for the staff to look at."""

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reported by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=32, choices=ModerationReason.choices)
    details = models.TextField(_("details"), blank=True, max_length=REASON_MAX_LENGTH)
    created_at_label = _("reported at")
    resolved_at = models.DateTimeField(_("dealt with at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dealt with by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta(TargetedModel.Meta):
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "reporter"], name="one_report_per_person")
        ]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.content_type.model} #{self.object_id})"


class ModerationAction(models.TextChoices):
    HIDDEN = "hidden", pgettext_lazy("moderation decision", "Hidden")
    RESTORED = "restored", pgettext_lazy("moderation decision", "Restored")


class ModerationLogEntry(TargetedModel, Timestamped):
    """The public record of moderation: what kind of thing, when, and why — never the hidden text itself."""

    action = models.CharField(_("action"), max_length=16, choices=ModerationAction.choices)
    category = models.CharField(_("reason"), max_length=32, choices=ModerationReason.choices, blank=True)
    explanation = models.TextField(_("explanation"), blank=True, max_length=REASON_MAX_LENGTH)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("moderator"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at_label = _("date")

    class Meta(TargetedModel.Meta):
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()} {self.content_type.model} #{self.object_id}"
