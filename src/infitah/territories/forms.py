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
