"""Blocks other capabilities add to a program's page and to a commitment's page.

Programs know nothing of the apps built on them (monitoring shows a commitment's progress, events the workshops
it came from, consultations the contributions retained into it): those declare a `ProgramSection` or a
`CommitmentSection` in their capability, a template and a function (object, user) -> context that costs a fixed
number of queries. A function returning an empty dict hides its block.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from infitah.core.capabilities import accepts


@dataclass(frozen=True)
class ProgramSection:
    key: str
    template: str
    context: Callable[..., dict[str, Any]]  # (program, user) -> context
    order: int = 100


@dataclass(frozen=True)
class CommitmentSection:
    key: str
    template: str
    context: Callable[..., dict[str, Any]]  # (commitment, user) -> context
    order: int = 100


_program_sections: dict[str, ProgramSection] = {}
_commitment_sections: dict[str, CommitmentSection] = {}


def register_program_section(section: ProgramSection) -> None:
    _program_sections[section.key] = section


def register_commitment_section(section: CommitmentSection) -> None:
    _commitment_sections[section.key] = section


accepts(ProgramSection, register_program_section)
accepts(CommitmentSection, register_commitment_section)


def _render(sections: dict[str, Any], obj: Any, user: Any) -> list[dict[str, Any]]:
    chosen = sorted(sections.values(), key=lambda section: (section.order, section.key))
    blocks = []
    for section in chosen:
        context = section.context(obj, user)
        if context:
            blocks.append({"template": section.template, **context})
    return blocks


def program_sections_for(program: Any, user: Any) -> list[dict[str, Any]]:
    """The blocks of `program`'s page, in order, each its template and context."""
    return _render(_program_sections, program, user)


def commitment_sections_for(commitment: Any, user: Any) -> list[dict[str, Any]]:
    """The blocks of `commitment`'s page, in order, each its template and context."""
    return _render(_commitment_sections, commitment, user)
