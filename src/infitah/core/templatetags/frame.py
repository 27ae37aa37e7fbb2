"""`{% per_language "name" %}…{% endper_language %}`: a fragment of the page's frame rendered once per process and
language (core.chrome.per_language), for markup that depends on nothing but the language and the site's addresses:
no visitor, no request, no data that changes while the site runs.

`{% account_nav %}`: the account menu of the header, a personal part of a page shared by people without power
(core.sharedpages): the one part of the frame that is not the same for every reader."""

from collections.abc import Hashable

from django import template
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.html import conditional_escape

from infitah.core.chrome import per_language
from infitah.core.contributions import account_menu, ordered
from infitah.core.sharedpages import PersonalPart, marker, register_part, rendering_shared

register = template.Library()

ACCOUNT_NAV = "core/_account_nav.html"


def _account_nav_for(request: HttpRequest, _obj: object, _key: str) -> str:
    # The context processors run for the reader: their name, their menu entries, their form token (the placeholder
    # each answer replaces). It is completed only into shared public pages, none of which the menu marks as the
    # current page (tests/core/test_shared_pages.py checks it): the same on each of them.
    if getattr(request, "_signed_in_page_key", None) is None:
        return render_to_string(ACCOUNT_NAV, request=request)  # its log-out form carries this session's real token
    return _account_nav_alike(request, powerless=getattr(request, "_reader_holds_no_power", False))


# Where the reader's name goes in a menu rendered for every reader in the same states (the menu holds no other
# person's text, so nothing else in it can carry this).
_NAME = "\ue000account-name\ue000"


def _account_nav_alike(request: HttpRequest, powerless: bool) -> str:
    """The menu as every reader in the same states sees it (core.contributions.AccountMenuItem): their counts, and
    for a reader with a power what their powers open (a desk, a queue, the back office; a reader without power is
    known to open none). Rendered once per process, language and states, with a placeholder for the name and the
    form token (each answer's own)."""
    entries = ordered(account_menu)
    states: tuple[Hashable, ...] = tuple(item.reader_state(request) for item in entries if item.reader_state)
    if not powerless:
        user = request.user
        opened = tuple(item.power_state(request) for item in entries if item.power_state)
        states = (*states, "powers", *opened, bool(getattr(user, "can_access_backoffice", False)))
    menu = per_language(
        "core.account_nav",
        lambda: render_to_string(ACCOUNT_NAV, {"account_name": _NAME}, request=request),
        states,
    )
    # The core names no user model: a shared page's reader is signed in, and every user has a display name.
    name = getattr(request.user, "display_name", "")
    return menu.replace(_NAME, str(conditional_escape(name)))


register_part(PersonalPart("core.account_nav", _account_nav_for))


@register.simple_tag(takes_context=True)
def account_nav(context: template.Context) -> str:
    if rendering_shared(context):
        return marker("core.account_nav")
    assert context.template is not None  # a tag renders within a template
    with context.push():
        return context.template.engine.get_template(ACCOUNT_NAV).render(context)


class PerLanguageNode(template.Node):
    def __init__(self, name: str, nodelist: template.NodeList):
        self.name = name
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        # Keyed on the template too, so that two templates may use the same fragment name.
        origin = getattr(self.origin, "name", "")
        return per_language(f"fragment:{origin}:{self.name}", lambda: self.nodelist.render(context))


@register.tag(name="per_language")
def per_language_tag(parser: template.base.Parser, token: template.base.Token) -> PerLanguageNode:
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('Usage: {% per_language "name" %}…{% endper_language %}')
    nodelist = parser.parse(("endper_language",))
    parser.delete_first_token()
    return PerLanguageNode(bits[1][1:-1], nodelist)
