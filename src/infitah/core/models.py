"""Shapes that models of several apps share (abstract: no table of their own), and the platform-wide
calendar corrections (the one table the core owns)."""

from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CreatedAtField(models.DateTimeField):
    """A creation date labelled by the model that inherits it: a report is "reported at", a registration
    "registered at" — the admin's columns and the exports keep saying what the date means for that record."""

    def contribute_to_class(self, cls, name, **kwargs):
        self.verbose_name = getattr(cls, "created_at_label", None) or self.verbose_name
        super().contribute_to_class(cls, name, **kwargs)

    def deconstruct(self):
        # Migrations see a plain DateTimeField with the model's label, so they never depend on this module.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.DateTimeField", args, {**kwargs, "verbose_name": self.verbose_name}


class Timestamped(models.Model):
    """A record that knows when it was created.

    A default rather than auto_now_add: the demo data and the tests backdate records by passing created_at, and
    a service may stamp several records with one instant. Ordering and indexes stay with each model: what is
    listed by date differs. A model names its date with `created_at_label`."""

    created_at = CreatedAtField(_("created at"), default=timezone.now, editable=False)

    class Meta:
        abstract = True


# --- Working-day calendar (law 31-13 deadlines): corrections of the estimated Hijri holidays --------------------

# Where `core.selectors.holidays_for` keeps the corrections; forgotten whenever one is saved or deleted. The shared
# cache (Redis, or the database cache) means every process sees a correction at once.
HOLIDAY_CORRECTIONS_CACHE_KEY = "core:holiday-corrections:v1"


class HolidayCorrection(Timestamped):
    """A platform administrator's confirmation or correction of a public holiday.

    The `holidays` package estimates the Hijri holidays; the moon sighting decides. When an estimated Eid moves
    by one day, the administrator records two corrections: the estimate `removed`, the actual day `added`.
    A fixed holiday decreed for one year only (or a new one) is `added` the same way."""

    class Kind(models.TextChoices):
        ADDED = "added", _("added: a holiday the estimates miss")
        REMOVED = "removed", _("removed: an estimated holiday that is a working day")

    date = models.DateField(_("date"))
    kind = models.CharField(pgettext_lazy("calendar", "correction"), max_length=10, choices=Kind.choices)
    name = models.CharField(
        pgettext_lazy("calendar", "holiday"), max_length=200, help_text=_("For example: Eid al-Fitr (first day).")
    )
    source = models.CharField(
        _("source"), max_length=300, help_text=_("Where the actual date was announced, e.g. the ministry's communiqué.")
    )
    note = models.TextField(_("note"), max_length=2000, blank=True)

    created_at_label = _("recorded at")

    class Meta:
        ordering = ["date", "kind"]
        verbose_name = _("holiday correction")
        verbose_name_plural = _("holiday corrections")
        constraints = [models.UniqueConstraint(fields=["date", "kind"], name="core_holiday_correction_once")]

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.get_kind_display()}: {self.name}"


def _forget_holiday_corrections(**kwargs: object) -> None:
    cache.delete(HOLIDAY_CORRECTIONS_CACHE_KEY)


post_save.connect(_forget_holiday_corrections, sender=HolidayCorrection, dispatch_uid="core_holiday_saved")
post_delete.connect(_forget_holiday_corrections, sender=HolidayCorrection, dispatch_uid="core_holiday_deleted")
