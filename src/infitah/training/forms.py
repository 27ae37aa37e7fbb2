from django import forms
from django.utils.translation import gettext_lazy as _

from infitah.training.models import Audience


class CourseFilterForm(forms.Form):
    audience = forms.ChoiceField(
        label=_("Audience"), choices=[("", _("All audiences")), *Audience.choices], required=False
    )

    def audience_chosen(self) -> str:
        return self.cleaned_data.get("audience", "") if self.is_valid() else ""


class AttachSessionForm(forms.Form):
    event: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Training event"), queryset=None, empty_label=None)

    def __init__(self, *args, events, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = events


class CompleteByHandForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        help_text=_("For example: attended the sessions of another group; the reason is kept in the audit log."),
    )
