"""Supports and follows: one row per person per object, so a double click or a race cannot count twice."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from infitah.participation.models.base import TargetedModel


class Support(TargetedModel):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("supported at"), auto_now_add=True)

    class Meta(TargetedModel.Meta):
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "user"], name="one_support_per_person")
        ]

    def __str__(self):
        return f"{self.user} → {self.content_type.model} #{self.object_id}"


class Follow(TargetedModel):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("followed since"), auto_now_add=True)

    class Meta(TargetedModel.Meta):
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "user"], name="one_follow_per_person")
        ]

    def __str__(self):
        return f"{self.user} → {self.content_type.model} #{self.object_id}"
