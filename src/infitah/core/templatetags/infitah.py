from django import template
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import pgettext

from infitah.core.translation import marked
from infitah.core.translation import tr as translate_content

register = template.Library()


@register.filter(name="tr")
def tr_filter(value):
    """Plain text of a translated field in the active language (for attributes and titles)."""
    return translate_content(value)


@register.simple_tag(name="tr")
def tr_tag(value):
    """Text of a translated field; text that fell back to another language is marked with its lang and dir."""
    return marked(value)


def _active_language():
    return (translation.get_language() or "").split("-")[0]


def _text_of(value):
    """The text of a value set into a sentence: a translated field's text, or an object's own translated name or
    title (so that its language is known), else its string."""
    if isinstance(value, dict):
        return translate_content(value)
    if isinstance(value, str):
        return value
    for attribute in ("name", "title"):
        field = getattr(value, attribute, None)
        if isinstance(field, dict) and field:
            return translate_content(field)
    return str(value)


@register.filter(is_safe=True)
def bdi(value):
    """Text typed by people (a name, a title) set inside a sentence of the interface, isolated in <bdi> so that
    an Arabic name in a French sentence (or the reverse) neither reorders the sentence nor is reordered by it.
    Text that fell back to another language also says which (`lang`, `dir`)."""
    if value is None or value == "":
        return value
    text = _text_of(value)
    lang = getattr(text, "lang", None)
    if lang and lang != _active_language():
        return format_html('<bdi lang="{}" dir="{}">{}</bdi>', lang, text.direction, text)
    return format_html("<bdi>{}</bdi>", text)


@register.simple_tag
def comma():
    """The separator of a list in the page's language: "، " in Arabic, ", " elsewhere."""
    return pgettext("list separator", ", ")


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
