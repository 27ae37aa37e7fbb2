"""Openness programs (برامج الانفتاح): axes → commitments → milestones, versions, phases and council adoption.

The live rows (axes, commitments, milestones) are the draft that staff edit. Publishing freezes a ProgramVersion
holding a JSON snapshot of them; a published version never changes again. The council adopts one published
version, which becomes the program's reference.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from infitah.core.arabic import normalise
from infitah.core.models import Timestamped
from infitah.core.principles import Principle
from infitah.core.translation import TranslatedField, tr
from infitah.programs.phases import PUBLIC_PHASES, REASON_MAX_LENGTH, Phase


class ProgramQuerySet(models.QuerySet):
    def public(self):
        return self.filter(phase__in=[phase.value for phase in PUBLIC_PHASES])

    def not_public(self):
        """The programs `public()` leaves out (in preparation): one table, no subquery."""
        return self.exclude(phase__in=[phase.value for phase in PUBLIC_PHASES])


class Program(Timestamped):
    collectivity = models.ForeignKey(
        "territories.Collectivity", verbose_name=_("collectivity"), on_delete=models.PROTECT, related_name="programs"
    )
    title = TranslatedField(_("title"), max_length=300, help_text=_("e.g. Openness program of the region 2024–2026"))
    summary = TranslatedField(_("summary"), multiline=True, blank=True, max_length=5000)
    phase = models.CharField(
        _("phase"), max_length=32, choices=Phase.choices, default=Phase.PREPARATION, editable=False
    )
    phase_changed_at = models.DateTimeField(_("phase changed at"), null=True, blank=True, editable=False)
    reference_version = models.ForeignKey(
        "ProgramVersion",
        verbose_name=_("reference version"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text=_("The version adopted by the council, which monitoring follows."),
    )

    objects = ProgramQuerySet.as_manager()

    class Meta:
        verbose_name = _("openness program")
        verbose_name_plural = _("openness programs")
        ordering = ["-created_at", "pk"]

    def __str__(self):
        return str(tr(self.title))

    def get_absolute_url(self):
        return reverse("programs:detail", args=[self.pk])

    @property
    def is_public(self):
        return self.phase in PUBLIC_PHASES

    @property
    def is_closed(self):
        return self.phase == Phase.CLOSED

    def get_phase(self):
        return Phase(self.phase)


class PhaseDates(models.Model):
    """The planned dates of one phase; the actual dates come from the recorded transitions."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="phase_dates")
    phase = models.CharField(_("phase"), max_length=32, choices=Phase.choices)
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)

    class Meta:
        verbose_name = _("planned dates of a phase")
        verbose_name_plural = _("planned dates of the phases")
        constraints = [models.UniqueConstraint(fields=["program", "phase"], name="one_plan_per_phase")]

    def __str__(self):
        return str(Phase(self.phase).label)

    def clean(self):
        if self.planned_start and self.planned_end and self.planned_end < self.planned_start:
            raise ValidationError({"planned_end": _("The planned end comes before the planned start.")})


class PhaseTransition(models.Model):
    """One move of a program from a phase to another: the public timeline."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="transitions")
    from_phase = models.CharField(_("from"), max_length=32, choices=Phase.choices)
    to_phase = models.CharField(_("to"), max_length=32, choices=Phase.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    reason = TranslatedField(_("reason"), multiline=True, max_length=REASON_MAX_LENGTH)

    class Meta:
        verbose_name = _("phase change")
        verbose_name_plural = _("phase changes")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{Phase(self.from_phase).label} → {Phase(self.to_phase).label}"

    @property
    def is_step_back(self):
        from infitah.programs.phases import is_step_back

        return is_step_back(self.from_phase, self.to_phase)


class Axis(models.Model):
    """An axis (محور) of the program, grouping commitments."""

    program = models.ForeignKey(Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="axes")
    key = models.UUIDField(default=uuid.uuid4, editable=False, help_text="Stable across versions, to match diffs.")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = TranslatedField(_("title"), max_length=300)
    description = TranslatedField(_("description"), multiline=True, blank=True, max_length=5000)

    class Meta:
        verbose_name = _("axis")
        verbose_name_plural = _("axes")
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["program", "key"], name="axis_key_unique_in_program")]

    def __str__(self):
        return str(tr(self.title))


def validate_principles(value):
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Choose at least one openness principle."), code="principles_required")
    unknown = [item for item in value if item not in Principle.values]
    if unknown:
        raise ValidationError(
            _("Unknown openness principle: %(value)s."), params={"value": ", ".join(map(str, unknown))}, code="invalid"
        )
    if len(set(value)) != len(value):
        raise ValidationError(_("Each principle may be chosen only once."), code="duplicate")


class PrinciplesField(models.JSONField):
    """A list of openness principles (core.principles.Principle), shown as checkboxes in forms."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("validators", [validate_principles])
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        from django import forms

        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": Principle.choices,
            "widget": forms.CheckboxSelectMultiple,
            "required": not self.blank,
            "label": self.verbose_name,
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        form_class = defaults.pop("form_class")
        return form_class(**defaults)

    def validate(self, value, model_instance):
        # Choices are checked by the validator; JSONField's own validation would compare the list to choices.
        for validator in self.validators:
            validator(value)


class CommitmentQuerySet(models.QuerySet):
    def public(self):
        return self.filter(program__phase__in=[phase.value for phase in PUBLIC_PHASES])

    def with_principle(self, principle):
        # JSON lists are matched as text on SQLite and PostgreSQL alike; the quotes keep the match exact.
        return self.filter(principles__icontains=f'"{principle}"')


class Commitment(models.Model):
    """What the collectivity commits to do, with whom, by when, and how progress will be seen (OGP practice)."""

    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="commitments", editable=False
    )
    axis = models.ForeignKey(Axis, verbose_name=_("axis"), on_delete=models.CASCADE, related_name="commitments")
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = TranslatedField(_("title"), max_length=300)
    problem = TranslatedField(_("problem addressed"), multiline=True, blank=True, max_length=5000)
    description = TranslatedField(_("what it does"), multiline=True, blank=True, max_length=5000)
    activities = TranslatedField(_("activities"), multiline=True, blank=True, max_length=5000)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    lead_unit = TranslatedField(
        _("lead unit"), max_length=300, blank=True, help_text=_("The department of the collectivity that leads it.")
    )
    associations = models.ManyToManyField(
        "accounts.Association",
        verbose_name=_("associations (co-owners)"),
        blank=True,
        related_name="program_commitments",
        help_text=_("Verified associations that carry the commitment with the collectivity."),
    )
    other_actors = TranslatedField(
        _("other supporting actors"),
        multiline=True,
        blank=True,
        max_length=2000,
        help_text=_("Actors that are not on the platform: services of the State, universities, companies…"),
    )
    principles = PrinciplesField(_("openness principles advanced"))
    expected_results = TranslatedField(_("expected results"), multiline=True, blank=True, max_length=5000)
    indicators = TranslatedField(_("indicators"), multiline=True, blank=True, max_length=5000)
    budget_estimate = models.DecimalField(
        _("budget estimate (MAD)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    adapted_from = models.ForeignKey(
        "self",
        verbose_name=_("adapted from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="adaptations",
    )
    # Who is credited, written at copy time so the credit survives the source being edited or deleted.
    adapted_from_credit = models.JSONField(default=dict, blank=True, editable=False)
    search_key = models.TextField(editable=False, blank=True)

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["program", "key"], name="commitment_key_unique_in_program")]

    def __str__(self):
        return str(tr(self.title))

    def save(self, *args, **kwargs):
        if self.axis_id:
            self.program_id = self.axis.program_id
        texts = [self.title, self.problem, self.description, self.activities, self.lead_unit]
        self.search_key = " ".join(normalise(text) for value in texts for _lang, text in sorted((value or {}).items()))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("programs:commitment", args=[self.pk])

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date comes before the start date.")})

    @property
    def principle_labels(self):
        return [Principle(value).label for value in self.principles if value in Principle.values]


class Milestone(models.Model):
    commitment = models.ForeignKey(
        Commitment, verbose_name=_("commitment"), on_delete=models.CASCADE, related_name="milestones"
    )
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = TranslatedField(_("title"), max_length=300)
    due_date = models.DateField(_("due date"))
    deliverable = TranslatedField(_("deliverable"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["order", "due_date", "pk"]

    def __str__(self):
        return str(tr(self.title))

    def clean(self):
        try:
            commitment = self.commitment
        except Commitment.DoesNotExist:
            commitment = None
        if commitment is None or not self.due_date or not commitment.start_date or not commitment.end_date:
            return
        if not commitment.start_date <= self.due_date <= commitment.end_date:
            raise ValidationError(
                {
                    "due_date": _("The due date must fall within the commitment's dates (%(start)s to %(end)s).")
                    % {"start": commitment.start_date.isoformat(), "end": commitment.end_date.isoformat()}
                }
            )


class VersionFrozen(Exception):
    """A published version was asked to change."""


class ProgramVersionQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise VersionFrozen(_("A published version cannot be changed."))

    def without_snapshot(self):
        return self.defer("snapshot")


class ProgramVersion(models.Model):
    """A published, frozen state of the program's draft."""

    program = models.ForeignKey(Program, verbose_name=_("program"), on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("number"))
    note = TranslatedField(_("note"), multiline=True, blank=True, max_length=2000, help_text=_("What changed and why."))
    phase = models.CharField(_("phase at publication"), max_length=32, choices=Phase.choices)
    snapshot = models.JSONField(_("snapshot"))
    published_at = models.DateTimeField(_("published at"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("published by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = ProgramVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("published version")
        verbose_name_plural = _("published versions")
        ordering = ["program", "number"]
        constraints = [models.UniqueConstraint(fields=["program", "number"], name="one_number_per_version")]

    def __str__(self):
        return gettext("Version %(number)d") % {"number": self.number}

    def save(self, *args, **kwargs):
        if self.pk is not None or not self._state.adding:
            raise VersionFrozen(_("A published version cannot be changed: edit the draft and publish a new version."))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("programs:version", args=[self.program_id, self.number])

    def delete(self, *args, **kwargs):
        raise VersionFrozen(_("A published version cannot be deleted."))


class CouncilAdoption(models.Model):
    """The council's vote adopting a published version of the program."""

    program = models.ForeignKey(Program, verbose_name=_("program"), on_delete=models.PROTECT, related_name="adoptions")
    version = models.ForeignKey(
        ProgramVersion, verbose_name=_("adopted version"), on_delete=models.PROTECT, related_name="adoptions"
    )
    session_name = TranslatedField(
        _("council session"), max_length=200, help_text=_("e.g. October 2023 ordinary session")
    )
    adopted_on = models.DateField(_("adopted on"))
    decision_number = models.CharField(_("decision number"), max_length=100)
    votes_for = models.PositiveIntegerField(_("votes for"))
    votes_against = models.PositiveIntegerField(_("votes against"))
    votes_abstain = models.PositiveIntegerField(_("abstentions"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("council adoption")
        verbose_name_plural = _("council adoptions")
        ordering = ["adopted_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(votes_for__gt=models.F("votes_against")), name="adoption_majority"
            )
        ]

    def __str__(self):
        return f"{tr(self.session_name)} — {self.decision_number}"
