"""The home page's block from events: the published events to come (one query)."""

from django.utils import timezone

from infitah.events.models import Event

LIMIT = 5


def upcoming_events(request):
    events = (
        Event.objects.published().upcoming(timezone.now()).select_related("collectivity").order_by("starts_at", "pk")
    )
    return {"events": list(events[:LIMIT])}
