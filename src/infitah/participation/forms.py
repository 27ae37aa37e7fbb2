from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from infitah.core.text import limit_help
from infitah.core.translation import lazy_format
from infitah.participation.attachments import check_upload, max_bytes, megabytes
from infitah.participation.filetypes import allowed_extensions
from infitah.participation.models import EmailFrequency, ModerationReason
from infitah.participation.text import COMMENT_MAX_LENGTH, REASON_MAX_LENGTH, clean_text


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input, at most `max_files` (None: no limit); each is checked by the attachments' rules
    (check_upload) when the object they join is saved."""

    def __init__(self, *args: Any, max_files: int | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        self.max_files = max_files
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            files = [single(item, initial) for item in data if item]
        else:
            files = [single(data, initial)] if data else []
        if self.max_files is not None and len(files) > self.max_files:
            raise forms.ValidationError(
                _("At most %(count)d files at a time."), params={"count": self.max_files}, code="too_many"
            )
        return files


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        # No max_length here: the limit is checked on the text once tags are removed, and stated in the error.
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": COMMENT_MAX_LENGTH, "required": True}),
        help_text=lazy_format(
            _("Plain text, up to %(limit)d characters. HTML is removed."), {"limit": COMMENT_MAX_LENGTH}
        ),
        # Whitespace-only text reaches clean_body, so the refusal says the text is empty.
        required=False,
        strip=False,
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean_body(self):
        return clean_text(self.cleaned_data.get("body"), max_length=COMMENT_MAX_LENGTH)


class ReportForm(forms.Form):
    reason = forms.ChoiceField(label=_("Why are you reporting this?"), choices=ModerationReason.choices)
    details = forms.CharField(
        label=_("Details"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": REASON_MAX_LENGTH}),
        help_text=lazy_format(
            _("Required when the reason is “Other”. Up to %(limit)d characters."), {"limit": REASON_MAX_LENGTH}
        ),
    )

    def clean(self):
        cleaned = super().clean()
        reason = cleaned.get("reason")
        if reason:
            try:
                cleaned["details"] = clean_text(
                    self.data.get("details", ""),
                    max_length=REASON_MAX_LENGTH,
                    required=reason == ModerationReason.OTHER,
                )
            except forms.ValidationError as error:
                self.add_error("details", error)
        return cleaned


class HideForm(forms.Form):
    category = forms.ChoiceField(label=_("Reason"), choices=ModerationReason.choices)
    explanation = forms.CharField(
        label=_("Public explanation"),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": REASON_MAX_LENGTH}),
        help_text=limit_help(
            REASON_MAX_LENGTH,
            _("Shown publicly where the item was and in the moderation log. Do not repeat the hidden text."),
        ),
        required=False,
    )

    def clean_explanation(self):
        return clean_text(self.cleaned_data.get("explanation"), max_length=REASON_MAX_LENGTH)


class RestoreForm(forms.Form):
    explanation = forms.CharField(
        label=_("Why restore it?"),
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": REASON_MAX_LENGTH}),
        help_text=limit_help(REASON_MAX_LENGTH),
        required=False,
    )

    def clean_explanation(self):
        return clean_text(self.cleaned_data.get("explanation"), max_length=REASON_MAX_LENGTH)


class NotificationSettingsForm(forms.Form):
    email_frequency = forms.ChoiceField(
        label=_("E-mail me about my notifications"), choices=EmailFrequency.choices, widget=forms.RadioSelect
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("Accepted types: %(types)s; up to %(limit)s MB.") % {
            "types": ", ".join(allowed_extensions()),
            "limit": megabytes(max_bytes()),
        }
        self.fields["file"].widget.attrs["accept"] = ",".join(f".{ext}" for ext in allowed_extensions())

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        check_upload(uploaded)
        return uploaded
