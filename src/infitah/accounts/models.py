"""Users (e-mail login), associations and the roles people hold in a collectivity or network-wide."""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from infitah.core import quicksql
from infitah.core.models import Timestamped
from infitah.core.translation import TranslatedField, tr


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class Gender(models.TextChoices):
    FEMALE = "female", _("Woman")
    MALE = "male", _("Man")


class AgeBand(models.TextChoices):
    UNDER_18 = "under_18", _("Under 18")
    FROM_18_TO_24 = "18_24", _("18 to 24")
    FROM_25_TO_34 = "25_34", _("25 to 34")
    FROM_35_TO_49 = "35_49", _("35 to 49")
    FROM_50_TO_64 = "50_64", _("50 to 64")
    FROM_65 = "65_plus", _("65 and over")


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    residence = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("collectivity of residence"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    gender = models.CharField(
        _("gender"),
        max_length=16,
        choices=Gender.choices,
        blank=True,
        help_text=_("Optional. Used only, anonymously, to count participation by gender."),
    )
    age_band = models.CharField(
        _("age band"),
        max_length=16,
        choices=AgeBand.choices,
        blank=True,
        help_text=_("Optional. Used only, anonymously, to count participation by age."),
    )
    is_staff = models.BooleanField(_("platform staff"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        if self.is_former_participant:
            return self.display_name
        return self.full_name or self.email

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    @property
    def is_former_participant(self):
        """The person deleted their account: what they contributed stays, without anything personal."""
        from infitah.accounts.personal_data import ERASED_EMAIL_DOMAIN

        return self.email.endswith("@" + ERASED_EMAIL_DOMAIN)

    @property
    def display_name(self):
        """The name shown publicly: the full name the person gave, else a neutral label — never any part of the
        e-mail address, which would tell who they are."""
        from django.utils.translation import gettext, pgettext

        if self.is_former_participant:
            return pgettext("a deleted account's author", "Former participant")
        return self.full_name or gettext("Participant no. %(number)s") % {"number": self.pk}

    @cached_property
    def active_roles(self):
        """Every role this user holds, loaded once per request: [(role, collectivity_id or None)]."""
        return quicksql.rows(RoleAssignment, ("role", "collectivity"), user=self.pk)

    @property
    def can_access_backoffice(self):
        from infitah.core.permissions import can

        return can(self, "backoffice.access")


class Role(models.TextChoices):
    FOCAL_POINT = "focal_point", _("Focal point")
    EDITOR = "editor", _("Editor")
    INFORMATION_OFFICER = "information_officer", _("Information officer")
    COUNCIL_MEMBER = "council_member", _("Council member")
    NETWORK_COORDINATOR = "network_coordinator", _("Network coordinator")


NETWORK_ROLES = {Role.NETWORK_COORDINATOR}
COLLECTIVITY_ROLES = set(Role) - NETWORK_ROLES
# Roles that work in the collectivity's back office (an elected member reads, staff act).
STAFF_ROLES = {Role.FOCAL_POINT, Role.EDITOR, Role.INFORMATION_OFFICER}


class RoleAssignment(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="role_assignments",
        help_text=_("Empty only for network-wide roles."),
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    granted_at = models.DateTimeField(_("granted at"), default=timezone.now)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "collectivity"], name="one_role_per_place"),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=models.Q(collectivity__isnull=True),
                name="one_network_role",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(role__in=[r.value for r in NETWORK_ROLES], collectivity__isnull=True)
                    | (~models.Q(role__in=[r.value for r in NETWORK_ROLES]) & models.Q(collectivity__isnull=False))
                ),
                name="role_scope_matches_kind",
            ),
        ]

    def __str__(self):
        where = self.collectivity or _("network-wide")
        return f"{self.user} — {self.get_role_display()} ({where})"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.role in NETWORK_ROLES and self.collectivity_id:
            raise ValidationError({"collectivity": _("This role is network-wide: leave the collectivity empty.")})
        if self.role in COLLECTIVITY_ROLES and not self.collectivity_id:
            raise ValidationError({"collectivity": _("This role is held in a collectivity: choose one.")})


class Association(Timestamped):
    """A civil-society association, "the principal ally" of the open collectivity (charter)."""

    name = TranslatedField(_("name"), max_length=300)
    registration_date = models.DateField(
        _("registration date"), help_text=_("Date of the legal declaration (récépissé définitif).")
    )
    seat = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("seat"),
        on_delete=models.PROTECT,
        related_name="associations",
    )
    description = TranslatedField(_("description"), multiline=True, blank=True)
    is_verified = models.BooleanField(_("verified"), default=False)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    representatives = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Representative",
        related_name="associations",
        verbose_name=_("representatives"),
    )

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        ordering = ["-created_at"]

    def __str__(self):
        return str(tr(self.name))

    def verify(self, by):
        self.is_verified = True
        self.verified_by = by
        self.verified_at = timezone.now()
        self.save(update_fields=["is_verified", "verified_by", "verified_at"])


class Representative(models.Model):
    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="representative_links")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="representative_links")
    title = models.CharField(_("title"), max_length=100, blank=True, help_text=_("e.g. president, secretary general"))

    class Meta:
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")
        constraints = [models.UniqueConstraint(fields=["association", "user"], name="one_link_per_representative")]

    def __str__(self):
        return f"{self.user} — {self.association}"


class InvitationQuerySet(models.QuerySet):
    def accepted(self):
        return self.filter(accepted_at__isnull=False, accepted_by__isnull=False)


class Invitation(Timestamped):
    """A collectivity invites a person, by e-mail, to be linked with it (so that its staff may then name them: a
    role, a seat on an advisory body). The person accepts by a signed link; until then nothing public names them.
    Accepting, they may also consent for an association they represent."""

    collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("e-mail address"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at_label = _("sent at")
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="accepted_invitations",
    )
    association = models.ForeignKey(
        Association,
        verbose_name=_("on behalf of the association"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="accepted_invitations",
        help_text=_("Chosen by the person accepting, among the associations they represent."),
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["collectivity", "accepted_at"])]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    @property
    def is_accepted(self):
        return self.accepted_at is not None
