from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from infitah.core.models import Timestamped
from infitah.participation.models.base import TargetedModel


class Notification(TargetedModel, Timestamped):
    """Something happened to an object a person follows (or to their own contribution)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="notifications"
    )
    verb = models.CharField(_("what happened"), max_length=64)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_read = models.BooleanField(_("read"), default=False)
    # Set when the notification went out by e-mail, alone or in a digest: it is never mailed twice.
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta(TargetedModel.Meta):
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            *TargetedModel.Meta.indexes,
            models.Index(fields=["recipient", "is_read"], name="notification_unread"),
            models.Index(fields=["recipient", "-created_at"], name="notification_inbox"),
        ]

    def __str__(self):
        return f"{self.recipient}: {self.verb}"


class EmailFrequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("One e-mail for each notification")
    DAILY = "daily", _("One e-mail a day with all of them (daily digest)")
    # Sent by `infitah send_weekly_digests` (infitah.news.digests), with the week's news of what one follows.
    WEEKLY = "weekly", _("One e-mail a week with all of them and the week's news (weekly digest)")
    NEVER = "never", _("No e-mail: I read them on the site")


class NotificationSettings(models.Model):
    """A person's e-mail preference; without a row, the default applies."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="notification_settings"
    )
    email_frequency = models.CharField(
        _("e-mail me"), max_length=16, choices=EmailFrequency.choices, default=EmailFrequency.IMMEDIATELY
    )

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self):
        return f"{self.user}: {self.email_frequency}"


class DigestLog(models.Model):
    """One row per person per day a digest was sent: the unique pair makes `send_digests` safe to rerun."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    notification_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("digest sent")
        verbose_name_plural = _("digests sent")
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="one_digest_per_person_per_day")]

    def __str__(self):
        return f"{self.user} {self.day}"
