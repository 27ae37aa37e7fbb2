"""The forms of the library: a practice (with its documents), a review act, an adoption, the list's filters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from infitah.core.principles import Principle
from infitah.core.text import limit_help
from infitah.core.translation import tr
from infitah.participation.attachments import max_bytes, megabytes
from infitah.participation.filetypes import allowed_extensions
from infitah.participation.forms import MultipleFileField
from infitah.practices.models import Practice
from infitah.territories.models import Collectivity, CollectivityKind

MAX_FILES = 10


class CollectivityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(tr(obj.name))


class PracticeForm(forms.ModelForm):
    documents = MultipleFileField(label=_("Documents"), required=False, max_files=MAX_FILES)

    class Meta:
        model = Practice
        fields = [
            "collectivity",
            "title",
            "summary",
            "context",
            "principles",
            "partners",
            "results",
            "contact_name",
            "contact_address",
        ]
        field_classes = {"collectivity": CollectivityChoiceField}
        widgets = {
            "contact_name": forms.TextInput(attrs={"dir": "auto"}),
            "contact_address": forms.EmailInput(attrs={"dir": "ltr"}),
        }

    def __init__(self, *args: Any, collectivities: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["collectivity"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = collectivities if collectivities is not None else Collectivity.objects.none()
        field.empty_label = None
        if self.instance.pk is not None:
            # A practice stays with its collectivity.
            field.disabled = True
        self.fields["documents"].help_text = gettext("Accepted types: %(types)s; up to %(size)s MB each.") % {
            "types": ", ".join(allowed_extensions()),
            "size": megabytes(max_bytes()),
        }


class ActForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        help_text=limit_help(2000, _("Required to return or withdraw a practice: the submitter reads it.")),
    )


class CommitmentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{tr(obj.program.collectivity.name)} — {tr(obj.title)}"


class AdoptionForm(forms.Form):
    collectivity = CollectivityChoiceField(label=_("Your collectivity"), queryset=Collectivity.objects.none())
    commitment = CommitmentChoiceField(
        label=_("Commitment of your program"),
        queryset=None,
        help_text=_("The commitment of your own openness program the practice was taken up into."),
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        help_text=limit_help(1000, _("What you took up, what you changed.")),
    )

    def __init__(self, *args: Any, collectivities: Any, commitments: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        collectivity = self.fields["collectivity"]
        commitment = self.fields["commitment"]
        assert isinstance(collectivity, forms.ModelChoiceField) and isinstance(commitment, forms.ModelChoiceField)
        collectivity.queryset = collectivities
        collectivity.empty_label = None
        commitment.queryset = commitments

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        collectivity, commitment = data.get("collectivity"), data.get("commitment")
        if (
            collectivity is not None
            and commitment is not None
            and commitment.program.collectivity_id != collectivity.pk
        ):
            self.add_error("commitment", _("Choose a commitment of your own collectivity's program."))
        return data


class PracticeFilterForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False, max_length=200)
    principle = forms.ChoiceField(label=_("Principle"), required=False)
    kind = forms.ChoiceField(label=_("Kind of collectivity"), required=False)
    region = CollectivityChoiceField(
        label=_("Region"), queryset=Collectivity.objects.none(), required=False, to_field_name="code"
    )
    collectivity = CollectivityChoiceField(
        label=_("Collectivity"), queryset=Collectivity.objects.none(), required=False, to_field_name="code"
    )

    def __init__(self, *args: Any, collectivities: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["principle"].choices = [("", _("All principles")), *Principle.choices]  # type: ignore[attr-defined]
        self.fields["kind"].choices = [("", _("All kinds")), *CollectivityKind.choices]  # type: ignore[attr-defined]
        region = self.fields["region"]
        collectivity = self.fields["collectivity"]
        assert isinstance(region, forms.ModelChoiceField) and isinstance(collectivity, forms.ModelChoiceField)
        region.queryset = Collectivity.objects.filter(kind=CollectivityKind.REGION).order_by("code")
        region.empty_label = _("All regions")
        collectivity.queryset = collectivities if collectivities is not None else Collectivity.objects.none()
        collectivity.empty_label = _("All collectivities")

    def cleaned(self) -> dict[str, Any]:
        if self.is_bound and self.is_valid():
            return self.cleaned_data
        return {}
