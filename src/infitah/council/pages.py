"""What the council adds to other pages: a program's and a petition's ("decided in session X, decision N"), and
the gate of its documents. Each costs a fixed number of queries."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from infitah.core.permissions import can
from infitah.council import selectors


def program_section(program: Any, user: Any) -> dict[str, Any]:
    decisions = selectors.decisions_of_program(program)
    return {"council_decisions": decisions} if decisions else {}


def petition_section(petition: Any, user: Any) -> dict[str, Any]:
    points = selectors.points_of_petition(petition)
    return {"council_points": points} if points else {}


def documents_gate(user: Any, obj: Any, feature: str) -> Any:
    """Documents are as public as their session; only the collectivity's focal point and editors attach them."""
    if feature == "view":
        return None if can(user, "council.view_session", obj) else _("This session is not published.")
    if not can(user, "council.manage_session", obj):
        return _("Only the focal point and the editors of the collectivity attach documents to its sessions.")
    return None
