from django import template
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from infitah.core.principles import Principle
from infitah.programs.phases import Phase

register = template.Library()

FIELD_LABELS = {
    "title": _("Title"),
    "description": _("Description"),
    "problem": _("Problem addressed"),
    "activities": _("Activities"),
    "lead_unit": _("Lead unit"),
    "other_actors": _("Other supporting actors"),
    "expected_results": _("Expected results"),
    "indicators": _("Indicators"),
    "start_date": _("Start date"),
    "end_date": _("End date"),
    "budget_estimate": _("Budget estimate (MAD)"),
    "principles": _("Openness principles"),
    "associations": _("Associations (co-owners)"),
    "milestones": _("Milestones"),
    "axis": _("Axis"),
}


@register.filter
def field_label(name):
    return FIELD_LABELS.get(name, name)


@register.filter
def principle_label(value):
    return Principle(value).label if value in Principle.values else value


@register.filter
def phase_label(value):
    return Phase(value).label if value in Phase.values else value


@register.filter
def language_name(code):
    return settings.LANGUAGE_NAMES_LOCAL.get(code, code)
