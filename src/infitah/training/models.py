"""Training courses of the network and its members: the sessions (training events), who enrols, who completes."""

import secrets

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infitah.core.models import Timestamped
from infitah.core.principles import Principle
from infitah.core.translation import TranslatedField, tr
from infitah.programs.models import PrinciplesField


class Audience(models.TextChoices):
    STAFF = "staff", _("Staff of member collectivities")
    ASSOCIATIONS = "associations", _("Associations")
    BOTH = "both", _("Staff and associations")


class CourseQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Course(Timestamped):
    collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="courses",
        help_text=_("Leave empty for a course organised by the network (its coordinators)."),
    )
    title = TranslatedField(_("title"), max_length=300)
    description = TranslatedField(_("description"), multiline=True, blank=True, max_length=5000)
    audience = models.CharField(_("audience"), max_length=16, choices=Audience.choices, default=Audience.BOTH)
    principles = PrinciplesField(_("openness principles"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    sessions_required = models.PositiveSmallIntegerField(
        _("sessions to attend"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty to ask for every session of the course."),
    )
    sessions = models.ManyToManyField(
        "events.Event", through="CourseSession", related_name="courses", verbose_name=_("sessions"), blank=True
    )

    objects = CourseQuerySet.as_manager()

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["-created_at", "pk"]

    def __str__(self):
        return str(tr(self.title))

    def get_absolute_url(self):
        return reverse("training:detail", args=[self.pk])

    @property
    def principle_labels(self):
        return [Principle(value).label for value in self.principles if value in Principle.values]


class CourseSession(models.Model):
    """A training event of the organiser, given as one session of the course."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="course_sessions")
    event = models.ForeignKey("events.Event", on_delete=models.PROTECT, related_name="course_sessions")
    added_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("course session")
        verbose_name_plural = _("course sessions")
        constraints = [models.UniqueConstraint(fields=["course", "event"], name="one_session_per_event_and_course")]

    def __str__(self):
        return str(self.event)


def new_code():
    """A verification code people can read out and type: 12 characters without look-alikes (0/O, 1/I)."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _i in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


class Enrolment(Timestamped):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="enrolments")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="enrolments"
    )
    created_at_label = _("enrolled at")
    # The collectivity the person was trained for, fixed at enrolment: their staff role's, or their association's
    # seat. The capacity table counts per collectivity from it.
    collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("trained for"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    as_staff = models.BooleanField(_("as staff"), default=False)
    association = models.ForeignKey(
        "accounts.Association",
        verbose_name=_("association"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed on"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    completion_reason = models.CharField(
        _("reason"), max_length=500, blank=True, help_text=_("Given when the organiser marks a completion by hand.")
    )
    certificate_code = models.CharField(_("verification code"), max_length=14, unique=True, null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["course", "user"], name="one_enrolment_per_person_and_course"),
        ]

    def __str__(self):
        return f"{self.user.display_name} — {self.course}"

    @property
    def is_active(self):
        return self.withdrawn_at is None

    @property
    def is_completed(self):
        return self.completed_at is not None
