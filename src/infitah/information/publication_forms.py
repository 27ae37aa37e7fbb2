"""The form staff keep an entry of their collectivity's publication catalogue with."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from infitah.information.models import PublicationCategory, PublicationEntry
from infitah.participation.attachments import max_bytes, megabytes
from infitah.participation.filetypes import allowed_extensions
from infitah.participation.forms import MultipleFileField
from infitah.participation.models import Attachment

MAX_FILES = 10


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj)


class DocumentChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.original_name)


NOT_HTTP = _("Give a web address beginning with http:// or https://.")


class WebAddressField(forms.URLField):
    """http:// and https:// only (no javascript:, data:, ftp:…): the address is a link on a public page."""

    default_validators = [URLValidator(schemes=["http", "https"])]
    default_error_messages = {"invalid": NOT_HTTP}


class EntryForm(forms.ModelForm):
    url = WebAddressField(
        label=_("link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"dir": "ltr"}),
        help_text=_(
            "The page or file where the public finds it (http:// or https://). Give a link, a document, or both."
        ),
    )
    documents = MultipleFileField(label=_("Documents"), required=False, max_files=MAX_FILES)
    remove_documents = DocumentChoiceField(
        label=_("Remove these documents"),
        queryset=Attachment.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = PublicationEntry
        fields = ["category", "title", "url", "updated_on", "owner"]
        field_classes = {"category": CategoryChoiceField}
        widgets = {
            "updated_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "owner": forms.TextInput(attrs={"dir": "auto"}),
        }
        help_texts = {
            "updated_on": _("When the information was last brought up to date (not in the future)."),
        }

    def __init__(self, *args: Any, documents: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        category = self.fields["category"]
        assert isinstance(category, forms.ModelChoiceField)
        category.queryset = PublicationCategory.objects.all()
        category.empty_label = None
        # Written per request: the accepted types and the limit are settings, the sentence is in the reader's language.
        self.fields["documents"].help_text = gettext("Accepted types: %(types)s; up to %(size)s MB each.") % {
            "types": ", ".join(allowed_extensions()),
            "size": megabytes(max_bytes()),
        }
        remove = self.fields["remove_documents"]
        assert isinstance(remove, forms.ModelMultipleChoiceField)
        if documents is None:
            del self.fields["remove_documents"]
        else:
            remove.queryset = documents

    def clean_updated_on(self) -> Any:
        updated_on = self.cleaned_data.get("updated_on")
        if updated_on is not None and updated_on > timezone.localdate():
            raise forms.ValidationError(_("The date of the last update cannot be in the future."), code="future")
        return updated_on
