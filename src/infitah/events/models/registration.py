"""A person's registration to an event: confirmed, on the waiting list, or cancelled; and whether they came."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from infitah.accounts.models import AgeBand, Gender
from infitah.core.models import Timestamped


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", pgettext_lazy("registration status", "Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")


ACTIVE_STATUSES = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)


class Category(models.TextChoices):
    CITIZEN = "citizen", _("Citizen")
    ASSOCIATION = "association", _("Association")
    STAFF = "staff", _("Staff of a collectivity")
    ELECTED = "elected", _("Elected member")
    BODY_MEMBER = "body_member", _("Advisory-body member")


class Registration(Timestamped):
    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="event_registrations"
    )
    status = models.CharField(_("status"), max_length=16, choices=RegistrationStatus.choices)
    category = models.CharField(_("I take part as"), max_length=16, choices=Category.choices, default=Category.CITIZEN)
    gender = models.CharField(_("gender"), max_length=16, choices=Gender.choices, blank=True)
    age_band = models.CharField(_("age band"), max_length=8, choices=AgeBand.choices, blank=True)
    created_at_label = _("registered at")
    status_changed_at = models.DateTimeField(_("status changed at"), default=timezone.now, editable=False)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=models.Q(status__in=["confirmed", "waiting"]),
                name="one_active_registration_per_person",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return f"{self.user} — {self.get_status_display()}"

    @property
    def is_active(self):
        return self.status in ACTIVE_STATUSES
