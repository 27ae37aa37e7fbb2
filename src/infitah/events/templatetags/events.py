"""Template tags other apps' pages use to show events: `{% load events %}`."""

from django import template

from infitah.events.selectors import workshops_for_commitment as find_workshops

register = template.Library()


@register.inclusion_tag("events/_workshops_for_commitment.html")
def workshops_for_commitment(commitment):
    """The events whose findings fed this commitment (one query); nothing is shown when there are none."""
    return {"events": find_workshops(commitment)}
