from django import template
from django.utils import translation
from django.utils.html import format_html

from infitah.core.translation import tr as translate_content

register = template.Library()


@register.filter(name="tr")
def tr_filter(value):
    """Plain text of a translated field in the active language (for attributes and titles)."""
    return translate_content(value)


@register.simple_tag(name="tr")
def tr_tag(value):
    """Text of a translated field; text that fell back to another language is marked with its lang and dir."""
    text = translate_content(value)
    if not text or text.lang == (translation.get_language() or "").split("-")[0]:
        return text
    return format_html('<span lang="{}" dir="{}">{}</span>', text.lang, text.direction, text)


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """The current query string with another page number, so paging keeps the filters."""
    query = context["request"].GET.copy()
    query["page"] = number
    return "?" + query.urlencode()


@register.filter
def visible_to(obj, user):
    """The linked object, or None when `user` may not see it: `{% with program=event.program|visible_to:user %}`."""
    from infitah.core.visibility import visible

    return visible(user, obj)


@register.filter
def all_visible_to(objects, user):
    """The linked objects `user` may see: `{% for c in finding.commitments.all|all_visible_to:user %}`."""
    from infitah.core.visibility import all_visible

    return all_visible(user, objects)
