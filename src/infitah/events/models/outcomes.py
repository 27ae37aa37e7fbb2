"""What an event leaves behind: findings linked to the program, minutes reviews, training materials."""

import os
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infitah.core.translation import TranslatedField, tr


class Finding(models.Model):
    """A finding or conclusion (النتائج والخلاصات) of an event, tied to the axes and commitments it fed."""

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="findings")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = TranslatedField(_("finding"), multiline=True, max_length=5000)
    axes = models.ManyToManyField("programs.Axis", verbose_name=_("axes"), blank=True, related_name="event_findings")
    commitments = models.ManyToManyField(
        "programs.Commitment", verbose_name=_("commitments"), blank=True, related_name="event_findings"
    )

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["order", "pk"]

    def __str__(self):
        return str(tr(self.text))[:80]


class MinutesReview(models.Model):
    """A participant's answer to the circulated minutes: approved, or a comment asking for a change."""

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="minutes_reviews")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    approved = models.BooleanField(_("I approve the minutes"), default=False)
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("review of the minutes")
        verbose_name_plural = _("reviews of the minutes")
        ordering = ["at", "pk"]
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="one_minutes_review_per_person")]

    def __str__(self):
        return f"{self.user} — {self.event}"


def material_path(instance, filename):
    """A random stored name keeping only the checked extension: the uploaded name stays in `original_name`."""
    extension = os.path.splitext(filename)[1].lower().lstrip(".")[:10]
    suffix = f".{extension}" if extension.isalnum() else ""
    return f"events/materials/{timezone.now():%Y}/{secrets.token_urlsafe(24)}{suffix}"


class TrainingMaterial(models.Model):
    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="materials")
    title = TranslatedField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to=material_path, max_length=300)
    original_name = models.CharField(max_length=255, editable=False, blank=True)
    added_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("training material")
        verbose_name_plural = _("training materials")
        ordering = ["added_at", "pk"]

    def __str__(self):
        return str(tr(self.title))
