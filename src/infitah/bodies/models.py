"""Advisory bodies of a collectivity (organic laws 111-14 art. 117, 113-14 art. 120)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from infitah.core.translation import TranslatedField, tr


class BodyKind(models.TextChoices):
    YOUTH = "youth", _("Youth public policies")
    EQUALITY = "equality", _("Equality, equal opportunity and gender approach")
    ECONOMIC = "economic", _("Economic development")
    OTHER = "other", _("Other")


class AdvisoryBody(models.Model):
    collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.CASCADE,
        related_name="advisory_bodies",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=BodyKind.choices)
    name = TranslatedField(_("name"), max_length=300)
    legal_basis = TranslatedField(
        _("legal basis"), max_length=200, blank=True, help_text=_("e.g. organic law 111-14, art. 117")
    )

    class Meta:
        verbose_name = _("advisory body")
        verbose_name_plural = _("advisory bodies")
        ordering = ["collectivity", "kind", "pk"]

    def __str__(self):
        return str(tr(self.name))
