from infitah.accounts.models import STAFF_ROLES
from infitah.accounts.roles import holds
from infitah.core.permissions import public, rule


@rule("noticeboard.view_notice")
@public
def may_view_notice(user, notice) -> bool:
    """Published notices are public; a draft is seen by its collectivity's staff only."""
    if notice is None or notice.is_published:
        return True
    signed_in = user is not None and user.is_authenticated and user.is_active
    return signed_in and holds(user, STAFF_ROLES, notice.collectivity_id)
