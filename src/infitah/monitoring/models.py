"""Co-monitoring (التتبع المشترك) of an adopted program: progress updates by staff, reviewed by civil society.

Monitoring follows the program's reference version (the one the council adopted). Its commitments and milestones
are named by their stable keys (`programs.versions` snapshots keep them), so an update stays attached to what
the council adopted even when the live draft is later edited.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from infitah.core.documents import BackgroundDocument, DocumentStatus
from infitah.core.models import Timestamped
from infitah.core.translation import TranslatedField


class Completion(models.TextChoices):
    """The completion scale of the independent-review practice (LAW.md)."""

    NOT_STARTED = "not_started", _("Not started")
    LIMITED = "limited", _("Limited")
    SUBSTANTIAL = "substantial", _("Substantial")
    COMPLETE = "complete", pgettext_lazy("completion", "Complete")


class ReviewState(models.TextChoices):
    """Where an update stands with its co-monitors; moved only by `monitoring.services`."""

    AWAITING = "awaiting", _("Awaiting review")
    CONFIRMED = "confirmed", pgettext_lazy("progress update", "Confirmed")
    CONTESTED = "contested", pgettext_lazy("progress update", "Contested")
    RESOLVED = "resolved", pgettext_lazy("progress update", "Contest answered")


class FollowUpCommittee(Timestamped):
    """The program's joint follow-up committee of elected members and civil society (LAW.md: the 2023 cycle)."""

    program = models.OneToOneField(
        "programs.Program", verbose_name=_("program"), on_delete=models.CASCADE, related_name="follow_up_committee"
    )
    mandate = TranslatedField(_("mandate"), multiline=True, blank=True, max_length=3000)
    constituted_on = models.DateField(_("constituted on"), null=True, blank=True)

    class Meta:
        verbose_name = _("follow-up committee")
        verbose_name_plural = _("follow-up committees")

    def __str__(self):
        return str(self.program)


class CommitteeSeat(models.TextChoices):
    ELECTED = "elected", _("Elected member")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    STAFF = "staff", _("Staff of the collectivity")


class CommitteeMember(models.Model):
    """One seat of the committee: a named person, with an account when they review updates on the platform."""

    committee = models.ForeignKey(FollowUpCommittee, on_delete=models.CASCADE, related_name="members")
    seat = models.CharField(_("seat"), max_length=16, choices=CommitteeSeat.choices)
    name = models.CharField(_("name"), max_length=150)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="committee_seats",
    )
    association = models.ForeignKey(
        "accounts.Association",
        verbose_name=_("association"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="committee_seats",
    )
    role = TranslatedField(_("role in the committee"), max_length=150, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name


class MilestoneWeight(models.Model):
    """How much a milestone counts in its commitment's progress (1 unless staff say otherwise)."""

    program = models.ForeignKey("programs.Program", on_delete=models.CASCADE, related_name="milestone_weights")
    milestone_key = models.UUIDField()
    weight = models.PositiveSmallIntegerField(_("weight"), default=1, validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("milestone weight")
        verbose_name_plural = _("milestone weights")
        constraints = [models.UniqueConstraint(fields=["program", "milestone_key"], name="one_weight_per_milestone")]

    def __str__(self):
        return f"{self.milestone_key}: {self.weight}"


class ProgressUpdate(Timestamped):
    """Staff's statement of where a commitment (or one of its milestones) stands on a date, with its evidence.

    Files of evidence are participation attachments of the update; links are listed here."""

    created_at_label = _("written at")

    program = models.ForeignKey(
        "programs.Program", verbose_name=_("program"), on_delete=models.CASCADE, related_name="progress_updates"
    )
    commitment_key = models.UUIDField(_("commitment"))
    milestone_key = models.UUIDField(_("milestone"), null=True, blank=True)
    as_of = models.DateField(_("as of"))
    completion = models.CharField(_("completion"), max_length=16, choices=Completion.choices)
    percent = models.PositiveSmallIntegerField(
        _("progress (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    narrative = TranslatedField(_("what was done"), multiline=True, max_length=5000)
    decrease_reason = TranslatedField(
        _("why progress went down"),
        multiline=True,
        blank=True,
        max_length=2000,
        help_text=_("Required when the progress is lower than in the previous update."),
    )
    evidence_links = models.JSONField(_("links to evidence"), default=list, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    review_state = models.CharField(
        _("review"), max_length=16, choices=ReviewState.choices, default=ReviewState.AWAITING, editable=False
    )

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-as_of", "-created_at", "-pk"]
        indexes = [
            models.Index(fields=["program", "commitment_key", "as_of"], name="update_by_commitment"),
            models.Index(fields=["review_state"], name="update_by_review_state"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(percent__lte=100), name="update_percent_at_most_100"),
        ]

    def __str__(self):
        return f"{self.as_of:%Y-%m-%d} — {self.percent}%"

    def get_absolute_url(self):
        return reverse("monitoring:update", args=[self.pk])

    @property
    def is_flagged(self):
        """Contested and not yet answered: shown flagged on the public tracker."""
        return self.review_state == ReviewState.CONTESTED


class Verdict(models.TextChoices):
    CONFIRMED = "confirmed", pgettext_lazy("review verdict", "Confirm")
    CONTESTED = "contested", pgettext_lazy("review verdict", "Contest")


class Review(Timestamped):
    """A co-monitor's verdict on an update: confirmed, or contested with a comment."""

    created_at_label = _("reviewed at")

    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    verdict = models.CharField(_("verdict"), max_length=16, choices=Verdict.choices)
    comment = models.TextField(_("comment"), blank=True, max_length=3000)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["update", "reviewer"], name="one_review_per_reviewer")]

    def __str__(self):
        return str(self.get_verdict_display())


class ContestReply(Timestamped):
    """Staff's answer to a contested update; it clears the public flag."""

    created_at_label = _("answered at")

    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("reply"), max_length=5000)

    class Meta:
        verbose_name = _("reply to a contest")
        verbose_name_plural = _("replies to contests")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]


# The states of a document produced in the background, shared with the other apps' reports.
ReportStatus = DocumentStatus


class MonitoringReport(BackgroundDocument):
    """A semester's monitoring report of a program, produced in the background (PDF in one language)."""

    program = models.ForeignKey(
        "programs.Program", verbose_name=_("program"), on_delete=models.CASCADE, related_name="monitoring_reports"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    semester = models.PositiveSmallIntegerField(_("semester"), validators=[MinValueValidator(1), MaxValueValidator(2)])
    file = models.FileField(_("file"), upload_to="monitoring-reports/", blank=True)
    producer_task = "infitah.monitoring.report_tasks.build_report_pdf"

    class Meta:
        verbose_name = _("monitoring report")
        verbose_name_plural = _("monitoring reports")
        ordering = ["-requested_at", "pk"]

    def __str__(self):
        return f"{self.program} {self.year}-S{self.semester} ({self.language})"
