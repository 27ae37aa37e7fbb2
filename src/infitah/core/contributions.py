"""The page-level contributions an app declares (core.capabilities): navigation, home and member-page blocks,
account-menu entries, "waiting for you" groups and sitemap sections.

An app lists entries of these kinds in its `capability.declare()`; the registries below collect them, so adding a
capability never touches the core's templates (the Decidim component idea).
"""

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from django_stubs_ext import StrOrPromise

from infitah.core.capabilities import accepts


@dataclass(frozen=True)
class HomeSection:
    """A block of the home page: a template and a function returning its context for a request."""

    key: str
    template: str
    context: Callable
    order: int = 100


@dataclass(frozen=True)
class MemberSection:
    """A block of a network member's page: a template and a function (request, collectivity) -> context.

    The function must cost a fixed number of queries whatever the collectivity holds (the page's query
    count is pinned by a test). `by_powers`: what the block shows depends on the reader's powers (a staff member's
    programs in preparation, a forum member's members-only threads); a page shared by everyone signed in
    (core.sharedpages) then keeps the block an anonymous visitor is given and renders it again for a reader with a
    power. Any other block depends only on the collectivity's data and the language. `power_state(request,
    collectivity)`: what such a block shows depends on among the reader's powers, as a string (whether they read
    the member's programs in preparation): it is then rendered once per copy and state, not for each reader.
    """

    key: str
    template: str
    context: Callable
    order: int = 100
    by_powers: bool = False
    power_state: Callable[[Any, Any], str] | None = None


@dataclass(frozen=True)
class NavigationItem:
    key: str
    label: StrOrPromise
    url_name: str
    order: int = 100


@dataclass(frozen=True)
class AccountMenuItem:
    """An entry of a signed-in person's menu in the header: a template rendering one <li>. `reader_state(request)`:
    what the entry shows any signed-in person depends on beyond the language (a count of theirs, say); without it,
    the entry is the same for all. `power_state(request)`: what it shows depends on among the reader's powers (a
    desk their roles open); without it, no power changes it, and a reader without power is known to need none of
    it. Menus are rendered once per process and such states, with the reader's name put in."""

    key: str
    template: str
    order: int = 100
    reader_state: Callable[[Any], Hashable] | None = None
    power_state: Callable[[Any], Hashable] | None = None


@dataclass(frozen=True)
class SitemapSection:
    """A part of sitemap.xml: a django.contrib.sitemaps.Sitemap class listing an app's public pages."""

    key: str
    sitemap: type


@dataclass(frozen=True)
class Waiting:
    """One thing that waits for a person: what, where to act, by when (None: no deadline)."""

    title: str  # people's text (shown direction-isolated)
    url: str
    due: object = None  # the date by which to act, or None
    overdue: bool = False
    note: str = ""  # what to do or what happened, in the reader's language
    place: str = ""  # where: a body, a collectivity (people's text, direction-isolated)
    on: object = None  # when it happens or happened (a date or datetime), for what needs no action by a date
    sentence: bool = False  # the title is a sentence in the reader's language (not people's text to isolate)


@dataclass(frozen=True)
class WaitingGroup:
    """A heading of the landing page after login, and a function (user, now) -> list[Waiting].

    The function must cost a fixed number of queries whatever the person has waiting (the landing page's query
    count is pinned by a test) and return [] when the person has nothing of this kind (the group is then left
    out).
    """

    key: str
    title: StrOrPromise
    items: Callable
    order: int = 100


@dataclass(frozen=True)
class NetworkSection:
    """A block of the network's page (the members list): a template and a function (request) -> context.

    Like a MemberSection, the function must cost a fixed number of queries; an empty context hides the block.
    """

    key: str
    template: str
    context: Callable
    order: int = 100


network_sections: dict[str, NetworkSection] = {}


def register_network_section(section):
    network_sections[section.key] = section


accepts(NetworkSection, register_network_section)

home_sections: dict[str, HomeSection] = {}
# sitemap.xml: key -> a django.contrib.sitemaps.Sitemap class listing an app's public pages (i18n, alternates).
sitemaps: dict[str, type] = {}
waiting_groups: dict[str, WaitingGroup] = {}
member_sections: dict[str, MemberSection] = {}
navigation: dict[str, NavigationItem] = {}
account_menu: dict[str, AccountMenuItem] = {}


def register_home_section(section):
    home_sections[section.key] = section


def register_member_section(section):
    member_sections[section.key] = section


def register_navigation(item):
    navigation[item.key] = item


def register_account_menu_item(item):
    account_menu[item.key] = item


def register_sitemap(key, sitemap):
    sitemaps[key] = sitemap


def register_waiting(group):
    waiting_groups[group.key] = group


accepts(HomeSection, register_home_section)
accepts(MemberSection, register_member_section)
accepts(NavigationItem, register_navigation)
accepts(AccountMenuItem, register_account_menu_item)
accepts(WaitingGroup, register_waiting)
accepts(SitemapSection, lambda section: register_sitemap(section.key, section.sitemap))


def ordered(registry):
    return sorted(registry.values(), key=lambda entry: (entry.order, entry.key))
