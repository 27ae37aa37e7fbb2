from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from infitah.bodies.models import (
    RESPONSE_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    BodyKind,
    OpinionKind,
    OpinionStatus,
)
from infitah.core.translation import TranslatedFormField, lazy_format, tr
from infitah.participation.text import plain_text
from infitah.programs.models import Commitment
from infitah.territories.choosing import CollectivityField
from infitah.territories.models import Collectivity


def plain_translations(value):
    """Tags stripped from every language's text (members and staff type plain text); empty languages dropped."""
    cleaned = {code: plain_text(text) for code, text in (value or {}).items()}
    return {code: text for code, text in cleaned.items() if text}


def confirmation_field(label):
    return forms.BooleanField(
        label=label,
        required=True,
        error_messages={"required": _("Tick the box to confirm: this action is recorded and shown publicly.")},
    )


class BodyFilterForm(forms.Form):
    collectivity = CollectivityField(
        suggestions=lambda: Collectivity.objects.filter(advisory_bodies__isnull=False).distinct().order_by("code")
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds")), *BodyKind.choices])


class OpinionFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *OpinionStatus.choices]
    )


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class CommitmentChoices(forms.ModelMultipleChoiceField):
    """The commitments an opinion is about, as check boxes grouped under their program's title."""

    def label_from_instance(self, obj: Commitment) -> str:
        return str(tr(obj.title))

    def offer(self, commitments: QuerySet[Commitment]) -> None:
        """Offer `commitments` (with their program), grouped by program in the widget; validated against them."""
        self.queryset = commitments
        groups: dict[int, tuple[str, list[tuple[int, str]]]] = {}
        for commitment in commitments:
            title, choices = groups.setdefault(commitment.program_id, (str(tr(commitment.program.title)), []))
            choices.append((commitment.pk, self.label_from_instance(commitment)))
        self.choices = list(groups.values())


class OpinionForm(forms.Form):
    member = MemberChoiceField(
        label=_("Presented by"),
        queryset=None,
        required=False,
        help_text=_("The member of the body who presents this opinion."),
        error_messages={"invalid_choice": _("Choose an active member of this body.")},
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=OpinionKind.choices, initial=OpinionKind.OPINION)
    title = TranslatedFormField(
        label=_("Title"),
        max_length=TITLE_MAX_LENGTH,
        help_text=lazy_format(
            _("In one language or more. Up to %(limit)d characters each."), {"limit": TITLE_MAX_LENGTH}
        ),
        error_messages={"required": _("Give the opinion a title, in one language or more.")},
    )
    text = TranslatedFormField(
        label=_("Text of the opinion"),
        multiline=True,
        max_length=TEXT_MAX_LENGTH,
        help_text=lazy_format(
            _("Plain text, in one language or more. Up to %(limit)d characters each."), {"limit": TEXT_MAX_LENGTH}
        ),
        error_messages={"required": _("Write the text of the opinion, in one language or more.")},
    )
    commitments = CommitmentChoices(
        label=_("Commitments this opinion is about"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Optional. The opinion is then shown on each commitment's page."),
        error_messages={
            "invalid_choice": _(
                "An opinion of this body may only be about commitments of its own collectivity's public "
                "programs; choose among those listed."
            ),
            "invalid_pk_value": _("Choose commitments among those listed."),
        },
    )

    def __init__(self, *args, members=None, commitments=None, **kwargs):
        """`members`: the active members staff may name; None for a member submitting in their own name.
        `commitments`: those the opinion may be about (the body's collectivity's public programs'); the field
        is left out when there are none."""
        super().__init__(*args, **kwargs)
        if commitments is None or not commitments.exists():
            del self.fields["commitments"]
        else:
            self.fields["commitments"].offer(commitments)
        if members is None:
            del self.fields["member"]
        else:
            self.fields["member"].queryset = members
            self.fields["member"].required = True
            self.fields["member"].error_messages["required"] = _("Choose the member who presents this opinion.")

    def _translations(self, name, what):
        value = plain_translations(self.cleaned_data[name])
        if not value:
            raise forms.ValidationError(
                _("Only markup was left once HTML tags were removed: write the %(what)s in plain words.")
                % {"what": what},
                code="only_markup",
            )
        return value

    def clean_title(self):
        return self._translations("title", _("title"))

    def clean_text(self):
        return self._translations("text", _("text"))


class OpinionCommitmentsForm(forms.Form):
    """Staff say, after submission, which commitments an opinion is about."""

    commitments = OpinionForm.base_fields["commitments"]

    def __init__(self, *args, commitments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commitments"].offer(commitments)


class AcknowledgeForm(forms.Form):
    confirm = confirmation_field(_("I confirm that the collectivity has received this opinion."))


class AnswerForm(forms.Form):
    response = TranslatedFormField(
        label=_("The council's reasoned response"),
        multiline=True,
        max_length=RESPONSE_MAX_LENGTH,
        help_text=lazy_format(
            _("Say what the council decided and why. Public. Up to %(limit)d characters in each language."),
            {"limit": RESPONSE_MAX_LENGTH},
        ),
        error_messages={
            "required": _("Write the council's reasoned response: an answer without reasons is not an answer.")
        },
    )
    council_session = forms.CharField(
        label=_("Council session"),
        max_length=200,
        required=False,
        help_text=_("Optional, e.g. “October 2024 ordinary session, decision 45/2024”. At most 200 characters."),
    )
    confirm = confirmation_field(_("I confirm that this is the council's answer; it is published and final."))

    def clean_response(self):
        value = plain_translations(self.cleaned_data["response"])
        if not value:
            raise forms.ValidationError(
                _("Only markup was left once HTML tags were removed: write the response in plain words."),
                code="only_markup",
            )
        return value

    def clean_council_session(self):
        return plain_text(self.cleaned_data["council_session"])
