"""What the staff pages for the parts of an event (agenda items, findings) share: who may edit them, and the
save-or-explain and confirm-then-remove steps, each audited with what changed."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render

from infitah.core.permissions import Refused, can
from infitah.events.views import visible_event_or_404
from infitah.participation.audit import audit, changes_between


def managed_event_or_403(request, pk, refusal):
    event = visible_event_or_404(request, pk)
    if not can(request.user, "events.manage_event", event):
        raise Refused(refusal)
    return event


def _values(part, names):
    """JSON-able values of `names` on `part`, for the audit log."""
    values = {}
    for name in names:
        value = getattr(part, name)
        values[name] = value.isoformat() if hasattr(value, "isoformat") else value
    return values


def edit_part(request, event, form, *, noun, audited, saved, not_saved, back, template, context):
    """Save `form` (a ModelForm of a part of `event`) and go `back`, or show it again with its errors and
    everything typed. The audit log gets "events.add_<noun>" or "events.change_<noun>" with the `audited` fields'
    values before and after."""
    part = form.instance
    before = _values(part, audited) if part.pk else {}
    if request.method == "POST":
        if form.is_valid():
            created = part.pk is None
            with transaction.atomic():
                form.save()
                action = f"events.{'add' if created else 'change'}_{noun}"
                changes = changes_between(before, _values(part, audited))
                audit(request.user, action, part, changes, collectivity=event.collectivity)
            messages.success(request, saved)
            return redirect(back)
        messages.error(request, not_saved)
    return render(request, template, {"event": event, "form": form, **context})


def remove_part(request, event, part, *, noun, removed, back, template, context):
    """Ask for confirmation (GET), then remove `part` and go `back` (POST), audited as "events.delete_<noun>"."""
    if request.method == "POST":
        with transaction.atomic():
            audit(request.user, f"events.delete_{noun}", part, {}, collectivity=event.collectivity)
            part.delete()
        messages.success(request, removed)
        return redirect(back)
    return render(request, template, {"event": event, **context})
