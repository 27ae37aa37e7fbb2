"""What other apps may ask about advisory bodies (their public module: import this, not the views)."""

from infitah.bodies.models import AdvisoryBody


def bodies_of(collectivity):
    """The advisory bodies of a collectivity, in the order they were set up (one query)."""
    return list(AdvisoryBody.objects.filter(collectivity=collectivity).order_by("pk"))


def member_section_context(request, collectivity):
    return {"advisory_bodies": bodies_of(collectivity)}
