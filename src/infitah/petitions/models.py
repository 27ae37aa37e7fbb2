"""Petitions to a council: by citizens through an agent, or by an association; their signatures, deposit, the
bureau's admissibility ruling and the council's decision (organic laws 111-14, 112-14, 113-14).

A signer's national ID number is never kept: only a keyed hash scoped to the petition (one signature per person
per petition) and its masked form for the bureau's list. Who signed is never public; the counts are.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from infitah.core.models import Timestamped
from infitah.petitions import states, thresholds


class PetitionKind(models.TextChoices):
    CITIZENS = states.CITIZENS, _("Citizens' petition (through an agent)")
    ASSOCIATION = states.ASSOCIATION, _("Association's petition")


class Stage(models.TextChoices):
    DRAFT = states.DRAFT, pgettext_lazy("petition", "Draft")
    COLLECTING = states.COLLECTING, _("Collecting signatures")
    DEPOSITED = states.DEPOSITED, _("Deposited: admissibility under review")
    ADMISSIBLE = states.ADMISSIBLE, _("Admissible: on the council's agenda")
    INADMISSIBLE = states.INADMISSIBLE, pgettext_lazy("petition", "Inadmissible")
    DECIDED = states.DECIDED, _("Decided by the council")
    WITHDRAWN = states.WITHDRAWN, pgettext_lazy("petition", "Withdrawn")


class CouncilDecision(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted by the council")
    REJECTED = "rejected", _("Rejected by the council")


class SignatureBasis(models.TextChoices):
    """Why the signer may sign (LAW.md): residence in the collectivity, or an activity carried on there."""

    RESIDENCE = "residence", _("I live in this collectivity")
    ACTIVITY = "activity", _("I carry on an economic, commercial or professional activity there")


class ThresholdRule(models.Model):
    """A band of the law's signature thresholds (petitions.thresholds.Band), shipped as data and editable."""

    kind = models.CharField(
        _("kind of collectivity"),
        max_length=16,
        choices=[
            (thresholds.REGION, _("Region")),
            (thresholds.PROVINCE, _("Prefecture or province")),
            (thresholds.COMMUNE, _("Commune")),
        ],
    )
    population_min = models.PositiveIntegerField(_("population from"), null=True, blank=True)
    population_max = models.PositiveIntegerField(_("population up to"), null=True, blank=True)
    arrondissements = models.BooleanField(
        _("communes with arrondissements"),
        null=True,
        blank=True,
        help_text=_("Empty: any commune. Yes or no: only communes with (without) arrondissements."),
    )
    signatures = models.PositiveIntegerField(_("signatures required"))
    province_share = models.PositiveSmallIntegerField(_("share required in each prefecture/province (%)"), default=0)
    effective_from = models.DateField(_("effective from"))
    source = models.CharField(_("legal source"), max_length=200)
    to_verify = models.BooleanField(_("to verify against the official text"), default=False)

    class Meta:
        verbose_name = _("signature threshold")
        verbose_name_plural = _("signature thresholds")
        ordering = ["kind", "population_min", "effective_from"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.signatures}"

    def as_band(self) -> thresholds.Band:
        return thresholds.Band(
            kind=self.kind,
            signatures=self.signatures,
            source=self.source,
            population_min=self.population_min,
            population_max=self.population_max,
            arrondissements=self.arrondissements,
            province_share=self.province_share,
            effective_from=self.effective_from,
            to_verify=self.to_verify,
        )


class Petition(Timestamped):
    created_at_label = _("drafted at")

    collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("council petitioned"),
        on_delete=models.PROTECT,
        related_name="petitions",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=PetitionKind.choices)
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("agent"),
        on_delete=models.PROTECT,
        related_name="petitions_as_agent",
        help_text=_("The person who drafts, deposits and answers for the petition (the law's agent)."),
    )
    association = models.ForeignKey(
        "accounts.Association",
        verbose_name=_("association"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="petitions",
    )
    co_initiators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("co-initiators"), blank=True, related_name="petitions_co_initiated"
    )
    title = models.CharField(_("title"), max_length=200)
    subject = models.TextField(_("what the council is asked to do"), max_length=3000)
    reasons = models.TextField(_("reasons"), max_length=5000)
    objectives = models.TextField(_("objectives"), max_length=5000)
    respects_constitution = models.BooleanField(
        _("does not touch the constants of article 1 of the Constitution"), default=False
    )
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices, default=Stage.DRAFT)
    opened_on = models.DateField(_("open for signatures since"), null=True, blank=True)
    deposited_on = models.DateField(_("deposited on"), null=True, blank=True)
    receipt_number = models.CharField(_("receipt number"), max_length=40, unique=True, null=True, blank=True)
    signatures_at_deposit = models.PositiveIntegerField(_("signatures at deposit"), null=True, blank=True)
    admissibility_on = models.DateField(_("admissibility ruled on"), null=True, blank=True)
    admissibility_reasons = models.TextField(_("reasons of the ruling"), max_length=5000, blank=True)
    session_month = models.DateField(
        _("ordinary session"), null=True, blank=True, help_text=_("The first day of the session's month.")
    )
    committee = models.CharField(_("competent committee"), max_length=200, blank=True)
    decision = models.CharField(_("council's decision"), max_length=16, choices=CouncilDecision.choices, blank=True)
    decision_on = models.DateField(_("decided on"), null=True, blank=True)
    decision_text = models.TextField(_("the decision"), max_length=10000, blank=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    is_illustrative = models.BooleanField(
        _("illustrative"), default=False, help_text=_("Demo data: this petition illustrates the platform.")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["collectivity", "stage"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind=states.CITIZENS, association__isnull=True)
                | models.Q(kind=states.ASSOCIATION, association__isnull=False),
                name="petition_association_iff_association_kind",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("petitions:petition", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.stage in states.PUBLIC


class AssociationEligibility(Timestamped):
    """What shows that an association may petition this council (LAW.md), checked when it deposits: constituted
    more than 3 years before, a seat or branch in the collectivity, an activity related to the subject."""

    petition = models.OneToOneField(Petition, on_delete=models.CASCADE, related_name="eligibility")
    constituted_on = models.DateField(_("constituted on"))
    seat_or_branch = models.CharField(_("seat or branch in the collectivity"), max_length=300)
    related_activity = models.TextField(_("activity related to the subject"), max_length=3000)
    in_good_standing = models.BooleanField(_("in good standing and run democratically per its statutes"))

    class Meta:
        verbose_name = _("association's eligibility")
        verbose_name_plural = _("associations' eligibility")


class Signature(Timestamped):
    """One person's signature. `id_hash` is the keyed hash of the national ID number within this petition
    (core.identity.identity_hash); `id_masked` its masked form for the bureau's list. The number itself is never
    stored. Withdrawing a signature before deposit deletes the row."""

    created_at_label = _("signed at")

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="signatures")
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="petition_signatures")
    full_name = models.CharField(_("full name"), max_length=150)
    id_hash = models.CharField(max_length=64, editable=False)
    id_masked = models.CharField(_("national ID card number (masked)"), max_length=16, editable=False)
    basis = models.CharField(_("why you may sign"), max_length=16, choices=SignatureBasis.choices)
    commune = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Where you live, or where you carry on your activity."),
    )
    # The prefecture/province of that commune, kept to count a region's 5% per province without walking the tree.
    province = models.ForeignKey(
        "territories.Collectivity", on_delete=models.PROTECT, null=True, related_name="+", editable=False
    )

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["petition", "id_hash"], name="one_signature_per_id_per_petition"),
            models.UniqueConstraint(fields=["petition", "signer"], name="one_signature_per_account_per_petition"),
        ]
        indexes = [models.Index(fields=["petition", "province"])]

    def __str__(self):
        return f"{self.petition_id}: {self.id_masked}"


class PetitionEvent(Timestamped):
    """The petition's public history: one line per act, with its date and, for rulings, the reasons."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="events")
    act = models.CharField(_("act"), max_length=16)
    stage_from = models.CharField(_("from"), max_length=16, blank=True)
    stage_to = models.CharField(_("to"), max_length=16, choices=Stage.choices)
    on = models.DateField(pgettext_lazy("event", "date"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("petition history entry")
        verbose_name_plural = _("petition history")
        ordering = ["on", "created_at", "pk"]
