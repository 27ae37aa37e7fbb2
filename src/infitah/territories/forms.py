from django import forms
from django.utils.translation import gettext_lazy as _

from infitah.core.translation import tr
from infitah.territories.models import CollectivityKind


class MemberFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Name"), required=False, max_length=100, widget=forms.TextInput(attrs={"type": "search"})
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds")), *CollectivityKind.choices])
    region = forms.ChoiceField(label=_("Region"), required=False)

    def __init__(self, *args, regions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.regions = {region.code: region for region in regions}
        self.fields["region"].choices = [("", _("All regions"))] + [
            (region.code, tr(region.name)) for region in regions
        ]

    def selected_region(self):
        return self.regions.get(self.cleaned_data.get("region") or "")


class ContactForm(forms.Form):
    """A message to a member collectivity; the writer's address is needed for the answer."""

    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(
        label=_("Your e-mail address"), help_text=_("The collectivity answers to this address. It is not published.")
    )
    subject = forms.CharField(label=_("Subject"), max_length=150)
    message = forms.CharField(
        label=_("Your message"),
        max_length=4000,
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("At most 4,000 characters. Do not write personal data you do not want the collectivity to have."),
    )

    def clean_subject(self):
        # One line: a subject is an e-mail header.
        return " ".join(self.cleaned_data["subject"].split())

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())
