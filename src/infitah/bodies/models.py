"""Advisory bodies of a collectivity (organic laws 111-14 art. 117, 113-14 art. 120), their members and the
opinions and recommendations they address to the council, with the council's reasoned responses."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from infitah.accounts.models import Gender
from infitah.bodies.clock import DEFAULT_RESPONSE_DAYS, due_date, response_clock
from infitah.core.translation import TranslatedField, tr

TITLE_MAX_LENGTH = 300
TEXT_MAX_LENGTH = 10_000
RESPONSE_MAX_LENGTH = 10_000


class BodyKind(models.TextChoices):
    YOUTH = "youth", _("Youth public policies")
    EQUALITY = "equality", _("Equality, equal opportunity and gender approach")
    ECONOMIC = "economic", _("Economic development")
    OTHER = "other", _("Other")


class AdvisoryBody(models.Model):
    collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.CASCADE,
        related_name="advisory_bodies",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=BodyKind.choices)
    name = TranslatedField(_("name"), max_length=300)
    legal_basis = TranslatedField(
        _("legal basis"), max_length=200, blank=True, help_text=_("e.g. organic law 111-14, art. 117")
    )
    description = TranslatedField(_("description"), multiline=True, max_length=5000, blank=True)
    mandate_start = models.DateField(_("mandate starts on"), null=True, blank=True)
    mandate_end = models.DateField(_("mandate ends on"), null=True, blank=True)
    rules_of_procedure = TranslatedField(
        _("rules of procedure"),
        multiline=True,
        max_length=50_000,
        blank=True,
        help_text=_("Public: shown on the body's page."),
    )

    class Meta:
        verbose_name = _("advisory body")
        verbose_name_plural = _("advisory bodies")
        ordering = ["collectivity", "kind", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(mandate_start__isnull=True)
                | Q(mandate_end__isnull=True)
                | Q(mandate_end__gt=F("mandate_start")),
                name="body_mandate_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return str(tr(self.name))

    def get_absolute_url(self):
        return reverse("bodies:detail", args=[self.pk])

    def clean(self):
        super().clean()
        if self.mandate_start and self.mandate_end and self.mandate_end <= self.mandate_start:
            raise ValidationError({"mandate_end": _("The mandate must end after it starts.")})


class SeatType(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    EXPERT = "expert", _("Expert")
    ECONOMIC_ACTOR = "economic_actor", _("Economic actor")
    YOUTH_REPRESENTATIVE = "youth_representative", _("Youth representative")
    ACADEMIC = "academic", _("Academic")
    CIVIL_SERVANT = "civil_servant", _("Civil servant")
    OTHER = "other", _("Other")


class BureauRole(models.TextChoices):
    PRESIDENT = "president", _("President")
    VICE_PRESIDENT = "vice_president", _("Vice-president")
    RAPPORTEUR = "rapporteur", _("Rapporteur")
    MEMBER = "member", _("Member")


# Shown first, in this order, on the body's page and in the API.
BUREAU_ORDER = [BureauRole.PRESIDENT, BureauRole.VICE_PRESIDENT, BureauRole.RAPPORTEUR, BureauRole.MEMBER]
# One active holder per body. Organic law 113-14 art. 120 speaks of vice-presidents: there may be several.
SINGLE_SEAT_ROLES = [BureauRole.PRESIDENT, BureauRole.RAPPORTEUR]


def bureau_role_taken(role):
    return _("This body already has an active %(role)s: set the day the current one left first.") % {
        "role": BureauRole(role).label.lower()
    }


class BodyMemberQuerySet(models.QuerySet):
    def active(self):
        return self.filter(left_on__isnull=True)


class BodyMember(models.Model):
    """A seat on a body, held by a registered user or by a person named here (who has no account)."""

    body = models.ForeignKey(
        AdvisoryBody, verbose_name=_("advisory body"), on_delete=models.CASCADE, related_name="members"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="body_seats",
        help_text=_("A member with an account may submit opinions on the site."),
    )
    full_name = models.CharField(
        _("full name"),
        max_length=150,
        blank=True,
        help_text=_("Required for a member without a user account; shown publicly."),
    )
    seat_type = models.CharField(_("seat type"), max_length=32, choices=SeatType.choices)
    association = models.ForeignKey(
        "accounts.Association",
        verbose_name=_("association"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="body_seats",
    )
    bureau_role = models.CharField(
        _("bureau role"), max_length=16, choices=BureauRole.choices, default=BureauRole.MEMBER
    )
    gender = models.CharField(
        _("gender"),
        max_length=16,
        choices=Gender.choices,
        blank=True,
        help_text=_("Optional. Counted on the body's page to show its composition by gender."),
    )
    joined_on = models.DateField(_("joined on"), default=timezone.localdate)
    left_on = models.DateField(_("left on"), null=True, blank=True, help_text=_("Empty while the member sits."))

    objects = BodyMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("body member")
        verbose_name_plural = _("body members")
        ordering = ["body", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(full_name=""), name="body_member_is_a_user_or_named"
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=F("joined_on")),
                name="body_member_leaves_after_joining",
            ),
            models.UniqueConstraint(
                fields=["body", "bureau_role"],
                condition=Q(bureau_role__in=SINGLE_SEAT_ROLES, left_on__isnull=True),
                name="one_active_president_and_rapporteur_per_body",
                violation_error_message=_("This body already has an active member in this bureau role."),
            ),
            models.UniqueConstraint(
                fields=["body", "user"],
                condition=Q(user__isnull=False, left_on__isnull=True),
                name="one_active_seat_per_user_and_body",
                violation_error_message=_("This person already sits on this body."),
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Keep the name shown today even if the account is deleted later (the seat stays in the record).
        if self.user_id is not None and not self.full_name:
            self.full_name = self.user.full_name or self.user.display_name
        super().save(*args, **kwargs)

    @property
    def name(self):
        """The public name: never the e-mail address."""
        if self.user_id is not None and self.user.full_name:
            return self.user.full_name
        return self.full_name or (self.user.display_name if self.user_id else "")

    @property
    def collectivity_id(self):
        return self.body.collectivity_id

    @property
    def is_active(self):
        return self.left_on is None

    def clean(self):
        super().clean()
        if self.user_id is None and not self.full_name.strip():
            raise ValidationError(
                {"full_name": _("Give the member's full name, or choose their user account.")}, code="unnamed"
            )
        if self.left_on and self.joined_on and self.left_on < self.joined_on:
            raise ValidationError({"left_on": _("A member cannot leave before joining.")})
        # Also checked here: the back office's inline form leaves the body out of its constraint checks.
        if self.body_id is not None and self.left_on is None and self.bureau_role in SINGLE_SEAT_ROLES:
            holders = BodyMember.objects.active().filter(body_id=self.body_id, bureau_role=self.bureau_role)
            if holders.exclude(pk=self.pk).exists():
                raise ValidationError({"bureau_role": bureau_role_taken(self.bureau_role)})


class OpinionKind(models.TextChoices):
    OPINION = "opinion", _("Opinion")
    RECOMMENDATION = "recommendation", _("Recommendation")


class OpinionStatus(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("opinion status", "Submitted")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    ANSWERED = "answered", pgettext_lazy("opinion status", "Answered")


def default_response_days():
    return int(getattr(settings, "INFITAH_OPINION_RESPONSE_DAYS", DEFAULT_RESPONSE_DAYS))


class Opinion(models.Model):
    """An opinion or recommendation of a body to the council; the council owes it a reasoned response."""

    body = models.ForeignKey(
        AdvisoryBody, verbose_name=_("advisory body"), on_delete=models.CASCADE, related_name="opinions"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=OpinionKind.choices, default=OpinionKind.OPINION)
    title = TranslatedField(_("title"), max_length=TITLE_MAX_LENGTH)
    text = TranslatedField(_("text"), multiline=True, max_length=TEXT_MAX_LENGTH)
    member = models.ForeignKey(
        BodyMember,
        verbose_name=_("submitted by (member)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opinions",
    )
    member_name = models.CharField(_("member's name"), max_length=150, blank=True, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The member themselves, or staff recording the opinion on the body's behalf."),
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    response_days = models.PositiveSmallIntegerField(
        _("days to answer"), default=default_response_days, help_text=_("Fixed when the opinion is submitted.")
    )
    due_on = models.DateField(
        _("answer due on"), editable=False, help_text=_("The submission's local date plus the days to answer.")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=OpinionStatus.choices, default=OpinionStatus.SUBMITTED
    )
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    response = TranslatedField(
        _("council's reasoned response"), multiline=True, max_length=RESPONSE_MAX_LENGTH, blank=True
    )
    council_session = models.CharField(
        _("council session"), max_length=200, blank=True, help_text=_("e.g. “October 2024 ordinary session”.")
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # --- Opinions about commitments (issue 10): a commitment's page lists the opinions about it. ---
    commitments = models.ManyToManyField(
        "programs.Commitment",
        verbose_name=_("commitments this opinion is about"),
        blank=True,
        related_name="body_opinions",
        help_text=_("Commitments of the collectivity's public openness programs."),
    )

    class Meta:
        verbose_name = _("opinion")
        verbose_name_plural = _("opinions")
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["body", "status"]), models.Index(fields=["status", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=OpinionStatus.SUBMITTED) | Q(acknowledged_at__isnull=False),
                name="opinion_acknowledged_has_a_date",
            ),
            models.CheckConstraint(
                condition=~Q(status=OpinionStatus.ANSWERED) | Q(answered_at__isnull=False),
                name="opinion_answered_has_a_date",
            ),
        ]

    def __str__(self):
        return str(tr(self.title))

    def save(self, *args, **kwargs):
        self.due_on = due_date(self.submitted_at, self.response_days)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("bodies:opinion", args=[self.pk])

    @property
    def collectivity_id(self):
        return self.body.collectivity_id

    @property
    def clock(self):
        return response_clock(self.submitted_at, self.response_days, self.answered_at)
