"""Who may read a program's tracker (the public side of co-monitoring).

Once the council has adopted a version of a public program, its tracker is public: co-monitoring is done in the
open. Before that, the tracker (empty, since nothing was adopted) is read by those who may read the program.
"""

from __future__ import annotations

from django.db.models import Model

from infitah.accounts.types import Viewer
from infitah.core.permissions import can, public, rule
from infitah.programs.models import Program


@rule("monitoring.view_tracker")
@public
def may_view_tracker(user: Viewer, obj: Model | None) -> bool:
    """obj: the program (None: may the user read trackers at all?)."""
    if isinstance(obj, Program) and obj.is_public and obj.reference_version_id is not None:
        return True
    return can(user, "programs.view_program", obj)
