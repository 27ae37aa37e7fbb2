"""The audit log of staff actions: `audit(actor, action, obj, changes)` writes one entry, never changed after."""

import datetime
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.http import HttpRequest

from infitah.participation.models import AuditLogEntry
from infitah.participation.targets import collectivity_id_of

REPR_LENGTH = 200


def audit(
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    changes: dict | None = None,
    *,
    collectivity: models.Model | None = None,
) -> AuditLogEntry:
    """Record that `actor` did `action` (e.g. "participation.hide") to `obj`.

    `changes` is a JSON-able dict, usually {field: [before, after]} (see `changes_between`). The collectivity
    is the object's unless given; staff see the entries of their collectivity, coordinators see them all.
    """
    collectivity_id = collectivity.pk if collectivity is not None else collectivity_id_of(obj)
    return AuditLogEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_repr=str(actor)[:REPR_LENGTH] if actor is not None and actor.is_authenticated else "",
        action=action,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        target_repr=str(obj)[:REPR_LENGTH] if obj is not None else "",
        collectivity_id=collectivity_id,
        changes=changes or {},
    )


def changes_between(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list]:
    """{field: [old, new]} for the keys whose value differs between two dicts of field values."""
    return {
        key: [before.get(key), after.get(key)]
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }


def field_values(instance: models.Model, names: Iterable[str]) -> dict[str, Any]:
    """The values of the fields `names` on `instance`, as the audit log keeps them (JSON): a related object by its
    key, many related ones by their sorted keys, dates and times in ISO 8601 (instants in UTC), decimals as text.

    The one serialiser of every "before and after" in the log, so an entry reads the same whatever page wrote it.
    """
    values = {}
    for name in names:
        try:
            field = instance._meta.get_field(name)
        except FieldDoesNotExist:
            field = None
        if field is not None and field.many_to_many:
            # Unsaved, an object has no relations yet (and asking would raise).
            value = sorted(getattr(instance, name).values_list("pk", flat=True)) if instance.pk else []
        elif field is not None and field.is_relation and field.concrete:
            value = getattr(instance, field.attname)  # the key, without loading the related object
        else:
            value = getattr(instance, name)
        values[name] = _as_json(value)
    return values


def _as_json(value: Any) -> Any:
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        # In UTC: the same instant read from the database and typed in local time must compare equal.
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, (datetime.date, datetime.time)):  # a datetime is a date
        return value.isoformat()
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, dict):
        return {str(key): _as_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_as_json(item) for item in value]
    return str(value)  # Decimal, UUID, lazy text…


def record_admin_action(request: HttpRequest, objects: Iterable[models.Model], action: str, message: str) -> None:
    """Listener of the back office (core.admin): every add, change and delete made there is audited."""
    for obj in objects:
        content_type = ContentType.objects.get_for_model(obj)
        audit(
            request.user,
            f"admin.{action}",
            obj,
            {"model": content_type.model, "admin": message} if message else {"model": content_type.model},
        )
