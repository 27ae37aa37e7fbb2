"""A member collectivity's annual budget and its execution, by section, direction and chapter.

A year has at most one published budget and one draft: an import writes the draft (replacing its lines), and
publishing the draft replaces the published one — with a note saying why when one was already published, so a
published budget never changes silently.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from infitah.budgets.figures import execution_rate
from infitah.territories.models import Collectivity

FIRST_YEAR = 2000
LAST_YEAR = 2100
AMOUNT_DIGITS = 16  # up to 99 999 999 999 999.99 MAD


class BudgetStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("budget status", "Draft")
    PUBLISHED = "published", pgettext_lazy("budget status", "Published")


class Section(models.TextChoices):
    OPERATING = "operating", _("Operating (fonctionnement)")
    INVESTMENT = "investment", _("Investment (équipement)")


class Direction(models.TextChoices):
    REVENUE = "revenue", _("Revenue")
    EXPENDITURE = "expenditure", _("Expenditure")


class BudgetQuerySet(models.QuerySet["Budget"]):
    def published(self) -> BudgetQuerySet:
        return self.filter(status=BudgetStatus.PUBLISHED)


class Budget(models.Model):
    collectivity = models.ForeignKey(
        Collectivity, on_delete=models.CASCADE, related_name="budgets", verbose_name=_("collectivity")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    status = models.CharField(_("status"), max_length=16, choices=BudgetStatus.choices, default=BudgetStatus.DRAFT)
    source_note = models.TextField(
        _("source"), blank=True, max_length=1000, help_text=_("Where the figures come from (the adopted budget…).")
    )
    republication_note = models.TextField(
        _("why it was published again"), blank=True, max_length=1000, help_text=_("Shown with a corrected budget.")
    )
    is_illustrative = models.BooleanField(_("illustrative"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = BudgetQuerySet.as_manager()

    class Meta:
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        ordering = ["collectivity", "-year", "status"]
        constraints = [
            models.UniqueConstraint(fields=["collectivity", "year", "status"], name="budgets_one_per_year_and_status")
        ]

    def __str__(self) -> str:
        return f"{self.collectivity} {self.year} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        if self.is_published:
            return reverse("budgets:year", args=[self.collectivity.code, self.year])
        return reverse("budgets:review", args=[self.collectivity.code, self.year])

    @property
    def is_published(self) -> bool:
        return self.status == BudgetStatus.PUBLISHED


class BudgetLine(models.Model):
    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="lines", verbose_name=_("budget"))
    section = models.CharField(_("section"), max_length=16, choices=Section.choices)
    direction = models.CharField(_("direction"), max_length=16, choices=Direction.choices)
    chapter_code = models.CharField(_("chapter"), max_length=20)
    label_ar = models.CharField(_("label (Arabic)"), max_length=300, blank=True)
    label_fr = models.CharField(_("label (French)"), max_length=300, blank=True)
    planned = models.DecimalField(
        _("planned (MAD)"), max_digits=AMOUNT_DIGITS, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    executed = models.DecimalField(
        _("executed (MAD)"),
        max_digits=AMOUNT_DIGITS,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("Empty until the execution is known."),
    )

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["budget", "section", "direction", "chapter_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "section", "direction", "chapter_code"], name="budgets_one_line_per_chapter"
            )
        ]

    def __str__(self) -> str:
        return f"{self.chapter_code} {self.label_fr or self.label_ar}"

    @property
    def rate(self) -> Decimal | None:
        return execution_rate(self.planned, self.executed)

    def label(self, language: str) -> str:
        """The label in Arabic for Arabic readers, else the French one (the closer to other readers), each falling
        back on the other."""
        if language == "ar":
            return self.label_ar or self.label_fr
        return self.label_fr or self.label_ar


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Being checked")
    DONE = "done", _("Imported")
    REFUSED = "refused", _("Refused: nothing imported")
    FAILED = "failed", pgettext_lazy("import status", "Failed")


class BudgetImport(models.Model):
    """One uploaded file, checked and imported by the task worker, with its progress and every error it found."""

    collectivity = models.ForeignKey(Collectivity, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    filename = models.CharField(_("file"), max_length=255)
    # The file itself (a few megabytes at most, checked before): the worker may run on another machine.
    content = models.BinaryField(editable=False)
    source_note = models.TextField(_("source"), blank=True, max_length=1000)
    language = models.CharField(max_length=8)
    status = models.CharField(max_length=16, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(100)])
    # [[line number or null for the whole file, reason in the requester's language], …]
    errors = models.JSONField(default=list, blank=True)
    imported_lines = models.PositiveIntegerField(default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now, editable=False)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("budget import")
        verbose_name_plural = _("budget imports")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.year})"

    @property
    def is_working(self) -> bool:
        return self.status in (ImportStatus.QUEUED, ImportStatus.RUNNING)
