"""The blocks of a network member's page (core.contributions.MemberSection): `{% load member_sections %}` then
`{% member_section section collectivity %}` for each block the view prepared. A block declared `by_powers` is a
powers-only part of the shared copy (core.sharedpages): kept as an anonymous visitor is given it, and rendered for a
reader with a power from the block's own context function (once per copy and `power_state`, where it says one)."""

from typing import Any

from django import template
from django.http import HttpRequest
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

from infitah.core.contributions import member_sections
from infitah.core.sharedpages import PersonalPart, marker, register_part, rendering_shared

register = template.Library()

BY_POWERS = "territories.member_section"


def _rendered_for(request: HttpRequest, section: dict[str, Any]) -> str:
    return get_template(section["template"]).render({"section": section, "request": request, "user": request.user})


def _for_reader(request: HttpRequest, collectivity: Any, key: str) -> str:
    declared = member_sections.get(key)
    if declared is None or collectivity is None:
        return ""
    return _rendered_for(request, {"template": declared.template, **declared.context(request, collectivity)})


def _power_state(request: HttpRequest, collectivity: Any, key: str) -> str | None:
    declared = member_sections.get(key)
    if declared is None or declared.power_state is None or collectivity is None:
        return None
    return declared.power_state(request, collectivity)


register_part(PersonalPart(BY_POWERS, _for_reader, alike_with_powers=_power_state))


@register.simple_tag(takes_context=True)
def member_section(context: template.Context, section: dict[str, Any], collectivity: Any) -> SafeString:
    with context.push(section=section):  # as `{% include section.template %}` would: the page's whole context
        engine = context.template.engine if context.template is not None else template.Engine.get_default()
        html = engine.get_template(section["template"]).render(context)
    declared = member_sections.get(section["key"])
    if declared is not None and declared.by_powers and rendering_shared(context):
        return marker(BY_POWERS, collectivity, section["key"], anonymous=html)
    return mark_safe(html)  # noqa: S308 -- a template's rendering
