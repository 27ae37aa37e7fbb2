"""Guides, methods and templates the network and its members publish, each in versions with a file per language."""

from __future__ import annotations

import os
import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from infitah.core.arabic import normalise
from infitah.core.translation import TranslatedField, tr
from infitah.programs.models import PrinciplesField


class ResourceKind(models.TextChoices):
    GUIDE = "guide", pgettext_lazy("resource", "Guide")
    METHODOLOGY = "methodology", pgettext_lazy("resource", "Methodology")
    TEMPLATE = "template", pgettext_lazy("resource", "Template")
    OTHER = "other", pgettext_lazy("resource", "Other")


class Resource(models.Model):
    title = TranslatedField(_("title"), max_length=300)
    description = TranslatedField(_("description"), multiline=True, max_length=3000)
    kind = models.CharField(_("kind"), max_length=16, choices=ResourceKind.choices, default=ResourceKind.GUIDE)
    principles = PrinciplesField(_("openness principles"), blank=True)
    publisher = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("publisher"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="resources",
        help_text=_("Empty: the network publishes it (its coordinators keep it)."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    is_illustrative = models.BooleanField(
        _("illustrative"), default=False, help_text=_("Demo data: this resource illustrates the platform.")
    )
    search_key = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return str(tr(self.title))

    def save(self, *args, **kwargs):
        texts = [self.title, self.description]
        self.search_key = " ".join(normalise(text) for value in texts for _lang, text in sorted((value or {}).items()))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("resources:detail", args=[self.pk])


class ResourceVersion(models.Model):
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="versions")
    label = models.CharField(_("version"), max_length=40, help_text=_("For example 1.0, or 2024."))
    note = models.TextField(_("what changed"), blank=True, max_length=2000)
    released_on = models.DateField(_("date of the version"), default=timezone.localdate)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("version of a resource")
        verbose_name_plural = _("versions of resources")
        ordering = ["-released_on", "-created_at", "-pk"]

    def __str__(self):
        return f"{self.resource} — {self.label}"


def resource_file_path(instance, filename):
    """A random stored name keeping only the checked extension: the uploaded name stays in `original_name`."""
    extension = os.path.splitext(filename)[1].lower().lstrip(".")[:10]
    suffix = f".{extension}" if extension.isalnum() else ""
    return f"resources/{timezone.now():%Y}/{secrets.token_urlsafe(24)}{suffix}"


class ResourceFile(models.Model):
    version = models.ForeignKey(ResourceVersion, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    file = models.FileField(_("file"), upload_to=resource_file_path, max_length=300)
    original_name = models.CharField(max_length=255, editable=False, blank=True)
    extension = models.CharField(max_length=10, editable=False, blank=True)
    mime_type = models.CharField(max_length=100, editable=False, blank=True)
    size = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("file of a resource")
        verbose_name_plural = _("files of resources")
        ordering = ["language", "pk"]
        constraints = [models.UniqueConstraint(fields=["version", "language"], name="one_file_per_language")]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("resources:download", args=[self.pk])
