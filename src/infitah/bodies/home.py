"""The home page's block from advisory bodies: their latest opinions and the council's answers (one query)."""

from infitah.bodies.models import Opinion

LIMIT = 5


def recent_opinions(request):
    opinions = Opinion.objects.select_related("body__collectivity").order_by("-submitted_at", "-pk")[:LIMIT]
    return {"opinions": list(opinions)}
