"""What every participation row shares: the object it is about, the collectivity it belongs to, hiding."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from infitah.participation.text import REASON_MAX_LENGTH


class TargetedModel(models.Model):
    """A row about any object (generic link), carrying that object's collectivity so permissions can be scoped
    without loading the object: staff of a collectivity see and moderate exactly its rows."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty for what belongs to the whole network."),
    )

    class Meta:
        abstract = True
        indexes = [models.Index(fields=["content_type", "object_id"], name="%(class)s_target")]


class ModerationReason(models.TextChoices):
    """Why something is reported or hidden; the same list serves both, so a report can be acted on as filed."""

    ABUSE = "abuse", _("Insult, harassment or hate")
    PERSONAL_DATA = "personal_data", _("Personal data about someone")
    SPAM = "spam", _("Advertising or spam")
    OFF_TOPIC = "off_topic", _("Off topic")
    ILLEGAL = "illegal", _("Unlawful content")
    OTHER = "other", _("Other reason")


class Hideable(models.Model):
    """Something staff may hide: its text leaves the public pages, the fact and the reason stay."""

    is_hidden = models.BooleanField(_("hidden"), default=False)
    hidden_category = models.CharField(
        _("reason for hiding"), max_length=32, choices=ModerationReason.choices, blank=True
    )
    hidden_reason = models.TextField(_("explanation"), blank=True, max_length=REASON_MAX_LENGTH)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)

    class Meta:
        abstract = True
