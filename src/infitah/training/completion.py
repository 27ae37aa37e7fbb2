"""When a participant has completed a course: a pure rule over counts, table-tested (tests/training/test_completion.py).

A course's sessions are its training events; a cancelled session (its event withdrawn from publication) is not
asked of anyone. The course asks for all its sessions, or for N of them: when cancellations leave fewer than N,
all those that remain. Nobody completes a course without attending at least one session.
"""

from __future__ import annotations


def sessions_required(required: int | None, sessions: int) -> int:
    """How many sessions a participant must attend: all of them (required None), else N, capped at those held."""
    if required is None:
        return sessions
    return min(required, sessions)


def is_completed(attended: int, sessions: int, required: int | None) -> bool:
    """Has a participant who attended `attended` of the course's `sessions` (not cancelled) completed it?"""
    if attended <= 0 or sessions <= 0:
        return False
    return attended >= sessions_required(required, sessions)
