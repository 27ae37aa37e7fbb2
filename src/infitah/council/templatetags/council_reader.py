"""What a reader's powers add to a council session's page and a decision's, as powers-only parts of the copy everyone
signed in shares (core.sharedpages): `{% load council_reader %}` then `{% session_actions session %}` (change it, add
an agenda point, record a decision), `{% agenda_point_link point %}` (change the point) and
`{% decision_actions decision %}` (change the decision): for the focal point and the editors of its collectivity."""

from typing import Any

from django import template

from infitah.core.partobjects import Loader
from infitah.core.permissions import can
from infitah.core.sharedpages import powers_only_flags

register = template.Library()


def _manages(user: Any, obj: Any) -> dict[str, bool]:
    return {"may_manage": user.is_authenticated and can(user, "council.manage_session", obj)}


# A point's collectivity is its session's: loaded with it, once per copy.
POINTS = Loader(everyone=lambda model, pks: model._base_manager.select_related("session").in_bulk(pks))


@powers_only_flags(register, "council", "council/_session_actions.html", "session")
def session_actions(user: Any, session: Any) -> dict[str, bool]:
    """Change the session, add an agenda point, record a decision."""
    return _manages(user, session)


@powers_only_flags(register, "council", "council/_agenda_point_link.html", "point", load=POINTS)
def agenda_point_link(user: Any, point: Any) -> dict[str, bool]:
    """Change the agenda point."""
    return _manages(user, point)


@powers_only_flags(register, "council", "council/_decision_actions.html", "decision")
def decision_actions(user: Any, decision: Any) -> dict[str, bool]:
    """Change the decision."""
    return _manages(user, decision)
