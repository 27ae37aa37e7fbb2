"""The network dashboard's filters: a year, a kind of collectivity, a region and a member to follow over the years."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from infitah.core.translation import tr
from infitah.territories.models import Collectivity, CollectivityKind


class DashboardFilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds")), *CollectivityKind.choices])
    region = forms.ChoiceField(label=_("Region"), required=False)
    member = forms.CharField(
        label=_("Member followed in the trend (code)"),
        required=False,
        max_length=32,
        help_text=_("The official code of a collectivity, as in the ranking's links."),
    )

    def __init__(self, *args: Any, years: list[int], regions: list[Collectivity], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.regions = {region.code: region for region in regions}
        cast(forms.ChoiceField, self.fields["year"]).choices = [(year, str(year)) for year in years]
        cast(forms.ChoiceField, self.fields["region"]).choices = [("", _("All regions"))] + [
            (region.code, tr(region.name)) for region in regions
        ]

    def choice(self, name: str) -> Any:
        """A filter's value when it was valid, else its empty value (the other filters still apply)."""
        if not self.is_bound:
            return None
        self.is_valid()
        return self.cleaned_data.get(name) if name not in self.errors else None

    def selected_region(self) -> Collectivity | None:
        return self.regions.get(self.choice("region") or "")
