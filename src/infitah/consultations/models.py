"""Public consultations on a published version of an openness program, the contributions people make during
them, and the collectivity's reasoned response to every contribution (the co-creation standard).

A consultation is about one frozen ProgramVersion, so every contribution names axes and commitments by the
stable keys of that version's snapshot: the text people commented on never changes under them.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infitah.core.documents import BackgroundDocument, DocumentStatus
from infitah.core.models import Timestamped
from infitah.core.translation import TranslatedField, tr
from infitah.participation.models.base import Hideable
from infitah.programs.models import PrinciplesField

BODY_MAX_LENGTH = 2000
TITLE_MAX_LENGTH = 200


def default_response_days():
    return getattr(settings, "INFITAH_CONSULTATION_RESPONSE_DAYS", 30)


class Consultation(Timestamped):
    program = models.ForeignKey(
        "programs.Program", verbose_name=_("program"), on_delete=models.PROTECT, related_name="consultations"
    )
    version = models.ForeignKey(
        "programs.ProgramVersion",
        verbose_name=_("consulted version"),
        on_delete=models.PROTECT,
        related_name="consultations",
        help_text=_("The published version people read and comment on."),
    )
    # The program's collectivity, kept here so lists and permissions need no join.
    collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.PROTECT,
        related_name="consultations",
        editable=False,
    )
    title = TranslatedField(_("title"), max_length=300)
    description = TranslatedField(_("what is asked"), multiline=True, blank=True, max_length=5000)
    rules = TranslatedField(
        _("participation rules"),
        multiline=True,
        blank=True,
        max_length=5000,
        help_text=_("Who may take part, how contributions are moderated and answered."),
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    accepts_proposals = models.BooleanField(_("accepts proposals of new commitments"), default=True)
    residents_only = models.BooleanField(
        _("residents only"),
        default=False,
        help_text=_(
            "Only people who declared they live in the collectivity (or verified associations seated "
            "there) may contribute."
        ),
    )
    response_days = models.PositiveSmallIntegerField(
        _("days to answer after the close"),
        default=default_response_days,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("opened by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Moved on every change to its contributions or their answers: the page's cached counts are keyed on it.
    activity_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("public consultation")
        verbose_name_plural = _("public consultations")
        ordering = ["-opens_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(closes_at__gt=models.F("opens_at")), name="consultation_dates")
        ]

    def __str__(self):
        return str(tr(self.title))

    def save(self, *args, **kwargs):
        if self.program_id:
            self.collectivity_id = self.program.collectivity_id
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("consultations:detail", args=[self.pk])

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The consultation must close after it opens.")})
        if self.version_id and self.program_id and self.version.program_id != self.program_id:
            raise ValidationError({"version": _("Choose a published version of this program.")})

    @property
    def response_due_on(self) -> datetime.date:
        from infitah.consultations.clock import response_due_on

        return response_due_on(self.closes_at, self.response_days)


class ContributionKind(models.TextChoices):
    COMMENT = "comment", _("Comment")
    PROPOSAL = "proposal", _("Proposed commitment")


class ContributorKind(models.TextChoices):
    CITIZEN = "citizen", _("Citizen")
    ASSOCIATION = "association", _("Association")


class Contribution(Hideable, Timestamped):
    """A comment on the consulted version (the whole, an axis or a commitment) or a proposed new commitment."""

    consultation = models.ForeignKey(
        Consultation, verbose_name=_("consultation"), on_delete=models.CASCADE, related_name="contributions"
    )
    collectivity = models.ForeignKey(
        "territories.Collectivity", on_delete=models.CASCADE, related_name="+", editable=False
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ContributionKind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="contributions"
    )
    association = models.ForeignKey(
        "accounts.Association",
        verbose_name=_("on behalf of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contributions",
        help_text=_("A verified association the author represents."),
    )
    # Where in the consulted version's snapshot (stable keys); both empty = about the program as a whole.
    axis_key = models.UUIDField(_("axis"), null=True, blank=True)
    commitment_key = models.UUIDField(_("commitment"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH, blank=True)
    body = models.TextField(_("text"), max_length=BODY_MAX_LENGTH)
    # A proposal's structured fields (the body holds what it does).
    problem = models.TextField(_("problem addressed"), max_length=BODY_MAX_LENGTH, blank=True)
    expected_results = models.TextField(_("expected results"), max_length=BODY_MAX_LENGTH, blank=True)
    principles = PrinciplesField(_("openness principles advanced"), blank=True)
    # What the contributor chose to tell in their profile when contributing, for the report's counts only.
    contributor_kind = models.CharField(max_length=16, choices=ContributorKind.choices, editable=False)
    contributor_gender = models.CharField(max_length=16, blank=True, editable=False)
    contributor_age_band = models.CharField(max_length=16, blank=True, editable=False)
    created_at_label = _("submitted at")
    # Its author may edit or withdraw it while the consultation is open; each change keeps a ContributionRevision.
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True, editable=False)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["consultation", "created_at"], name="contribution_by_consultation")]

    def __str__(self):
        # What names it wherever others read it (page titles, notifications, links, logs): never hidden text.
        if self.withdrawn_at:
            return str(_("withdrawn contribution"))
        if self.is_hidden:
            return str(_("hidden contribution"))
        return self.title or self.body[:60]

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    def save(self, *args, **kwargs):
        if self.consultation_id:
            self.collectivity_id = self.consultation.collectivity_id
        if not self.contributor_kind:
            self.contributor_kind = ContributorKind.ASSOCIATION if self.association_id else ContributorKind.CITIZEN
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("consultations:contribution", args=[self.consultation_id, self.pk])


class RevisionAction(models.TextChoices):
    EDITED = "edited", _("Edited by its author")
    WITHDRAWN = "withdrawn", _("Withdrawn by its author")


class ContributionRevision(models.Model):
    """The text a contribution had before its author edited or withdrew it: who, when, and the previous text.

    Read by the moderators of its collectivity only (never public); written once, never changed."""

    contribution = models.ForeignKey(
        Contribution, verbose_name=_("contribution"), on_delete=models.CASCADE, related_name="revisions"
    )
    action = models.CharField(_("change"), max_length=16, choices=RevisionAction.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("changed by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    title = models.CharField(_("previous title"), max_length=TITLE_MAX_LENGTH, blank=True)
    body = models.TextField(_("previous text"), max_length=BODY_MAX_LENGTH, blank=True)
    problem = models.TextField(_("previous problem addressed"), max_length=BODY_MAX_LENGTH, blank=True)
    expected_results = models.TextField(_("previous expected results"), max_length=BODY_MAX_LENGTH, blank=True)
    principles = PrinciplesField(_("previous openness principles"), blank=True)

    class Meta:
        verbose_name = _("contribution revision")
        verbose_name_plural = _("contribution revisions")
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()} ({self.changed_at:%Y-%m-%d %H:%M})"


class ResponseOutcome(models.TextChoices):
    RETAINED = "retained", _("Retained")
    MERGED = "merged", _("Merged")
    NOT_RETAINED = "not_retained", _("Not retained")


class Response(models.Model):
    """The collectivity's reasoned answer to one contribution."""

    contribution = models.OneToOneField(
        Contribution, verbose_name=_("contribution"), on_delete=models.CASCADE, related_name="response"
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=ResponseOutcome.choices)
    reason = TranslatedField(_("reasoned answer"), multiline=True, max_length=5000)
    # Retained or merged: the commitment of the program's draft (its stable key) that now carries it…
    commitment_key = models.UUIDField(_("commitment"), null=True, blank=True)
    # …or, merged: the other contribution it was merged with.
    merged_into = models.ForeignKey(
        Contribution,
        verbose_name=_("merged with"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_responses",
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("answered by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self):
        return str(self.get_outcome_display())


# The states of a document produced in the background, shared with the other apps' reports.
ReportStatus = DocumentStatus


class ReportDocument(BackgroundDocument):
    """A consultation report produced in the background (PDF in one language), with its visible progress; its
    fingerprint is the state of the consultation the file reflects (contributions, responses, hidings)."""

    consultation = models.ForeignKey(
        Consultation, verbose_name=_("consultation"), on_delete=models.CASCADE, related_name="report_documents"
    )
    file = models.FileField(_("file"), upload_to="consultation-reports/", blank=True)
    producer_task = "infitah.consultations.report_tasks.build_report_pdf"

    class Meta:
        verbose_name = _("consultation report")
        verbose_name_plural = _("consultation reports")
        ordering = ["-requested_at", "pk"]

    def __str__(self):
        return f"{self.consultation} ({self.language})"
