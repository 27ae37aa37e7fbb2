"""Attachments: checked on the way in (size, extension and content), served only as downloads."""

from __future__ import annotations

import os
import unicodedata
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from infitah.participation.filetypes import allowed_extensions, extension_of, identify
from infitah.participation.models import Attachment
from infitah.participation.targets import content_type_of, ensure, target_fields

if TYPE_CHECKING:
    from django.db.models import Model, QuerySet

    from infitah.accounts.models import User
    from infitah.participation.filetypes import FileType

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def max_bytes() -> int:
    return getattr(settings, "INFITAH_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES)


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")


def check_upload(uploaded: Any) -> FileType:
    """Return the FileType of an upload, or raise a ValidationError that states the rule broken."""
    limit = max_bytes()
    if uploaded.size > limit:
        raise ValidationError(
            _("The file is too large: %(size)s MB; the limit is %(limit)s MB."),
            params={"size": megabytes(uploaded.size), "limit": megabytes(limit)},
            code="too_large",
        )
    if uploaded.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    allowed = ", ".join(allowed_extensions())
    if extension_of(uploaded.name) not in allowed_extensions():
        raise ValidationError(
            _("Files of this type cannot be attached. Accepted types: %(allowed)s."),
            params={"allowed": allowed},
            code="type",
        )
    file_type = identify(uploaded.name, uploaded)
    if file_type is None:
        raise ValidationError(
            _("The content of this file does not match its .%(extension)s extension, so it was refused."),
            params={"extension": extension_of(uploaded.name)},
            code="content",
        )
    return file_type


def check_uploads(files: Any, field: str = "documents") -> None:
    """Every file of one form field by check_upload, all of them before anything is saved; the errors name the file
    they are about, under `field`."""
    messages: list[str] = []
    for uploaded in files:
        try:
            check_upload(uploaded)
        except ValidationError as error:
            messages.extend(f"{uploaded.name}: {message}" for message in error.messages)
    if messages:
        raise ValidationError({field: messages})


def safe_name(name: str) -> str:
    """The uploaded name without any path or control characters, for the download's file name only."""
    name = os.path.basename((name or "").replace("\\", "/"))
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    return name[-255:] or "file"


def attach(user: User, obj: Any, uploaded: Any) -> Attachment:
    """Attach `uploaded` (a Django UploadedFile) to `obj`. Raises ParticipationRefused or ValidationError."""
    ensure(user, "participation.attach", obj, "attach")
    file_type = check_upload(uploaded)
    attachment = Attachment(
        uploaded_by=user,
        original_name=safe_name(uploaded.name),
        extension=file_type.extension,
        mime_type=file_type.mime_type,
        size=uploaded.size,
        **target_fields(obj),
    )
    attachment.file.save("upload", uploaded, save=False)
    attachment.save()
    return attachment


def attachments_of(obj: Model, include_hidden: bool = False) -> QuerySet[Attachment]:
    attachments = Attachment.objects.filter(content_type=content_type_of(obj), object_id=obj.pk)
    return attachments if include_hidden else attachments.filter(is_hidden=False)
