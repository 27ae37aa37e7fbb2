"""The audit log of staff actions: `audit(actor, action, obj, changes)` writes one entry, never changed after."""

from django.contrib.contenttypes.models import ContentType

from infitah.participation.models import AuditLogEntry
from infitah.participation.targets import collectivity_id_of

REPR_LENGTH = 200


def audit(actor, action, obj=None, changes=None, *, collectivity=None):
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


def changes_between(before, after):
    """{field: [old, new]} for the keys whose value differs between two dicts of field values."""
    return {
        key: [before.get(key), after.get(key)]
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }


def record_admin_action(request, objects, action, message):
    """Listener of the back office (core.admin): every add, change and delete made there is audited."""
    for obj in objects:
        content_type = ContentType.objects.get_for_model(obj)
        audit(
            request.user,
            f"admin.{action}",
            obj,
            {"model": content_type.model, "admin": message} if message else {"model": content_type.model},
        )
