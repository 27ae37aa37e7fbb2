"""Co-evaluation (التقييم المشترك): the network's assessment framework, yearly campaigns, the two parties'
assessments and their reconciliation, the openness index, and the independent-review assessment of commitments.

The framework is versioned: a version is drafted by the network coordinators, opened for campaigns, then closed
(kept, never edited, so past indices stay explainable). Each campaign assesses one member for one year against one
framework version: the collectivity's self-assessment and the designated associations' independent assessment are
each private to their party until submitted; where they differ by more than the framework's threshold the two
scores are reconciled into an agreed one with a written justification.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from infitah.core.models import Timestamped
from infitah.core.principles import Principle
from infitah.core.translation import TranslatedField, tr


class FrameworkStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("framework", "Draft")
    OPEN = "open", pgettext_lazy("framework", "Open for assessments")
    CLOSED = "closed", pgettext_lazy("framework", "Closed")


class Framework(Timestamped):
    """One version of the network's openness assessment framework."""

    version = models.PositiveSmallIntegerField(_("version"), unique=True)
    title = TranslatedField(_("title"), max_length=300)
    method = TranslatedField(
        _("method"),
        multiline=True,
        blank=True,
        max_length=20000,
        help_text=_("How scores become the index: published on the site with the index."),
    )
    status = models.CharField(_("status"), max_length=8, choices=FrameworkStatus.choices, default=FrameworkStatus.DRAFT)
    discrepancy_threshold = models.DecimalField(
        _("discrepancy threshold (points out of 100)"),
        max_digits=5,
        decimal_places=2,
        default=25,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_(
            "Where the self-assessment and the independent assessment of an indicator differ by more than this, "
            "on the indicator's scale brought to 100, the two parties reconcile them."
        ),
    )

    class Meta:
        verbose_name = _("assessment framework")
        verbose_name_plural = _("assessment frameworks")
        ordering = ["-version"]

    def __str__(self):
        return f"{tr(self.title)} (v{self.version})"

    def get_absolute_url(self):
        return reverse("evaluation:framework", args=[self.version])


class IndicatorSource(models.TextChoices):
    ENTERED = "entered", _("Entered by the assessors")
    COMPUTED = "computed", _("Computed from the platform's data")


class FrameworkIndicator(models.Model):
    """An indicator of one framework version, under one principle (the framework's dimensions)."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="indicators")
    code = models.SlugField(_("code"), max_length=60)
    principle = models.CharField(_("principle"), max_length=32, choices=Principle.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = TranslatedField(_("title"), max_length=300)
    guidance = TranslatedField(_("guidance"), multiline=True, blank=True, max_length=5000)
    evidence_expected = TranslatedField(_("evidence expected"), multiline=True, blank=True, max_length=3000)
    scale_min = models.SmallIntegerField(_("lowest score"), default=0)
    scale_max = models.SmallIntegerField(_("highest score"), default=4)
    weight = models.DecimalField(
        _("weight"), max_digits=6, decimal_places=2, default=1, validators=[MinValueValidator(0)]
    )
    source = models.CharField(
        _("source"), max_length=16, choices=IndicatorSource.choices, default=IndicatorSource.ENTERED
    )
    # For a computed indicator: the key of a registered `core.indicators.Indicator` (e.g. "consultations.answered").
    computed_key = models.CharField(_("computed from"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["framework", "principle", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="indicator_code_unique_in_framework"),
            models.CheckConstraint(condition=models.Q(scale_max__gt=models.F("scale_min")), name="indicator_scale"),
        ]

    def __str__(self):
        return str(tr(self.title))

    def clean(self):
        if self.source == IndicatorSource.COMPUTED and not self.computed_key:
            raise ValidationError({"computed_key": _("A computed indicator names the measure it is computed from.")})
        if self.scale_min is not None and self.scale_max is not None and self.scale_max <= self.scale_min:
            raise ValidationError({"scale_max": _("The highest score must be above the lowest.")})


class Campaign(Timestamped):
    """A member's yearly assessment against one framework version."""

    framework = models.ForeignKey(
        Framework, verbose_name=_("framework"), on_delete=models.PROTECT, related_name="campaigns"
    )
    collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.PROTECT,
        related_name="assessment_campaigns",
    )
    year = models.PositiveSmallIntegerField(_("year assessed"))
    opens_on = models.DateField(_("opens on"), null=True, blank=True)
    closes_on = models.DateField(_("closes on"), null=True, blank=True)
    events = models.ManyToManyField(
        "events.Event",
        verbose_name=_("evaluation events"),
        blank=True,
        related_name="assessment_campaigns",
        help_text=_("Workshops of this evaluation (e.g. the mid-term evaluation workshop)."),
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("assessment campaign")
        verbose_name_plural = _("assessment campaigns")
        ordering = ["-year", "collectivity"]
        constraints = [models.UniqueConstraint(fields=["collectivity", "year"], name="one_campaign_per_member_year")]

    def __str__(self):
        return f"{self.collectivity} — {self.year}"

    def get_absolute_url(self):
        return reverse("evaluation:campaign", args=[self.pk])


class Party(models.TextChoices):
    SELF = "self", _("Self-assessment by the collectivity")
    INDEPENDENT = "independent", _("Independent assessment by civil society")


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("assessment", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("assessment", "Submitted")


class Assessment(Timestamped):
    """One party's scores in a campaign; private to that party until submitted."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="assessments")
    party = models.CharField(_("party"), max_length=16, choices=Party.choices)
    associations = models.ManyToManyField(
        "accounts.Association",
        verbose_name=_("designated associations"),
        blank=True,
        related_name="assessments",
        help_text=_("For the independent assessment: the associations that carry it."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT, editable=False
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["campaign", "party"]
        constraints = [models.UniqueConstraint(fields=["campaign", "party"], name="one_assessment_per_party")]

    def __str__(self):
        return f"{self.campaign} — {self.get_party_display()}"

    @property
    def is_submitted(self):
        return self.status == AssessmentStatus.SUBMITTED


class Score(models.Model):
    """One party's score of one indicator, with its evidence (files are participation attachments of the score)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    indicator = models.ForeignKey(FrameworkIndicator, on_delete=models.PROTECT, related_name="scores")
    value = models.DecimalField(_("score"), max_digits=6, decimal_places=2)
    evidence = models.TextField(_("evidence"), blank=True, max_length=5000)
    evidence_links = models.JSONField(_("links to evidence"), default=list, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["indicator__principle", "indicator__order", "pk"]
        constraints = [models.UniqueConstraint(fields=["assessment", "indicator"], name="one_score_per_indicator")]

    def __str__(self):
        return f"{self.indicator}: {self.value}"


class Reconciliation(Timestamped):
    """The agreed score of an indicator whose two assessments differed beyond the threshold."""

    created_at_label = _("agreed at")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="reconciliations")
    indicator = models.ForeignKey(FrameworkIndicator, on_delete=models.PROTECT, related_name="reconciliations")
    agreed_value = models.DecimalField(_("agreed score"), max_digits=6, decimal_places=2)
    justification = models.TextField(_("justification"), max_length=5000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("reconciliation")
        verbose_name_plural = _("reconciliations")
        ordering = ["campaign", "indicator"]
        constraints = [models.UniqueConstraint(fields=["campaign", "indicator"], name="one_reconciliation")]

    def __str__(self):
        return f"{self.indicator}: {self.agreed_value}"


class IndicatorFinding(Timestamped):
    """What an evaluation event found about one indicator of a campaign."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="findings")
    indicator = models.ForeignKey(FrameworkIndicator, on_delete=models.PROTECT, related_name="findings")
    event = models.ForeignKey(
        "events.Event", verbose_name=_("event"), on_delete=models.CASCADE, related_name="indicator_findings"
    )
    text = TranslatedField(_("finding"), multiline=True, max_length=5000)

    class Meta:
        verbose_name = _("finding of an evaluation event")
        verbose_name_plural = _("findings of evaluation events")
        ordering = ["campaign", "indicator", "pk"]

    def __str__(self):
        return str(tr(self.text))[:60]


class IndexValue(models.Model):
    """A member's openness index for a year (principle blank) and its sub-score per principle, 0 to 100.

    Written when a campaign's scores are settled (`evaluation.index`); read by the dashboard and the member's page.
    `inputs` keeps what the value was computed from, so a figure can always be explained."""

    collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.CASCADE,
        related_name="index_values",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    principle = models.CharField(_("principle"), max_length=32, choices=Principle.choices, blank=True)
    value = models.DecimalField(
        _("value"), max_digits=5, decimal_places=2, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="index_values")
    campaign = models.ForeignKey(Campaign, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    inputs = models.JSONField(default=dict, blank=True)
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        verbose_name = _("openness index value")
        verbose_name_plural = _("openness index values")
        ordering = ["-year", "collectivity", "principle"]
        constraints = [
            models.UniqueConstraint(fields=["collectivity", "year", "principle"], name="one_index_value"),
            models.CheckConstraint(condition=models.Q(value__gte=0, value__lte=100), name="index_value_0_100"),
        ]
        indexes = [models.Index(fields=["year", "principle"], name="index_by_year_principle")]

    def __str__(self):
        return f"{self.collectivity} {self.year} {self.principle or 'index'}: {self.value}"


class Lens(models.TextChoices):
    """The open-government lens of the independent-review practice (LAW.md)."""

    TRANSPARENCY = "transparency", _("Transparency")
    PARTICIPATION = "participation", _("Participation")
    ACCOUNTABILITY = "accountability", _("Accountability")


class Potential(models.TextChoices):
    UNCLEAR = "unclear", _("Unclear")
    MODEST = "modest", _("Modest")
    SUBSTANTIAL = "substantial", _("Substantial")


class AssessedCompletion(models.TextChoices):
    NO_EVIDENCE = "no_evidence", _("No evidence available")
    NOT_STARTED = "not_started", _("Not started")
    LIMITED = "limited", _("Limited")
    SUBSTANTIAL = "substantial", _("Substantial")
    COMPLETE = "complete", pgettext_lazy("completion", "Complete")


class OpenedGovernment(models.TextChoices):
    DID_NOT = "did_not", _("Did not open government")
    MARGINAL = "marginal", _("Marginal")
    MAJOR = "major", _("Major")
    OUTSTANDING = "outstanding", _("Outstanding")


class CommitmentAssessment(Timestamped):
    """The independent-review assessment of one commitment of an adopted program (LAW.md's scales)."""

    program = models.ForeignKey(
        "programs.Program", verbose_name=_("program"), on_delete=models.CASCADE, related_name="commitment_assessments"
    )
    commitment_key = models.UUIDField(_("commitment"))
    campaign = models.ForeignKey(
        Campaign, on_delete=models.SET_NULL, null=True, blank=True, related_name="commitment_assessments"
    )
    verifiable = models.BooleanField(_("verifiable"))
    # The open-government lens: which of transparency, participation, accountability the commitment serves.
    lens = models.JSONField(_("open-government lens"), default=list, blank=True)
    potential = models.CharField(_("potential for results"), max_length=16, choices=Potential.choices)
    completion = models.CharField(_("completion"), max_length=16, choices=AssessedCompletion.choices)
    opened_government = models.CharField(
        _("did it open government?"), max_length=16, choices=OpenedGovernment.choices, blank=True
    )
    justification = models.TextField(_("justification"), max_length=5000)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("commitment assessment")
        verbose_name_plural = _("commitment assessments")
        ordering = ["program", "commitment_key", "-created_at"]

    def __str__(self):
        return f"{self.commitment_key}: {self.get_completion_display()}"

    @property
    def lens_labels(self):
        labels = dict(Lens.choices)
        return [str(labels.get(lens, lens)) for lens in self.lens or []]
