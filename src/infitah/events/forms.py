"""Forms of the events pages: filters, registration, attendance, the minutes' review."""

from django import forms
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import AgeBand, Gender
from infitah.core.text import limit_help
from infitah.events.models import Category, EventKind
from infitah.territories.models import Collectivity

WHEN_CHOICES = [("upcoming", _("Upcoming")), ("past", _("Past"))]


class EventFilterForm(forms.Form):
    when = forms.ChoiceField(label=_("When"), choices=WHEN_CHOICES, required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    collectivity = forms.ModelChoiceField(
        label=_("Organiser"),
        queryset=Collectivity.objects.none(),
        required=False,
        to_field_name="code",
        empty_label=_("All organisers"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *EventKind.choices]
        # Organisers of published events only: the filter is on a public page, and naming a collectivity whose
        # events are all drafts would tell everyone it prepares one.
        self.fields["collectivity"].queryset = Collectivity.objects.filter(events__is_published=True).distinct()

    def cleaned(self):
        if self.is_bound and self.is_valid():
            return self.cleaned_data
        return {"when": "upcoming", "kind": "", "collectivity": None}


class RegistrationForm(forms.Form):
    category = forms.ChoiceField(label=_("I take part as"), choices=Category.choices, initial=Category.CITIZEN)
    gender = forms.ChoiceField(
        label=_("Gender (optional)"),
        choices=[("", _("I prefer not to say")), *Gender.choices],
        required=False,
        help_text=_("Used only, anonymously, to count participation by gender."),
    )
    age_band = forms.ChoiceField(
        label=_("Age band (optional)"), choices=[("", _("I prefer not to say")), *AgeBand.choices], required=False
    )


class MinutesReviewForm(forms.Form):
    approved = forms.BooleanField(label=_("I approve these minutes"), required=False)
    comment = forms.CharField(
        label=_("Comment or correction (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=limit_help(2000),
        error_messages={"max_length": _("Write at most 2,000 characters (you wrote %(show_value)d).")},
    )

    def clean(self):
        data = super().clean()
        if not data.get("approved") and not (data.get("comment") or "").strip():
            raise forms.ValidationError(_("Approve the minutes or write what should change."))
        return data
