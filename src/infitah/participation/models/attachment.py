import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infitah.core.models import Timestamped
from infitah.participation.models.base import Hideable, TargetedModel


def random_path(instance, filename):
    """A random stored name: the uploaded name is kept in the row only, never used as a path."""
    now = timezone.now()
    return f"attachments/{now:%Y/%m}/{secrets.token_urlsafe(24)}.{instance.extension}"


class Attachment(TargetedModel, Hideable, Timestamped):
    """A file attached to a registered object, checked on upload and only ever served as a download."""

    file = models.FileField(_("file"), upload_to=random_path, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    extension = models.CharField(_("type"), max_length=8)
    mime_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at_label = _("uploaded at")

    class Meta(TargetedModel.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        from infitah.participation.targets import url_of

        return url_of(self.target) if self.target is not None else ""
