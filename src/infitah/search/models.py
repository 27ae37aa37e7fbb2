"""The search index: one row per searchable document and content language.

What the engines match is `title_key` and `text_key`, the normalised words of the title and text
(`infitah.search.terms.key`). The full-text index itself is engine-specific and made by the migration: on
PostgreSQL a generated `tsvector` column with a GIN index, on SQLite an FTS5 table kept in step by triggers.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Entry(models.Model):
    kind = models.CharField(_("kind"), max_length=64)
    object_id = models.BigIntegerField(_("object"))
    language = models.CharField(_("language"), max_length=8)
    collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    # The principles' values between spaces (" transparency accountability "): one LIKE filters them alike on
    # every database.
    principles = models.CharField(_("principles"), max_length=300, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    # Copies of what the sources show, written by the indexing only (never typed here): no limit of their own.
    title = models.TextField(_("title"), editable=False)
    text = models.TextField(_("text"), blank=True, editable=False)
    url = models.CharField(_("address"), max_length=500)
    title_key = models.TextField(editable=False)
    text_key = models.TextField(editable=False)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [
            models.Index(fields=["kind", "object_id"], name="search_entry_document"),
            models.Index(fields=["date"], name="search_entry_date"),
        ]

    def __str__(self):
        return self.title
