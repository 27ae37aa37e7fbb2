"""The staff's form for a news item, and the public list's filters."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from infitah.core.principles import Principle
from infitah.core.translation import lazy_format
from infitah.news.models import NewsItem
from infitah.participation.attachments import check_upload, megabytes

IMAGE_TYPES = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg"}
IMAGE_MAX_BYTES = 2 * 1024 * 1024


def check_image(uploaded) -> str:
    """The MIME type of an acceptable image (PNG or JPEG whose content is what its name says, 2 MB at most), or a
    ValidationError that says which rule it broke."""
    if uploaded.size > IMAGE_MAX_BYTES:
        raise ValidationError(
            _("The image is too large: %(size)s MB; the limit is %(limit)s MB."),
            params={"size": megabytes(uploaded.size), "limit": megabytes(IMAGE_MAX_BYTES)},
            code="too_large",
        )
    extension = uploaded.name.rsplit(".", 1)[-1].lower() if "." in uploaded.name else ""
    if extension not in IMAGE_TYPES:
        raise ValidationError(_("Only PNG and JPEG images are accepted."), code="type")
    check_upload(uploaded)  # the content must match the extension, and hold no HTML
    return IMAGE_TYPES[extension]


class NewsItemForm(forms.ModelForm):
    source_url = forms.URLField(label=_("source address"), max_length=500, required=False, assume_scheme="https")
    remove_image = forms.BooleanField(label=_("Remove the image"), required=False)

    class Meta:
        model = NewsItem
        fields = ["title", "summary", "body", "principles", "image", "source_name", "source_url", "published_at"]
        widgets = {
            "published_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "image": forms.FileInput(attrs={"accept": ".png,.jpg,.jpeg"}),
        }
        help_texts = {
            "image": lazy_format(_("PNG or JPEG, up to %(limit)s MB."), {"limit": megabytes(IMAGE_MAX_BYTES)}),
            "published_at": _(
                "Leave empty to publish when you press “Publish”; a later date schedules the item: nobody sees it "
                "before then."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["published_at"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"]

    def clean_image(self):
        uploaded = self.cleaned_data.get("image")
        if uploaded and hasattr(uploaded, "content_type"):  # a new upload, not the stored file
            self.image_type = check_image(uploaded)
        return uploaded


def principle_choices():
    return [("", _("All principles")), *Principle.choices]


class NewsFilterForm(forms.Form):
    publisher = forms.ChoiceField(label=_("Publisher"), required=False)
    principle = forms.ChoiceField(label=_("Principle"), required=False, choices=principle_choices)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, publishers=(), years=(), **kwargs):
        super().__init__(*args, **kwargs)
        from infitah.news.selectors import NETWORK

        self.fields["publisher"].choices = [
            ("", _("All publishers")),
            (NETWORK, _("The network")),
            *((collectivity.code, str(collectivity)) for collectivity in publishers),
        ]
        self.fields["year"].choices = [("", _("All years")), *((year, str(year)) for year in years)]
