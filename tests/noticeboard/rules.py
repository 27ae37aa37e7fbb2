from typing import Any

from infitah.accounts.models import STAFF_ROLES
from infitah.accounts.predicates import staff_of
from infitah.core.permissions import public, rule
from infitah.core.predicates import Person, signed_in

_staff = staff_of(STAFF_ROLES)


@rule("noticeboard.view_notice")
@public
def may_view_notice(user: Person | None, notice: Any) -> bool:
    """Published notices are public; a draft is seen by its collectivity's staff only."""
    if notice is None or notice.is_published:
        return True
    return signed_in(user) and _staff(user, notice)
