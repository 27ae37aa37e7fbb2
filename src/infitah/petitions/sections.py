"""Blocks other capabilities add to a petition's page (the council app shows the session and decision of an
admissible petition): a `PetitionSection` declared in their capability, a template and a function
(petition, user) -> context costing a fixed number of queries. A function returning an empty dict hides its block.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from infitah.core.capabilities import accepts


@dataclass(frozen=True)
class PetitionSection:
    key: str
    template: str
    context: Callable[..., dict[str, Any]]  # (petition, user) -> context
    order: int = 100


_sections: dict[str, PetitionSection] = {}


def register_petition_section(section: PetitionSection) -> None:
    _sections[section.key] = section


accepts(PetitionSection, register_petition_section)


def petition_sections_for(petition: Any, user: Any) -> list[dict[str, Any]]:
    """The blocks of `petition`'s page, in order, each its template and context."""
    blocks = []
    for section in sorted(_sections.values(), key=lambda section: (section.order, section.key)):
        context = section.context(petition, user)
        if context:
            blocks.append({"template": section.template, **context})
    return blocks
