"""Territorial collectivities, the network of open collectivities, its charter and partners."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Value
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from infitah.core.arabic import normalise
from infitah.core.translation import TranslatedField, tr


class CollectivityKind(models.TextChoices):
    REGION = "region", _("Region")
    PROVINCE = "province", _("Prefecture or province")
    COMMUNE = "commune", _("Commune")


class ProvinceType(models.TextChoices):
    PREFECTURE = "prefecture", _("Prefecture")
    PROVINCE = "province", _("Province")


# Which kind of collectivity may sit under which (a commune belongs to a prefecture or province,
# which belongs to a region).
PARENT_KIND = {
    CollectivityKind.REGION: None,
    CollectivityKind.PROVINCE: CollectivityKind.REGION,
    CollectivityKind.COMMUNE: CollectivityKind.PROVINCE,
}


class CollectivityQuerySet(models.QuerySet):
    def within_region(self, region):
        return self.filter(models.Q(pk=region.pk) | models.Q(parent=region) | models.Q(parent__parent=region))

    def ordered_by_name(self, lang):
        name = Coalesce(NullIf(KT(f"name__{lang}"), Value("")), KT("name__ar"), KT("name__fr"))
        return self.order_by(name.asc(), "code")


class Collectivity(models.Model):
    kind = models.CharField(_("kind"), max_length=16, choices=CollectivityKind.choices)
    province_type = models.CharField(
        _("prefecture or province"),
        max_length=16,
        choices=ProvinceType.choices,
        blank=True,
        help_text=_("Only for collectivities of the prefecture/province kind."),
    )
    code = models.CharField(
        _("official code"),
        max_length=32,
        unique=True,
        help_text=_("The collectivity's official geographic code, used by imports to recognise it."),
    )
    name = TranslatedField(_("name"), max_length=200, required_languages=["ar", "fr"])
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    census_year = models.PositiveSmallIntegerField(_("census year"), null=True, blank=True)
    has_arrondissements = models.BooleanField(
        _("has arrondissements"),
        default=False,
        help_text=_("Communes divided into arrondissements (e.g. Casablanca)."),
    )
    contact_email = models.EmailField(
        _("public contact e-mail"),
        blank=True,
        help_text=_(
            "An address the collectivity publishes for the public (for example its openness office). It is shown "
            "on its contact page: never enter a person's private address."
        ),
    )
    search_key = models.TextField(editable=False, blank=True, db_index=False)

    objects = CollectivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("territorial collectivity")
        verbose_name_plural = _("territorial collectivities")
        ordering = ["kind", "code"]
        indexes = [
            models.Index(fields=["kind", "parent"]),
            # The members list's order: its first page is read in index order, not sorted from every member.
            models.Index(fields=["kind", "code"]),
        ]

    def __str__(self):
        return str(tr(self.name)) or self.code

    def save(self, *args, **kwargs):
        self.search_key = build_search_key(self.name, self.code)
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        expected_parent = PARENT_KIND.get(self.kind)
        if expected_parent is None and self.parent_id:
            errors["parent"] = _("A region is not part of another collectivity.")
        elif expected_parent and self.parent_id and self.parent.kind != expected_parent:
            errors["parent"] = _("A %(kind)s must be part of a %(parent)s.") % {
                "kind": self.get_kind_display().lower(),
                "parent": CollectivityKind(expected_parent).label.lower(),
            }
        if self.kind != CollectivityKind.PROVINCE and self.province_type:
            errors["province_type"] = _("Only a prefecture or province has this type.")
        if self.kind != CollectivityKind.COMMUNE and self.has_arrondissements:
            errors["has_arrondissements"] = _("Only communes have arrondissements.")
        if self.population is not None and self.census_year is None:
            errors["census_year"] = _("Give the census year the population comes from.")
        if errors:
            raise ValidationError(errors)

    @property
    def kind_label(self):
        if self.kind == CollectivityKind.PROVINCE and self.province_type:
            return self.get_province_type_display()
        return self.get_kind_display()

    @property
    def region(self):
        """The region this collectivity lies in (itself for a region); uses the loaded parents."""
        node = self
        while node.parent_id:
            node = node.parent
        return node


def build_search_key(name, code):
    # Languages in a fixed order: PostgreSQL's jsonb does not keep the order in which keys were written.
    return " ".join([normalise(text) for _lang, text in sorted((name or {}).items()) if text] + [code.lower()])


class Network(models.Model):
    """The network of open collectivities (one row)."""

    name = TranslatedField(_("name"), max_length=200)
    description = TranslatedField(_("description"), multiline=True, blank=True)
    founded_on = models.DateField(_("founded on"))

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("network")

    def __str__(self):
        return str(tr(self.name))


class MembershipStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# A membership is current, its collectivity a member of the network, unless it has ended (a suspended one still is).
ENDED = MembershipStatus.WITHDRAWN


def is_current(status: str) -> bool:
    """Whether a membership with this status is current (`Membership.objects.current()`, for one status read)."""
    return status != ENDED


class MembershipQuerySet(models.QuerySet):
    def current(self):
        return self.exclude(status=ENDED)

    def with_places(self):
        return self.select_related("collectivity__parent__parent")


class Membership(models.Model):
    collectivity = models.OneToOneField(
        Collectivity, verbose_name=_("collectivity"), on_delete=models.PROTECT, related_name="membership"
    )
    joined_on = models.DateField(_("joined on"))
    cohort = TranslatedField(_("cohort"), max_length=100, blank=True, help_text=_("e.g. founding members 2022"))
    status = models.CharField(
        _("status"), max_length=16, choices=MembershipStatus.choices, default=MembershipStatus.ACTIVE
    )
    is_illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("Demo data: this membership illustrates the platform and is not an official record."),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("network member")
        verbose_name_plural = _("network members")
        ordering = ["collectivity__kind", "collectivity__code"]

    def __str__(self):
        return str(self.collectivity)

    def get_absolute_url(self):
        return reverse("territories:member", args=[self.collectivity.code])


class CharterSectionKind(models.TextChoices):
    PREAMBLE = "preamble", _("Preamble")
    PURPOSE = "purpose", _("Purpose of the charter")
    OPEN_COLLECTIVITY = "open_collectivity", _("The open collectivity")
    AIMS = "aims", _("Aims of openness")
    VALUES = "values", _("Values")


class CharterSection(models.Model):
    kind = models.CharField(_("section"), max_length=32, choices=CharterSectionKind.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    body = TranslatedField(_("text"), multiline=True)

    class Meta:
        verbose_name = _("charter section")
        verbose_name_plural = _("charter sections")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.get_kind_display()


class CharterCommitment(models.Model):
    """One of the commitments every member makes by signing the charter."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = TranslatedField(_("title"), max_length=200)
    text = TranslatedField(_("text"), multiline=True)

    class Meta:
        verbose_name = _("charter commitment")
        verbose_name_plural = _("charter commitments")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {tr(self.title)}"


class StandingLevel(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    MET = "met", _("Met")


class CommitmentStanding(models.Model):
    """How a member stands on one charter commitment, as last assessed."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="standings")
    commitment = models.ForeignKey(CharterCommitment, on_delete=models.CASCADE, related_name="standings")
    level = models.CharField(
        _("standing"), max_length=16, choices=StandingLevel.choices, default=StandingLevel.NOT_STARTED
    )
    note = TranslatedField(_("note"), multiline=True, blank=True)
    assessed_on = models.DateField(_("assessed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("standing on a charter commitment")
        verbose_name_plural = _("standings on charter commitments")
        constraints = [models.UniqueConstraint(fields=["membership", "commitment"], name="one_standing_per_commitment")]
        ordering = ["commitment__number"]

    def __str__(self):
        return f"{self.membership} — {self.commitment.number}"


class Partner(models.Model):
    """A partner of the support program (DGCT, AMRM, IMPACT)."""

    acronym = models.CharField(_("acronym"), max_length=32, unique=True)
    name = TranslatedField(_("name"), max_length=300)
    role = TranslatedField(_("role in the program"), multiline=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("program partner")
        verbose_name_plural = _("program partners")
        ordering = ["order", "acronym"]

    def __str__(self):
        return self.acronym
