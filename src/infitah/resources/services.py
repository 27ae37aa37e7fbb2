"""The write side of resources: publish a resource with its first version, add a version. Every file is checked
before anything is written; everything is saved in one transaction and written to the audit log."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import User
from infitah.core.permissions import Refused, can, refusal_reason
from infitah.participation.attachments import safe_name
from infitah.participation.audit import audit
from infitah.resources.models import Resource, ResourceFile, ResourceVersion
from infitah.resources.uploads import check_document


class ResourceRefused(Refused):
    """The person may not publish for this publisher."""


def _require(by: User, obj: Any) -> None:
    """obj: a resource or a collectivity; None: the network, kept by its coordinators."""
    allowed = _coordinator(by) if obj is None else can(by, "resources.publish", obj)
    if not allowed:
        raise ResourceRefused(refusal_reason("resources.publish") or _("You may not do this here."))


def _coordinator(by: User) -> bool:
    from infitah.accounts.roles import is_network_coordinator

    return by.is_superuser or is_network_coordinator(by)


def _checked(files: dict[str, Any]) -> dict[str, Any]:
    """{language: (upload, FileType)} for every file given, or one ValidationError naming each refused file."""
    checked, errors = {}, {}
    for language, uploaded in files.items():
        if not uploaded:
            continue
        try:
            checked[language] = (uploaded, check_document(uploaded))
        except ValidationError as error:
            errors[f"file_{language}"] = [f"{uploaded.name}: {message}" for message in error.messages]
    if errors:
        raise ValidationError(errors)
    if not checked:
        raise ValidationError(_("Attach the file in at least one language."), code="no_file")
    return checked


def add_version(by: User, resource: Resource, version: ResourceVersion, files: dict[str, Any]) -> ResourceVersion:
    """Add `version` (label, note, date) with its files {language code: upload} to a saved `resource`."""
    _require(by, resource)
    checked = _checked(files)
    with transaction.atomic():
        version.resource = resource
        version.created_by = by
        version.save()
        for language, (uploaded, file_type) in checked.items():
            stored = ResourceFile(
                version=version,
                language=language,
                original_name=safe_name(uploaded.name),
                extension=file_type.extension,
                mime_type=file_type.mime_type,
                size=uploaded.size,
            )
            uploaded.seek(0)
            stored.file.save(uploaded.name, uploaded, save=False)
            stored.save()
        audit(
            by, "resources.add_version", resource, {"version": [None, version.label]}, collectivity=resource.publisher
        )
    return version


def publish(by: User, resource: Resource, version: ResourceVersion, files: dict[str, Any]) -> Resource:
    """Publish a new resource for its publisher (a collectivity, or the network when none) with its first version."""
    _require(by, resource.publisher)
    _checked(files)  # a bad file saves nothing, not even the resource
    with transaction.atomic():
        resource.created_by = by
        resource.save()
        add_version(by, resource, version, files)
    return resource
