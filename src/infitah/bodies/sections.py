"""Blocks another capability adds to an advisory body's page (events adds the body's meetings).

Bodies know nothing of the apps built on them: those declare a `BodySection` in their capability, a template and
a function (request, body) -> context that costs a fixed number of queries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from infitah.core.capabilities import accepts


@dataclass(frozen=True)
class BodySection:
    key: str
    template: str
    context: Callable[..., dict]
    order: int = 100


_sections: dict[str, BodySection] = {}


def register_body_section(section: BodySection) -> None:
    _sections[section.key] = section


accepts(BodySection, register_body_section)


def sections_for(request, body) -> list[dict]:
    """The blocks of `body`'s page, in order, each its template and context."""
    chosen = sorted(_sections.values(), key=lambda section: (section.order, section.key))
    return [{"template": section.template, **section.context(request, body)} for section in chosen]
