"""Shapes that models of several apps share (abstract: no table of their own)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
