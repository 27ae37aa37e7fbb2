"""Council sessions, their agenda points and the decisions taken on them.

The number of members in office (`seats`) is kept on each session: a council's size changes with by-elections,
resignations and the law, and the vote counts of a session are checked against the members of that session.
"""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from infitah.core.translation import TranslatedField, tr
from infitah.council import law


class SessionKind(models.TextChoices):
    ORDINARY = law.ORDINARY, _("Ordinary session")
    EXTRAORDINARY = law.EXTRAORDINARY, _("Extraordinary session")


class SessionStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("council session", "Planned")
    HELD = "held", pgettext_lazy("council session", "Held")
    CANCELLED = "cancelled", pgettext_lazy("council session", "Cancelled")


class Outcome(models.TextChoices):
    ADOPTED = law.ADOPTED, pgettext_lazy("council decision", "Adopted")
    REJECTED = law.REJECTED, pgettext_lazy("council decision", "Rejected")
    POSTPONED = law.POSTPONED, pgettext_lazy("council decision", "Postponed")


class SessionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Session(models.Model):
    collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.PROTECT,
        related_name="council_sessions",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=SessionKind.choices, default=SessionKind.ORDINARY)
    title = TranslatedField(_("title"), max_length=300)
    opens_on = models.DateField(_("opening date"))
    closes_on = models.DateField(_("closing date"), null=True, blank=True)
    place = TranslatedField(_("place"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=SessionStatus.choices, default=SessionStatus.PLANNED)
    seats = models.PositiveSmallIntegerField(
        _("members in office"),
        validators=[MinValueValidator(1)],
        help_text=_("How many members the council has at this session: no vote may count more."),
    )
    minutes = TranslatedField(_("minutes"), multiline=True, blank=True, max_length=50000)
    is_published = models.BooleanField(_("published"), default=False)
    is_illustrative = models.BooleanField(_("illustrative"), default=False)
    reminded_at = models.DateTimeField(_("followers reminded at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("council session")
        verbose_name_plural = _("council sessions")
        ordering = ["-opens_on", "-pk"]
        indexes = [models.Index(fields=["collectivity", "opens_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__isnull=True) | models.Q(closes_on__gte=models.F("opens_on")),
                name="council_session_closes_after_opening",
            )
        ]

    def __str__(self):
        return str(tr(self.title))

    def get_absolute_url(self) -> str:
        return reverse("council:session", args=[self.pk])


class AgendaPoint(models.Model):
    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="agenda_points"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    title = TranslatedField(_("title"), max_length=500)
    description = TranslatedField(_("description"), multiline=True, blank=True, max_length=10000)
    petition = models.ForeignKey(
        "petitions.Petition",
        verbose_name=_("petition"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="council_agenda_points",
    )
    program = models.ForeignKey(
        "programs.Program",
        verbose_name=_("program for adoption"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="council_agenda_points",
    )

    class Meta:
        verbose_name = _("agenda point")
        verbose_name_plural = _("agenda points")
        ordering = ["session", "order", "pk"]

    def __str__(self):
        return str(tr(self.title))

    def get_absolute_url(self) -> str:
        return reverse("council:session", args=[self.session_id]) + f"#point-{self.pk}"


class DecisionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(session__is_published=True)


class Decision(models.Model):
    session = models.ForeignKey(Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="decisions")
    agenda_point = models.ForeignKey(
        AgendaPoint,
        verbose_name=_("agenda point"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
    )
    # The session's collectivity and the decision's year, kept on the row so that the number is unique per both.
    collectivity = models.ForeignKey(
        "territories.Collectivity", verbose_name=_("collectivity"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    number = models.CharField(_("decision number"), max_length=100)
    title = TranslatedField(_("title"), max_length=500)
    text = TranslatedField(_("text of the decision"), multiline=True, blank=True, max_length=50000)
    decided_on = models.DateField(_("date of the decision"))
    votes_for = models.PositiveSmallIntegerField(_("votes for"), default=0)
    votes_against = models.PositiveSmallIntegerField(_("votes against"), default=0)
    votes_abstain = models.PositiveSmallIntegerField(_("abstentions"), default=0)
    postponed = models.BooleanField(_("postponed"), default=False, help_text=_("The council deferred the point."))
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, editable=False)
    adoption = models.OneToOneField(
        "programs.CouncilAdoption",
        verbose_name=_("adoption of a program"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="council_decision",
    )
    is_illustrative = models.BooleanField(_("illustrative"), default=False)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("council decision")
        verbose_name_plural = _("council decisions")
        ordering = ["-decided_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["collectivity", "year", "number"],
                name="council_decision_number_unique_per_year",
                violation_error_message=_("This collectivity already has a decision with this number this year."),
            )
        ]

    def __str__(self):
        return f"{self.number} — {tr(self.title)}"

    def save(self, *args, **kwargs):
        # The outcome follows the votes (law.outcome), and the number's year and collectivity follow the session.
        self.outcome = law.outcome(self.votes_for, self.votes_against, self.votes_abstain, postponed=self.postponed)
        self.year = self.decided_on.year
        if self.session_id:
            self.collectivity_id = self.session.collectivity_id
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("council:decision", args=[self.pk])

    @property
    def votes_total(self) -> int:
        return self.votes_for + self.votes_against + self.votes_abstain
