"""The forms of the request side: filing a request, the officers' acts, the requester's remedies, the queue's filters.

The forms check shapes (required, lengths, dates); `information.services` checks the law and raises the refusals
and the errors the forms then show next to their fields. The national ID number is re-shown only in the filer's own
form (a PasswordInput would lose it; a TextInput keeps what they typed when something else is wrong).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from infitah.core.text import limit_help
from infitah.information import services, states
from infitah.information.models import (
    AccessForm,
    Ground,
    HeadDecision,
    InformationRequest,
    RequestKind,
    RequestState,
    ResponseTemplate,
)
from infitah.territories.models import Collectivity, Membership

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _text(label: Any, max_length: int, *, required: bool = True, rows: int = 4, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows, "dir": "auto"}),
        help_text=limit_help(max_length, help_text),
    )


class OnePage(forms.Form):
    """A form that shares its page with others: its ids start with its own name, so labels find their inputs."""

    id_prefix = "form"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"id_{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class CollectivityChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        from infitah.core.translation import tr

        return str(tr(obj.name))


def filing_collectivities(language: str) -> Any:
    """The network's current members (their information officers answer on the platform)."""
    members = Membership.objects.current().values("collectivity_id")
    return Collectivity.objects.filter(pk__in=members).ordered_by_name(language)


class FileRequestForm(forms.Form):
    collectivity = CollectivityChoice(
        label=_("Collectivity you ask"),
        queryset=Collectivity.objects.none(),
        to_field_name="code",
        empty_label=_("Choose the collectivity"),
        error_messages={"required": _("Choose the collectivity the request is addressed to.")},
    )
    requester_name = forms.CharField(
        label=_("Full name"), max_length=150, widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "name"})
    )
    national_id = forms.CharField(
        label=_("National ID card number"),
        max_length=16,
        help_text=_(
            "The law's form asks for it. It is encrypted and only the collectivity's information officers read it; it "
            "is never published."
        ),
        widget=forms.TextInput(attrs={"dir": "ltr", "autocomplete": "off", "spellcheck": "false"}),
    )
    contact_email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_("The acknowledgment and the reply are sent there (your account's address if left empty)."),
        widget=forms.EmailInput(attrs={"dir": "ltr"}),
    )
    postal_address = _text(_("Postal address"), 500, required=False, rows=2)
    subject = forms.CharField(label=_("Subject"), max_length=200, widget=forms.TextInput(attrs={"dir": "auto"}))
    description = _text(_("Information sought"), 5000, rows=6)
    access_form = forms.ChoiceField(
        label=_("How you want to receive it"), choices=AccessForm.choices, widget=forms.RadioSelect
    )
    kind = forms.ChoiceField(
        label=pgettext_lazy("information request", "Kind of request"),
        choices=RequestKind.choices,
        initial=RequestKind.ORDINARY,
        widget=forms.RadioSelect,
        help_text=_(
            "Ordinary: answered within 20 working days. Urgent, to protect a person's life, safety or freedom: within "
            "3 working days."
        ),
    )
    urgency_reason = _text(_("Why it is urgent"), 2000, required=False, rows=3)
    publish_name = forms.BooleanField(
        label=_("Show my name in the public register"),
        required=False,
        help_text=_("By default the public register shows the request without your name."),
    )

    def __init__(self, *args: Any, language: str = "ar", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["collectivity"].queryset = filing_collectivities(language)  # type: ignore[attr-defined]


# --- The officers' acts ----------------------------------------------------------------------------------------------

MESSAGE_LABELS = {
    states.START: _("Message to the requester (optional)"),
    states.ASK_CLARIFICATION: _("What needs clarifying"),
    states.EXTEND: _("Reason for the extension (told to the requester)"),
    states.CLARIFY: _("The clarification"),
}


class ActForm(forms.Form):
    """One officer act (see `states.acts_from`); `fields_for(act)` names the fields that act shows."""

    act = forms.ChoiceField(choices=[(act, act) for act in sorted(states.OFFICER_ACTS)], widget=forms.HiddenInput)
    message = _text(_("Message"), services.MESSAGE_MAX_LENGTH, required=False, rows=3)
    response = _text(_("Response"), services.RESPONSE_MAX_LENGTH, required=False, rows=8)
    ground = forms.ChoiceField(label=_("Legal ground"), choices=[("", "—"), *Ground.choices], required=False)
    withheld = _text(_("What is withheld"), 3000, required=False, rows=3)
    published_at = forms.URLField(
        label=_("Where it is already published"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("For the ground “Already published”: the link to the publication."),
    )
    transferred_to = forms.CharField(label=_("Transferred to"), max_length=300, required=False)

    FIELDS = {
        states.START: ("message",),
        states.ASK_CLARIFICATION: ("message",),
        states.CLARIFY: ("message",),
        states.EXTEND: ("message",),
        states.ANSWER: ("response",),
        states.ANSWER_PARTIALLY: ("response", "ground", "published_at", "withheld"),
        states.REFUSE: ("response", "ground", "published_at"),
        states.DECLARE_NOT_HELD: ("response",),
        states.TRANSFER: ("transferred_to", "response"),
    }

    def __init__(self, data: Any = None, *args: Any, act: str = "", **kwargs: Any) -> None:
        act = act or (str(data.get("act", "")) if data is not None else "")
        kwargs.setdefault("auto_id", f"id_{act or 'act'}_%s")
        super().__init__(data, *args, **kwargs)
        self.act_name = act
        if self.act_name in MESSAGE_LABELS:
            self.fields["message"].label = MESSAGE_LABELS[self.act_name]
        if self.act_name in (states.ASK_CLARIFICATION, states.EXTEND, states.CLARIFY):
            self.fields["message"].required = True
        if self.act_name in (states.ANSWER, states.ANSWER_PARTIALLY, states.REFUSE, states.DECLARE_NOT_HELD):
            self.fields["response"].required = True
        if self.act_name == states.TRANSFER:
            self.fields["transferred_to"].required = True
        self.initial.setdefault("act", self.act_name)

    def shown_fields(self) -> list[Any]:
        return [self[name] for name in self.FIELDS.get(self.act_name, ())]


class ClarifyForm(OnePage):
    id_prefix = "clarify"
    message = _text(_("Your clarification"), services.MESSAGE_MAX_LENGTH, rows=4)


class WithdrawForm(OnePage):
    id_prefix = "withdraw"
    message = _text(_("Why you withdraw it (optional)"), services.MESSAGE_MAX_LENGTH, required=False, rows=2)


class ComplaintForm(OnePage):
    id_prefix = "complaint"
    text = _text(_("Your complaint to the head of the collectivity"), 5000, rows=5)


class NoteForm(OnePage):
    id_prefix = "note"
    text = _text(_("Internal note"), 5000, rows=3, help_text=_("Seen by the collectivity's information officers only."))


class HeadDecisionForm(OnePage):
    id_prefix = "decision"
    decision = forms.ChoiceField(label=_("The head's decision"), choices=HeadDecision.choices, widget=forms.RadioSelect)
    decision_text = _text(_("Reasons of the decision"), 5000, rows=4)
    decided_on = forms.DateField(label=_("Decided on"), widget=DATE)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decided_on"].initial = timezone.localdate()


class CdaiReferralForm(OnePage):
    id_prefix = "cdai"
    cdai_referred_on = forms.DateField(label=_("Referred to the CDAI on"), widget=DATE)
    cdai_reference = forms.CharField(label=_("CDAI file number"), max_length=60, required=False)
    cdai_decided_on = forms.DateField(label=_("CDAI decided on"), required=False, widget=DATE)
    cdai_outcome = _text(_("CDAI outcome"), 5000, required=False, rows=3)


class VisibilityForm(OnePage):
    """The officers keep a request out of the register (with a reason) or put it back."""

    id_prefix = "visibility"

    is_public = forms.TypedChoiceField(
        label=_("In the public register"),
        choices=[("1", _("Shown in the public register")), ("0", _("Kept out of the public register"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Why it is kept out"),
        max_length=300,
        required=False,
        help_text=_("Required to keep it out; the requester sees it."),
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )


class PublishNameForm(OnePage):
    id_prefix = "publish"
    publish_name = forms.BooleanField(label=_("Show my name in the public register"), required=False)


# --- The queue's filters --------------------------------------------------------------------------------------------


class QueueFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=pgettext_lazy("information request", "State"),
        required=False,
        choices=[("", _("Open requests")), ("all", _("All requests")), *RequestState.choices],
    )
    kind = forms.ChoiceField(
        label=pgettext_lazy("information request", "Kind"),
        required=False,
        choices=[("", _("All kinds")), *RequestKind.choices],
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    due_within = forms.IntegerField(
        label=_("Due within (days)"), required=False, min_value=0, max_value=365, widget=forms.NumberInput
    )


def templates_for(request: InformationRequest) -> list[ResponseTemplate]:
    """The response templates an officer of the request's collectivity may start from."""
    return list(
        ResponseTemplate.objects.filter(collectivity__isnull=True)
        | ResponseTemplate.objects.filter(collectivity_id=request.collectivity_id)
    )
