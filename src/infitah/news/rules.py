"""Who may do what with news.

- Everyone reads a published item once its publication time has come; a draft, a scheduled or a withdrawn item is
  read only by those who may manage it.
- The focal point and the editors of a member collectivity write, edit, publish and withdraw its news (the
  editor is the collectivity's communication role); the network coordinators the network's own news (no
  collectivity). Staff of one collectivity never touch another's news. Platform administrators may do everything.
"""

from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import Role, User
from infitah.accounts.predicates import network_coordinator
from infitah.accounts.roles import holds
from infitah.accounts.types import Viewer
from infitah.core.permissions import public, rule
from infitah.core.predicates import signed_in
from infitah.core.scopes import collectivity_id_of
from infitah.news.models import NewsItem
from infitah.news.states import is_public

WRITERS = {Role.FOCAL_POINT, Role.EDITOR}


@rule(
    "news.manage",
    reason=_(
        "Only the focal point and the editors of a collectivity write its news; the network coordinators write "
        "the network's."
    ),
)
def may_manage(user: User, obj: Model | None) -> bool:
    """obj: a news item, the collectivity to write for, or nothing ("may this person write news anywhere?")."""
    if obj is None:
        return network_coordinator(user) or holds(user, WRITERS)
    collectivity_id = collectivity_id_of(obj)
    if collectivity_id is None:
        return network_coordinator(user)
    return holds(user, WRITERS, collectivity_id)


@rule("news.view_item")
@public
def may_view_item(user: Viewer, obj: Model | None) -> bool:
    if not isinstance(obj, NewsItem) or is_public(obj.status, obj.published_at, timezone.now()):
        return True
    return signed_in(user) and may_manage(user, obj)
