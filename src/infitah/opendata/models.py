"""The one table of the catalogue: the exports of large datasets, prepared in the background (prepared.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PreparedExportState(models.TextChoices):
    PREPARING = "preparing", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class PreparedExport(models.Model):
    """One dataset in one format and language, written to storage by a background task.

    `version` says which state of the rows the file holds (the dataset's last update, or the day for a dataset that
    records none): a newer version makes the file stale and a new one is prepared."""

    dataset = models.CharField(_("dataset"), max_length=64)
    format = models.CharField(_("format"), max_length=8)
    language = models.CharField(_("language"), max_length=8)
    version = models.CharField(_("version"), max_length=64)
    state = models.CharField(_("state"), max_length=16, choices=PreparedExportState.choices)
    file = models.CharField(_("file"), max_length=255, blank=True, help_text="Its name in the default storage.")
    rows = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    requested_at = models.DateTimeField(_("requested at"))
    prepared_at = models.DateTimeField(_("prepared at"), null=True, blank=True)

    class Meta:
        verbose_name = _("prepared export")
        verbose_name_plural = _("prepared exports")
        constraints = [
            models.UniqueConstraint(fields=["dataset", "format", "language"], name="one_export_per_dataset_format")
        ]

    def __str__(self):
        return f"{self.dataset}.{self.format} ({self.language}, {self.version})"
