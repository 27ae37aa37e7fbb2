"""The parts of every page's frame that are the same for every visitor of one language (the navigation's addresses
and labels, the footer), computed once per process and language instead of on every request.

Each memo is keyed on everything its value depends on besides the code: the active language, the script prefix
and URLconf the addresses are reversed under, and (for the navigation) the registered entries themselves. Nothing
personal goes in: what depends on the visitor (which entry is the current page, the account menu) is still decided
per request, by the template.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation

from infitah.core.contributions import navigation, ordered

_memo: dict[tuple, Any] = {}


def _frame_key() -> tuple:
    """What a reversed address or a translated label of the frame depends on, besides the code."""
    return (translation.get_language(), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


def per_language(name: str, compute: Callable[[], Any], *depends_on: Any) -> Any:
    """`compute()` once per process, language, script prefix and URLconf (and `depends_on`); then the same value.

    The value must depend on nothing else: never on the visitor, the request's path or its data."""
    key = (name, *_frame_key(), *depends_on)
    try:
        return _memo[key]
    except KeyError:
        value = _memo[key] = compute()
        return value


@dataclass(frozen=True)
class NavigationLink:
    """A navigation entry as the header shows it: its label in the active language and its address."""

    url_name: str
    label: str
    url: str


def navigation_links() -> list[NavigationLink]:
    """The registered navigation entries in order, with their labels and addresses in the active language."""
    entries = ordered(navigation)
    # The entries themselves are part of the key: an app (or a test) registering one is seen at once.
    registered = tuple((entry.key, entry.url_name, entry.order, id(entry)) for entry in entries)
    return per_language(
        "navigation",
        lambda: [NavigationLink(entry.url_name, str(entry.label), reverse(entry.url_name)) for entry in entries],
        registered,
    )


@receiver(setting_changed)
def _forget(**kwargs: Any) -> None:
    """A test overriding the URLconf, the languages or the apps gets a fresh frame."""
    _memo.clear()
