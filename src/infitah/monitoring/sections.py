"""What co-monitoring adds to the programs' pages (through `programs.sections`): a program's overall progress
with a link to its tracker, and beside a commitment's milestones, its progress."""

from __future__ import annotations

from typing import Any

from infitah.accounts.types import Viewer
from infitah.core.permissions import can
from infitah.monitoring.tracker import build_tracker
from infitah.programs.models import Commitment, Program


def program_section_context(program: Program, user: Viewer) -> dict[str, Any]:
    """The program page's progress block (three queries), once a version is adopted; nothing before."""
    if program.reference_version_id is None or not can(user, "monitoring.view_tracker", program):
        return {}
    tracker = build_tracker(program)
    return {"tracker": tracker, "program": program}


def commitment_section_context(commitment: Commitment, user: Viewer) -> dict[str, Any]:
    """The commitment page's progress block: the adopted commitment with the same key, as tracked (three
    queries); nothing when the program has no adopted version or the adopted version lacks this commitment."""
    program = commitment.program
    if program.reference_version_id is None or not can(user, "monitoring.view_tracker", program):
        return {}
    status = build_tracker(program).commitment(str(commitment.key))
    if status is None:
        return {}
    return {"status": status, "program": program}
