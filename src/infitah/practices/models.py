"""A good practice a member shares with the network, its transitions, and the adoptions other members declare."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infitah.core.arabic import normalise
from infitah.core.translation import TranslatedField, tr
from infitah.practices.states import PUBLIC, Act, Status
from infitah.programs.models import PrinciplesField


class PracticeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status__in=list(PUBLIC))

    def with_principle(self, principle):
        # JSON lists matched as text on SQLite and PostgreSQL alike; the quotes keep the match exact.
        return self.filter(principles__icontains=f'"{principle}"')


class Practice(models.Model):
    collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.PROTECT,
        related_name="practices",
        help_text=_("The member whose practice it is: its staff submit it."),
    )
    title = TranslatedField(_("title"), max_length=300)
    summary = TranslatedField(_("summary"), multiline=True, max_length=2000)
    context = TranslatedField(
        _("context"), multiline=True, blank=True, max_length=5000, help_text=_("The problem it answered, and where.")
    )
    principles = PrinciplesField(_("openness principles"))
    partners = TranslatedField(
        _("partners"),
        multiline=True,
        blank=True,
        max_length=2000,
        help_text=_("Associations, advisory bodies, services and others who carried it with the collectivity."),
    )
    results = TranslatedField(_("results"), multiline=True, blank=True, max_length=5000)
    contact_name = models.CharField(
        _("contact name"),
        max_length=200,
        blank=True,
        help_text=_("A service or a function rather than a person's name: it is public."),
    )
    contact_address = models.EmailField(
        _("public contact address"),
        blank=True,
        help_text=_("A shared address of the service (not a personal one): it is public."),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    review_note = models.TextField(
        _("note of the review"), blank=True, max_length=2000, help_text=_("Why it was returned or withdrawn.")
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    is_illustrative = models.BooleanField(
        _("illustrative"), default=False, help_text=_("Demo data: this practice illustrates the platform.")
    )
    # Every language of every text, folded (core.arabic.normalise): what the library's word filter matches.
    search_key = models.TextField(editable=False, blank=True)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        ordering = ["-published_at", "-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "-published_at"], name="practice_status_published")]

    def __str__(self):
        return str(tr(self.title))

    def save(self, *args, **kwargs):
        texts = [self.title, self.summary, self.context, self.partners, self.results]
        self.search_key = " ".join(normalise(text) for value in texts for _lang, text in sorted((value or {}).items()))
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("practices:detail", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC


class PracticeEvent(models.Model):
    """One transition: who did what, when, and why (the note a coordinator writes when returning or withdrawing)."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="events")
    act = models.CharField(max_length=16, choices=Act.choices)
    status_from = models.CharField(max_length=16, choices=Status.choices)
    status_to = models.CharField(max_length=16, choices=Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True, max_length=2000)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("transition of a practice")
        verbose_name_plural = _("transitions of practices")

    def __str__(self):
        return f"{self.practice_id}: {self.status_from} → {self.status_to}"


class Adoption(models.Model):
    """ "We adopted this": another member took the practice up into a commitment of its own program."""

    practice = models.ForeignKey(
        Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="adoptions"
    )
    collectivity = models.ForeignKey(
        "territories.Collectivity", verbose_name=_("collectivity"), on_delete=models.CASCADE, related_name="adoptions"
    )
    commitment = models.ForeignKey(
        "programs.Commitment",
        verbose_name=_("commitment"),
        on_delete=models.CASCADE,
        related_name="practice_adoptions",
        help_text=_("A commitment of the collectivity's own openness program."),
    )
    note = models.TextField(_("note"), blank=True, max_length=1000, help_text=_("What you took up, what you changed."))
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False, related_name="+"
    )
    declared_at = models.DateTimeField(_("declared at"), default=timezone.now, editable=False)
    is_illustrative = models.BooleanField(_("illustrative"), default=False)

    class Meta:
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        ordering = ["declared_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["practice", "collectivity"], name="one_adoption_per_member"),
        ]

    def __str__(self):
        return f"{self.practice} — {self.collectivity}"
