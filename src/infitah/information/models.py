"""Access to information (law 31-13): requests to a collectivity, their history and replies, the requester's
remedies, the officers' response templates, and the catalogue of what the law asks bodies to publish unasked.

The requester's identity (name, addresses, national ID number) and the officers' internal notes are never public.
The national ID number is encrypted at rest and read only by the collectivity's information officers. Everything
else about a request is public by default: the register is the point (Alaveteli).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from infitah.core.crypto import EncryptedCharField
from infitah.core.models import Timestamped
from infitah.core.translation import TranslatedField
from infitah.information import states


class RequestKind(models.TextChoices):
    ORDINARY = "ordinary", pgettext_lazy("information request", "Ordinary")
    URGENT = "urgent", pgettext_lazy("information request", "Urgent")


class AccessForm(models.TextChoices):
    """How the requester wants the information (the CDAI's form)."""

    COPY = "copy", _("A paper copy")
    EMAIL = "email", _("By e-mail")
    ON_SITE = "on_site", _("Consultation on site")


class RequestState(models.TextChoices):
    """Moved only by `information.services` along `information.states`; overdue is computed, never stored."""

    RECEIVED = states.RECEIVED, pgettext_lazy("information request", "Received")
    CLARIFICATION = states.CLARIFICATION, _("Clarification requested")
    IN_PROGRESS = states.IN_PROGRESS, pgettext_lazy("information request", "In progress")
    EXTENDED = states.EXTENDED, pgettext_lazy("information request", "Deadline extended")
    ANSWERED = states.ANSWERED, pgettext_lazy("information request", "Answered")
    PARTIAL = states.PARTIAL, _("Partially answered")
    REFUSED = states.REFUSED, pgettext_lazy("information request", "Refused")
    NOT_HELD = states.NOT_HELD, _("Information not held")
    TRANSFERRED = states.TRANSFERRED, _("Transferred to the competent body")
    WITHDRAWN = states.WITHDRAWN, pgettext_lazy("information request", "Withdrawn")


class Ground(models.TextChoices):
    """Why information is withheld (LAW.md: the art. 7 exceptions, then the other grounds the law allows)."""

    FOREIGN_RELATIONS = "foreign_relations", _("Foreign relations (art. 7)")
    ECONOMIC_POLICY = "economic_policy", _("Monetary, economic or financial policy (art. 7)")
    INTELLECTUAL_PROPERTY = "intellectual_property", _("Intellectual property (art. 7)")
    PROTECTED_PERSONS = "protected_persons", _("Protection of victims, witnesses, experts or whistle-blowers (art. 7)")
    SPECIAL_SECRETS = "special_secrets", _("A secret protected by a special law (art. 7)")
    GOVERNMENT_DELIBERATIONS = (
        "government_deliberations",
        _("Deliberations of the Council of Ministers or of the Government (art. 7)"),
    )
    ADMINISTRATIVE_INVESTIGATION = "administrative_investigation", _("An administrative investigation (art. 7)")
    DEFENCE = "defence", _("National defence or state security (art. 7)")
    PRIVATE_LIFE = "private_life", _("Private life (art. 7)")
    ALREADY_PUBLISHED = "already_published", _("Already published")
    REPEATED = "repeated", _("Repeated request by the same person in the same year")
    UNCLEAR = "unclear", _("The request is unclear")
    IN_PREPARATION = "in_preparation", _("The information is still being prepared")
    ARCHIVES = "archives", _("Deposited with the Archives du Maroc")


class InformationRequestQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def open(self):
        return self.filter(state__in=states.OPEN)


class InformationRequest(Timestamped):
    created_at_label = _("filed at")

    collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.PROTECT,
        related_name="information_requests",
    )
    reference = models.CharField(_("reference"), max_length=40, unique=True, editable=False)
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requester"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="information_requests",
    )
    # The identity the law's form requires: private to the requester and the collectivity's information officers.
    requester_name = models.CharField(_("full name"), max_length=150)
    postal_address = models.TextField(_("postal address"), max_length=500, blank=True)
    contact_email = models.EmailField(_("e-mail address"), blank=True)
    national_id = EncryptedCharField(_("national ID card number"), max_length=16)
    publish_name = models.BooleanField(
        _("show my name in the public register"),
        default=False,
        help_text=_("By default the public register shows the request without your name."),
    )

    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("information sought"), max_length=5000)
    access_form = models.CharField(_("preferred form of access"), max_length=16, choices=AccessForm.choices)
    kind = models.CharField(
        pgettext_lazy("information request", "kind"),
        max_length=16,
        choices=RequestKind.choices,
        default=RequestKind.ORDINARY,
    )
    urgency_reason = models.TextField(
        _("why it is urgent"),
        max_length=2000,
        blank=True,
        help_text=_("Urgent requests are those needed to protect a person's life, safety or freedom (art. 17)."),
    )

    received_on = models.DateField(_("received on"))
    state = models.CharField(
        pgettext_lazy("information request", "state"),
        max_length=16,
        choices=RequestState.choices,
        default=RequestState.RECEIVED,
    )
    # Derived by services from received_on, kind, the pauses and the extension (law 31-13 via `deadlines`); stored so
    # that the queue and the register sort and filter by it. None while the clock is paused.
    due_on = models.DateField(_("due on"), null=True, blank=True)
    paused_working_days = models.PositiveSmallIntegerField(_("working days paused"), default=0)
    paused_since = models.DateField(_("paused since"), null=True, blank=True)
    extended_on = models.DateField(_("extended on"), null=True, blank=True)
    extension_reason = models.TextField(_("reason for the extension"), max_length=2000, blank=True)

    # The reply (public once given, like the request).
    replied_on = models.DateField(_("replied on"), null=True, blank=True)
    response = models.TextField(_("response"), max_length=20000, blank=True)
    ground = models.CharField(_("ground"), max_length=32, choices=Ground.choices, blank=True)
    withheld = models.TextField(
        _("what is withheld"), max_length=3000, blank=True, help_text=_("For a partial answer: the part not given.")
    )
    published_at = models.URLField(_("where it is published"), max_length=500, blank=True)
    transferred_to = models.CharField(_("transferred to"), max_length=300, blank=True)
    working_days_to_reply = models.PositiveSmallIntegerField(_("working days to reply"), null=True, blank=True)

    # Officers may keep a request out of the register (e.g. its text reveals someone's private life), with a reason.
    is_public = models.BooleanField(_("in the public register"), default=True)
    hidden_reason = models.CharField(_("why it is not public"), max_length=300, blank=True)
    is_illustrative = models.BooleanField(
        _("illustrative"), default=False, help_text=_("Demo data: this request illustrates the platform.")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = InformationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("information request")
        verbose_name_plural = _("information requests")
        ordering = ["-received_on", "-pk"]
        indexes = [
            models.Index(fields=["collectivity", "state", "due_on"]),
            models.Index(fields=["is_public", "-received_on"]),
            # The API's register, newest first by cursor: (received_on, id) walked backwards, ties by id included.
            # Partial (public rows only) rather than led by is_public: Django writes the filter as a bare
            # `WHERE is_public`, which SQLite matches to an index's WHERE but not to its first column.
            models.Index(fields=["received_on", "id"], name="register_by_received", condition=models.Q(is_public=True)),
        ]

    def __str__(self):
        return f"{self.reference} {self.subject}"

    def get_absolute_url(self):
        return reverse("information:request", args=[self.reference])

    @property
    def is_open(self):
        return self.state in states.OPEN

    @property
    def is_extended(self):
        return self.extended_on is not None


class RequestEvent(Timestamped):
    """One step of a request's history: the act, the state it led to, and what the requester was told.

    Public with the request (never the actor's identity: the collectivity acts)."""

    created_at_label = _("recorded at")

    request = models.ForeignKey(InformationRequest, on_delete=models.CASCADE, related_name="events")
    act = models.CharField(_("act"), max_length=32)
    state_from = models.CharField(_("from"), max_length=16, blank=True)
    state_to = models.CharField(_("to"), max_length=16, choices=RequestState.choices)
    on = models.DateField(pgettext_lazy("event", "date"))
    message = models.TextField(_("message"), max_length=5000, blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("request history entry")
        verbose_name_plural = _("request history")
        ordering = ["request", "created_at", "pk"]


class InternalNote(Timestamped):
    """An information officer's note on a request: seen by the collectivity's officers only."""

    request = models.ForeignKey(InformationRequest, on_delete=models.CASCADE, related_name="internal_notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("note"), max_length=5000)

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["created_at", "pk"]


class HeadDecision(models.TextChoices):
    UPHELD = "upheld", _("Complaint upheld: the information will be given")
    PARTLY_UPHELD = "partly_upheld", _("Complaint partly upheld")
    DISMISSED = "dismissed", _("Complaint dismissed")


class Complaint(Timestamped):
    """The requester's complaint to the head of the collectivity, the head's decision, and the referral to the CDAI."""

    created_at_label = _("filed at")

    request = models.OneToOneField(InformationRequest, on_delete=models.CASCADE, related_name="complaint")
    filed_on = models.DateField(_("filed on"))
    text = models.TextField(_("complaint"), max_length=5000)
    decision = models.CharField(_("head's decision"), max_length=16, choices=HeadDecision.choices, blank=True)
    decision_text = models.TextField(_("reasons of the decision"), max_length=5000, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    cdai_referred_on = models.DateField(_("referred to the CDAI on"), null=True, blank=True)
    cdai_reference = models.CharField(_("CDAI file number"), max_length=60, blank=True)
    cdai_outcome = models.TextField(_("CDAI outcome"), max_length=5000, blank=True)
    cdai_decided_on = models.DateField(_("CDAI decided on"), null=True, blank=True)

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")


class TemplateUse(models.TextChoices):
    ACKNOWLEDGMENT = "acknowledgment", _("Acknowledgment")
    CLARIFICATION = "clarification", _("Request for clarification")
    EXTENSION = "extension", _("Notice of extension")
    ANSWER = "answer", pgettext_lazy("response template", "Answer")
    PARTIAL = "partial", _("Partial answer")
    REFUSAL = "refusal", _("Refusal")
    NOT_HELD = "not_held", _("Information not held")
    TRANSFER = "transfer", _("Transfer")


class ResponseTemplate(models.Model):
    """A text officers start from, in Arabic and French; network-wide (no collectivity) or one collectivity's own."""

    collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="information_templates",
        help_text=_("Leave empty for a template every member can use."),
    )
    use = models.CharField(_("used for"), max_length=16, choices=TemplateUse.choices)
    title = TranslatedField(_("title"), max_length=200, required_languages=["ar", "fr"])
    body = TranslatedField(_("text"), multiline=True, max_length=5000, required_languages=["ar", "fr"])

    class Meta:
        verbose_name = _("response template")
        verbose_name_plural = _("response templates")
        ordering = ["use", "pk"]

    def __str__(self):
        from infitah.core.translation import tr

        return str(tr(self.title))


# --- Proactive publication (arts. 10–13) ---------------------------------------------------------------------------


class PublicationCategory(models.Model):
    """A category of information the law asks bodies to publish without being asked (shipped as data)."""

    key = models.SlugField(_("key"), max_length=60, unique=True)
    title = TranslatedField(_("title"), max_length=200, required_languages=["ar", "fr"])
    description = TranslatedField(_("description"), multiline=True, max_length=2000, blank=True)
    source = models.CharField(_("legal source"), max_length=200)
    stale_after_days = models.PositiveSmallIntegerField(
        _("stale after (days)"), default=365, help_text=_("An entry not updated for this long is flagged as stale.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("publication category")
        verbose_name_plural = _("publication categories")
        ordering = ["order", "pk"]

    def __str__(self):
        from infitah.core.translation import tr

        return str(tr(self.title)) or self.key


class PublicationEntry(Timestamped):
    """What one collectivity publishes under a category: a link or documents, when last updated, and who owns it."""

    collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.CASCADE,
        related_name="publication_entries",
    )
    category = models.ForeignKey(
        PublicationCategory, verbose_name=_("category"), on_delete=models.PROTECT, related_name="entries"
    )
    title = TranslatedField(_("title"), max_length=200, required_languages=["ar"])
    url = models.URLField(_("link"), max_length=500, blank=True)
    updated_on = models.DateField(_("last updated on"))
    owner = models.CharField(
        _("owner"), max_length=150, help_text=_("The department or office responsible for keeping it up to date.")
    )
    is_illustrative = models.BooleanField(_("illustrative"), default=False)

    class Meta:
        verbose_name = _("publication entry")
        verbose_name_plural = _("publication entries")
        ordering = ["category__order", "-updated_on", "pk"]
        indexes = [models.Index(fields=["collectivity", "category"])]

    def __str__(self):
        from infitah.core.translation import tr

        return str(tr(self.title))
