from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from infitah.core.models import Timestamped


class AuditLogEntry(Timestamped):
    """One staff action: who did what to which object, when, and which fields changed.

    The actor's and the object's names are copied, so the entry still reads right after either is deleted;
    the entry is never changed once written.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    actor_repr = models.CharField(_("by (as recorded)"), max_length=200, blank=True)
    action = models.CharField(_("action"), max_length=64, db_index=True)
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("kind of object"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    target_repr = models.CharField(_("object"), max_length=200, blank=True)
    collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    changes = models.JSONField(_("changes"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    created_at_label = _("date")

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="auditlogentry_target"),
            models.Index(fields=["collectivity", "-created_at"], name="auditlogentry_scope"),
            models.Index(fields=["created_at"], name="auditlogentry_created_at"),
        ]

    def __str__(self):
        return f"{self.actor_repr}: {self.action} {self.target_repr}"
