"""The forms of co-monitoring: a progress update, a review, a reply to a contest, a committee seat, the weights."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from infitah.core.text import limit_help
from infitah.core.translation import TranslatedFormField
from infitah.monitoring.models import CommitteeMember, Completion, FollowUpCommittee, Verdict
from infitah.monitoring.services import COMMENT_MAX_LENGTH, NARRATIVE_MAX_LENGTH, REASON_MAX_LENGTH, REPLY_MAX_LENGTH
from infitah.participation.attachments import max_bytes, megabytes
from infitah.participation.filetypes import allowed_extensions
from infitah.participation.forms import MultipleFileField

LINKS_MAX_LENGTH = 20000


class UpdateForm(forms.Form):
    as_of = forms.DateField(
        label=_("As of"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The date the progress is reported at (not in the future)."),
    )
    completion = forms.ChoiceField(label=_("Completion"), choices=Completion.choices)
    percent = forms.IntegerField(
        label=_("Progress (%)"),
        min_value=0,
        max_value=100,
        error_messages={
            "max_value": _("Progress above 100%% is refused: give a percentage from 0 to 100."),
            "min_value": _("Progress below 0%% is refused: give a percentage from 0 to 100."),
        },
    )
    narrative = TranslatedFormField(
        label=_("What was done"),
        multiline=True,
        max_length=NARRATIVE_MAX_LENGTH,
        error_messages={"required": _("Say what was done, in one language or more.")},
    )
    decrease_reason = TranslatedFormField(
        label=_("Why progress went down"),
        multiline=True,
        required=False,
        max_length=REASON_MAX_LENGTH,
        help_text=_("Required when the progress is lower than in the previous update."),
    )
    evidence_links = forms.CharField(
        label=_("Links to evidence"),
        required=False,
        max_length=LINKS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "ltr"}),
        help_text=limit_help(LINKS_MAX_LENGTH, _("One web address per line (http:// or https://).")),
    )
    evidence_files = MultipleFileField(label=_("Files of evidence"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Written per request: the accepted types and the limit are settings, the sentence is in the reader's language.
        self.fields["evidence_files"].help_text = gettext("Accepted types: %(types)s; up to %(size)s MB each.") % {
            "types": ", ".join(allowed_extensions()),
            "size": megabytes(max_bytes()),
        }

    def links(self) -> list[str]:
        return (self.cleaned_data.get("evidence_links") or "").splitlines()


class ReviewForm(forms.Form):
    verdict = forms.ChoiceField(label=_("Your review"), choices=Verdict.choices, widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        help_text=limit_help(COMMENT_MAX_LENGTH, _("Required to contest: say what does not match what you see.")),
    )


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer to the contest"),
        max_length=REPLY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
        help_text=limit_help(REPLY_MAX_LENGTH),
        error_messages={"required": _("Write the answer first: it is empty.")},
    )


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.display_name)


class CommitteeMemberForm(forms.ModelForm):
    class Meta:
        model = CommitteeMember
        fields = ["seat", "name", "association", "role", "user", "order"]
        field_classes = {"user": PersonChoiceField}
        help_texts = {
            "user": _(
                "The member's account, if they review updates on the platform: chosen among the people linked "
                "to the collectivity."
            ),
        }

    def __init__(self, *args: Any, people: Any = None, associations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, choices in (("user", people), ("association", associations)):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = choices
            field.required = False


class WeightsForm(forms.Form):
    """One weight per milestone of the adopted version (1 unless said otherwise)."""

    def __init__(self, *args: Any, milestones: list[tuple[str, str]], weights: dict[str, int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.milestones = milestones
        for key, title in milestones:
            self.fields[f"weight_{key}"] = forms.IntegerField(
                label=title, min_value=1, max_value=100, initial=weights.get(key, 1)
            )

    def weights(self) -> dict[str, int]:
        return {key: self.cleaned_data[f"weight_{key}"] for key, _title in self.milestones}


class CommitteeForm(forms.ModelForm):
    class Meta:
        model = FollowUpCommittee
        fields = ["mandate", "constituted_on"]
        widgets = {"constituted_on": forms.DateInput(attrs={"type": "date"})}
