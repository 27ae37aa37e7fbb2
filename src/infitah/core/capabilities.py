"""The capability seam: each app declares, in one place, everything it contributes to the platform.

An app's `AppConfig` derives from `CapabilityConfig`; at start-up that calls the app's `capability.declare()`,
which returns a `Capability`: its site addresses, its API router, its demo loader and the apps whose demo data it
needs, the modules declaring its permission rules, and what it adds to the platform-wide features
(`contributes`: navigation and home entries, "waiting for you" items, notification verbs, search documents,
open-data datasets, openness-index indicators…).

Nothing central names an app: the root URLs, the API, the demo command, the navigation and the permission-table
test iterate over the declarations. A new capability is one folder plus one line in INSTALLED_APPS
(docs/adding-a-capability.md).

Each kind of contribution is a small frozen dataclass owned by the app that runs the feature (core's in
`core.contributions`, participation's targets and verbs, accounts' person links); that module says, when it is
imported, which function registers entries of its kind (`accepts`). Importing the kind to declare an entry is
therefore enough for the entry to reach its registry, whatever the order in which apps get ready.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import import_module
from typing import Any, TypeVar

from django.apps import AppConfig, apps
from django.urls import URLPattern, URLResolver, include, path
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Urls:
    """A set of the app's pages: the address prefix and the URL module (`include()`-able dotted path)."""

    prefix: str
    module: str
    # False for the few addresses that exist once, outside the language prefix (/healthz, /api/v1/…).
    translated: bool = True


@dataclass(frozen=True)
class Demo:
    """The app's demo loader (`load(stdout) -> [(role, e-mail)]`) and the apps whose demo data it builds on."""

    loader: str
    after: tuple[str, ...] = ()


@dataclass(frozen=True)
class Capability:
    """What one app contributes. Every field is optional: a base app may only add pages, a capability everything."""

    urls: tuple[Urls, ...] = ()
    api: str | None = None  # dotted path of the app's ninja Router, mounted under /api/v1/
    demo: Demo | None = None
    rules: tuple[str, ...] = ()  # modules declaring the app's permission actions (`@rule`), imported at start
    contributes: tuple[object, ...] = ()
    on_ready: Callable[[], None] | None = None  # what a declaration cannot say (signal receivers)


@dataclass(frozen=True)
class Declared:
    label: str
    capability: Capability


Kind = TypeVar("Kind")

_kinds: dict[type, Callable[[Any], None]] = {}
_declared: dict[str, Capability] = {}


def accepts(kind: type[Kind], register: Callable[[Kind], None]) -> None:
    """Say which function registers the contributions of `kind` (called by the module that defines the kind)."""
    _kinds[kind] = register


def contribute(entry: object) -> None:
    """Hand one contribution to the registry of its kind."""
    for klass in type(entry).__mro__:
        if klass in _kinds:
            _kinds[klass](entry)
            return
    raise LookupError(f"no registry accepts contributions of kind {type(entry).__name__}")


def register_capability(label: str, capability: Capability) -> None:
    for module in capability.rules:
        import_module(module)
    for entry in capability.contributes:
        contribute(entry)
    if capability.on_ready is not None:
        capability.on_ready()
    _declared[label] = capability


def capabilities() -> list[Declared]:
    """The declarations of the installed apps, in INSTALLED_APPS order."""
    return [
        Declared(config.label, _declared[config.label])
        for config in apps.get_app_configs()
        if config.label in _declared
    ]


class CapabilityConfig(AppConfig):
    """An app that declares its contributions in `<app>/capability.py`: `declare() -> Capability`.

    An app's apps.py refers to it as `capabilities.CapabilityConfig`, not by importing the name: Django picks the
    one AppConfig class an apps.py holds, and an imported base would be a second one.
    """

    def ready(self) -> None:
        declare = import_string(f"{self.name}.capability.declare")
        register_capability(self.label, declare())


def site_urlpatterns(*, translated: bool) -> list[URLPattern | URLResolver]:
    """The installed apps' pages, under their prefixes, in INSTALLED_APPS order."""
    return [
        path(urls.prefix, include(urls.module))
        for declared in capabilities()
        for urls in declared.capability.urls
        if urls.translated == translated
    ]


def api_routers() -> Iterator[tuple[str, object]]:
    """(app label, ninja Router) of every installed app that has an API."""
    for declared in capabilities():
        if declared.capability.api:
            yield declared.label, import_string(declared.capability.api)


class DemoOrderError(ValueError):
    pass


def demo_loaders() -> list[tuple[str, str]]:
    """(app label, loader) of every installed app with demo data, each after the apps whose data it needs."""
    return order_demos({d.label: d.capability.demo for d in capabilities() if d.capability.demo is not None})


def order_demos(demos: dict[str, Demo]) -> list[tuple[str, str]]:
    """(label, loader) in an order where each app's loader comes after the loaders of the apps it names in `after`.

    Among apps free to go, the order of `demos` decides (INSTALLED_APPS order), so every run loads the same way.
    """
    pending = dict(demos)
    missing = sorted((label, need) for label, demo in pending.items() for need in demo.after if need not in pending)
    if missing:
        raise DemoOrderError(f"demo data needed but declared by no installed app: {missing}")
    ordered: list[tuple[str, str]] = []
    done: set[str] = set()
    while pending:
        ready = [label for label, demo in pending.items() if set(demo.after) <= done]
        if not ready:
            raise DemoOrderError(f"demo dependencies form a cycle among {sorted(pending)}")
        label = ready[0]
        ordered.append((label, pending.pop(label).loader))
        done.add(label)
    return ordered


__all__ = [
    "Capability",
    "CapabilityConfig",
    "Demo",
    "Urls",
    "accepts",
    "api_routers",
    "capabilities",
    "contribute",
    "demo_loaders",
    "order_demos",
]
