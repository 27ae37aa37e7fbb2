"""A resource with its first version, a further version, and the list's filters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from infitah.core.principles import Principle
from infitah.core.text import limit_help
from infitah.participation.attachments import max_bytes, megabytes
from infitah.resources.models import Resource, ResourceKind, ResourceVersion
from infitah.resources.uploads import DOCUMENT_TYPES


class ResourceForm(forms.ModelForm):
    class Meta:
        model = Resource
        fields = ["title", "description", "kind", "principles", "publisher"]

    def __init__(self, *args: Any, publishers: Any, network: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        publisher = self.fields["publisher"]
        assert isinstance(publisher, forms.ModelChoiceField)
        publisher.queryset = publishers
        publisher.required = not network
        publisher.empty_label = _("The network") if network else None


class VersionForm(forms.ModelForm):
    """A version: its label, note and date, and a file per language (at least one)."""

    class Meta:
        model = ResourceVersion
        fields = ["label", "note", "released_on"]
        widgets = {
            "released_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        }
        help_texts = {"note": limit_help(2000)}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        accepted = gettext("Accepted types: %(types)s; up to %(size)s MB each.") % {
            "types": ", ".join(DOCUMENT_TYPES),
            "size": megabytes(max_bytes()),
        }
        for code, name in settings.LANGUAGES:
            self.fields[f"file_{code}"] = forms.FileField(
                label=_("File in %(language)s") % {"language": name}, required=False, help_text=accepted
            )

    def files_by_language(self) -> dict[str, Any]:
        return {code: self.cleaned_data.get(f"file_{code}") for code, _name in settings.LANGUAGES}


class ResourceFilterForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    principle = forms.ChoiceField(label=_("Principle"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *ResourceKind.choices]  # type: ignore[attr-defined]
        self.fields["principle"].choices = [("", _("All principles")), *Principle.choices]  # type: ignore[attr-defined]
        self.fields["language"].choices = [("", _("All languages")), *settings.LANGUAGES]  # type: ignore[attr-defined]

    def cleaned(self) -> dict[str, Any]:
        if self.is_bound and self.is_valid():
            return self.cleaned_data
        return {}
