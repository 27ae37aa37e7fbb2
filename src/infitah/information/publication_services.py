"""The write side of the proactive-publication catalogue: add, edit and remove an entry with its documents.

Everything is checked before anything is written (the form's fields, every file by the attachments' one checker,
the rule), then saved in one transaction and written to the audit log: a bad file saves nothing, and an entry
being edited keeps its values and documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import User
from infitah.core.permissions import Refused, can, refusal_reason
from infitah.information.models import PublicationEntry
from infitah.participation.attachments import attach, attachments_of, check_uploads
from infitah.participation.audit import audit, changes_between, field_values
from infitah.participation.models import Attachment
from infitah.territories.models import Collectivity

FIELDS = ("category", "title", "url", "updated_on", "owner")
ACTION = "information.edit_publication"


class PublicationRefused(Refused):
    """The person may not keep this collectivity's catalogue."""


def _require(by: User, obj: Any) -> None:
    if not can(by, ACTION, obj):
        raise PublicationRefused(refusal_reason(ACTION) or _("You may not do this here."))


def save_entry(
    by: User,
    entry: PublicationEntry,
    *,
    files: Sequence[Any] = (),
    remove: Iterable[Attachment] = (),
) -> PublicationEntry:
    """Save `entry` (new, or changed by a validated form) with its new files, removing the documents in `remove`.

    An entry publishes something: a link, a document, or both."""
    collectivity = entry.collectivity
    _require(by, collectivity)
    adding = entry.pk is None
    before: dict[str, Any] = {}
    if not adding:
        stored = PublicationEntry.objects.get(pk=entry.pk)
        if stored.collectivity_id != entry.collectivity_id:
            raise PublicationRefused(_("An entry stays in its collectivity's catalogue."))
        _require(by, stored)
        before = field_values(stored, FIELDS)
    check_uploads(files)
    removing = [a for a in remove if adding is False and a.object_id == entry.pk]
    kept = 0 if adding else attachments_of(entry).exclude(pk__in=[a.pk for a in removing]).count()
    if not entry.url and not files and not kept:
        raise ValidationError({"url": _("Give a link or attach a document: an entry publishes something.")})
    with transaction.atomic():
        entry.save()
        for uploaded in files:
            uploaded.seek(0)
            attach(by, entry, uploaded)
        for attachment in removing:
            _remove_document(attachment)
        after = field_values(entry, FIELDS)
        changes = changes_between(before, after)
        if files:
            changes["documents_added"] = [None, [getattr(f, "name", "") for f in files]]
        if removing:
            changes["documents_removed"] = [[a.original_name for a in removing], None]
        action = "information.add_publication_entry" if adding else "information.change_publication_entry"
        audit(by, action, entry, changes)
    return entry


def _remove_document(attachment: Attachment) -> None:
    stored = attachment.file
    attachment.delete()
    transaction.on_commit(lambda: stored.delete(save=False))


def delete_entry(by: User, entry: PublicationEntry) -> None:
    """Remove the entry and its documents (the audit log keeps its values)."""
    _require(by, entry)
    collectivity: Collectivity = entry.collectivity
    with transaction.atomic():
        values = field_values(entry, FIELDS)
        documents = list(attachments_of(entry, include_hidden=True))
        audit(
            by,
            "information.delete_publication_entry",
            entry,
            {name: [value, None] for name, value in values.items()},
            collectivity=collectivity,
        )
        for attachment in documents:
            _remove_document(attachment)
        entry.delete()
