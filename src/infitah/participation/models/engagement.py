"""Supports and follows: one row per person per object, so a double click or a race cannot count twice."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from infitah.core.models import Timestamped
from infitah.participation.models.base import TargetedModel


class PersonOnObject(TargetedModel, Timestamped):
    """A person's mark on an object (supporting it, following it), at most once per person and object."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta(TargetedModel.Meta):
        abstract = True
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "user"], name="one_%(class)s_per_person")
        ]

    def __str__(self):
        return f"{self.user} → {self.content_type.model} #{self.object_id}"


class Support(PersonOnObject):
    created_at_label = _("supported at")

    class Meta(PersonOnObject.Meta):
        verbose_name = _("support")
        verbose_name_plural = _("supports")


class Follow(PersonOnObject):
    created_at_label = _("followed since")

    class Meta(PersonOnObject.Meta):
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
