"""The forms of the budget back office: import a file for a year, publish a draft."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infitah.budgets.models import FIRST_YEAR, LAST_YEAR
from infitah.budgets.services import check_file
from infitah.core.translation import lazy_format

NOTE_LENGTH = 1000


class ImportForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR, max_value=LAST_YEAR)
    file = forms.FileField(
        label=_("Budget file (CSV or XLSX)"),
        help_text=_("At most 5 MB; the columns are those of the template."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    source_note = forms.CharField(
        label=_("Source"),
        required=False,
        max_length=NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
        help_text=lazy_format(
            _(
                "Where the figures come from: the budget adopted by the council on…, the administrative account… "
                "At most %(limit)s characters."
            ),
            {"limit": NOTE_LENGTH},
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year

    def clean_file(self) -> Any:
        uploaded = self.cleaned_data["file"]
        try:
            check_file(uploaded)
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from error
        return uploaded


class PublishForm(forms.Form):
    note = forms.CharField(
        label=_("Why it is published again"),
        required=False,
        max_length=NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
        help_text=lazy_format(
            _(
                "Needed only when this year's budget is already published: the note is shown with it. At most "
                "%(limit)s characters."
            ),
            {"limit": NOTE_LENGTH},
        ),
    )
