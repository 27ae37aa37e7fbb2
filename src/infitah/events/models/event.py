"""An event (workshop, communication meeting, training, advisory-body meeting) and its agenda."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from infitah.core.models import Timestamped
from infitah.core.translation import TranslatedField, tr
from infitah.programs.phases import Phase


class EventKind(models.TextChoices):
    WORKSHOP = "workshop", _("Co-creation workshop")
    COMMUNICATION = "communication", _("Communication meeting")
    TRAINING = "training", _("Training (capacity building)")
    BODY_MEETING = "body_meeting", _("Advisory-body meeting")
    OTHER = "other", _("Other")


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("event status", "Draft")
    CIRCULATED = "circulated", _("Circulated to participants for approval")
    PUBLISHED = "published", pgettext_lazy("event status", "Published")


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now())


class Event(Timestamped):
    collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        help_text=_("Leave empty for an event organised by the network."),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=EventKind.choices, default=EventKind.WORKSHOP)
    format = models.CharField(_("format"), max_length=16, choices=EventFormat.choices, default=EventFormat.IN_PERSON)
    title = TranslatedField(_("title"), max_length=300)
    description = TranslatedField(_("description"), multiline=True, blank=True, max_length=5000)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = TranslatedField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("Shown only to confirmed participants and staff.")
    )
    program = models.ForeignKey(
        "programs.Program",
        verbose_name=_("program"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    phase = models.CharField(_("program phase"), max_length=32, choices=Phase.choices, blank=True)
    advisory_body = models.ForeignKey(
        "bodies.AdvisoryBody",
        verbose_name=_("advisory body"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
    )
    quorum_required = models.PositiveSmallIntegerField(_("quorum required"), null=True, blank=True)
    members_present = models.PositiveSmallIntegerField(_("members present"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for no limit; beyond it people join the waiting list."),
    )
    registration_closes_at = models.DateTimeField(_("registration closes at"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    minutes = TranslatedField(_("minutes"), multiline=True, blank=True, max_length=20000)
    minutes_status = models.CharField(
        _("minutes status"), max_length=16, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["starts_at"]), models.Index(fields=["collectivity", "starts_at"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start")
        ]

    def __str__(self):
        return str(tr(self.title))

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.pk])

    @property
    def date(self):
        """The local day the event starts."""
        return timezone.localtime(self.starts_at).date()

    @property
    def quorum_reached(self):
        """True/False once both numbers are recorded, None while unknown."""
        if self.quorum_required is None or self.members_present is None:
            return None
        return self.members_present >= self.quorum_required

    @property
    def is_training(self):
        return self.kind == EventKind.TRAINING

    @property
    def has_online_part(self):
        return self.format in (EventFormat.ONLINE, EventFormat.HYBRID)

    def registration_open(self, now=None):
        now = now or timezone.now()
        if self.registration_closes_at is not None:
            return now < self.registration_closes_at
        return now < self.starts_at

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The event must end after it starts.")
        if self.registration_closes_at and self.ends_at and self.registration_closes_at > self.ends_at:
            errors["registration_closes_at"] = _("Registration must close before the event ends.")
        if self.kind == EventKind.BODY_MEETING and self.advisory_body_id is None:
            errors["advisory_body"] = _("Say which advisory body meets.")
        if (
            self.advisory_body_id
            and self.collectivity_id
            and self.advisory_body.collectivity_id != self.collectivity_id
        ):
            errors["advisory_body"] = _("This advisory body belongs to another collectivity.")
        if self.format != EventFormat.IN_PERSON and not self.online_url:
            errors["online_url"] = _("An online or hybrid event needs its online link.")
        if self.format != EventFormat.ONLINE and not any((self.place or {}).values()):
            errors["place"] = _("Say where the event takes place.")
        if self.capacity is not None and self.pk:
            from infitah.events.registrations import capacity_problem

            problem = capacity_problem(self, self.capacity)
            if problem:
                errors["capacity"] = problem
        if errors:
            raise ValidationError(errors)


class AgendaItem(models.Model):
    """One item of an event's programme; items with a parent are its sub-items (e.g. working groups)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda_items")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    starts_at = models.TimeField(_("starts at"), null=True, blank=True)
    ends_at = models.TimeField(_("ends at"), null=True, blank=True)
    title = TranslatedField(_("title"), max_length=300)
    description = TranslatedField(_("description"), multiline=True, blank=True, max_length=3000)
    speakers = TranslatedField(_("speakers or roles"), max_length=500, blank=True)
    is_parallel = models.BooleanField(
        _("parallel"), default=False, help_text=_("Runs at the same time as other items (e.g. working groups).")
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["order", "starts_at", "pk"]

    def __str__(self):
        return str(tr(self.title))

    def clean(self):
        from infitah.events.agenda import check_item_alone, event_window

        if self.event_id is None:
            return
        problems = check_item_alone(
            self.starts_at, self.ends_at, *event_window(self.event.starts_at, self.event.ends_at)
        )
        if problems:
            raise ValidationError(problems)
