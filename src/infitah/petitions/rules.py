"""Who may do what with petitions.

- Any signed-in person drafts a petition to a council, as its agent; the agent alone opens it for signatures,
  deposits it and withdraws it; co-initiators may read and edit the draft with the agent.
- Any signed-in person whose e-mail address is verified signs an open petition (the form asks the law's
  declarations).
- The council's bureau rules on admissibility and records the council's decision; on the platform its rulings are
  recorded by the collectivity's focal point and council members. They alone read the list of signers (names and
  masked ID numbers).
- Everyone reads a petition once it has left its draft, and its counts; never who signed.
"""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import Role, User
from infitah.accounts.predicates import staff_of
from infitah.accounts.types import Viewer
from infitah.core.permissions import public, rule
from infitah.core.predicates import signed_in
from infitah.petitions import states
from infitah.petitions.models import Petition

_bureau = staff_of({Role.FOCAL_POINT, Role.COUNCIL_MEMBER})


def _is_agent(user: User, obj: Model | None) -> bool:
    return isinstance(obj, Petition) and obj.agent_id == user.pk


def _is_initiator(user: User, obj: Model | None) -> bool:
    if not isinstance(obj, Petition):
        return False
    return obj.agent_id == user.pk or obj.co_initiators.filter(pk=user.pk).exists()


@rule("petitions.draft", reason=_("Sign in to draft a petition."))
def may_draft(user: User, obj: Model | None) -> bool:
    """Anyone signed in, to any council (obj: the collectivity, or nothing)."""
    return True


@rule("petitions.view")
@public
def may_view(user: Viewer, obj: Model | None) -> bool:
    """A petition out of its draft is everyone's; a draft, its initiators'."""
    if not isinstance(obj, Petition) or obj.stage in states.PUBLIC:
        return True
    return signed_in(user) and _is_initiator(user, obj)


@rule("petitions.edit_draft", reason=_("Only the petition's agent and co-initiators edit its draft."))
def may_edit_draft(user: User, obj: Model | None) -> bool:
    return _is_initiator(user, obj)


@rule("petitions.act_as_agent", reason=_("Only the petition's agent may do this."))
def may_act_as_agent(user: User, obj: Model | None) -> bool:
    """Open for signatures, deposit, withdraw."""
    return _is_agent(user, obj)


@rule("petitions.sign", reason=_("Sign in with a verified e-mail address to sign a petition."))
def may_sign(user: User, obj: Model | None) -> bool:
    return EmailAddress.objects.filter(user=user, verified=True).exists()


@rule(
    "petitions.rule_on",
    reason=_("Only the council's bureau, through the collectivity's focal point and council members, rules on it."),
)
def may_rule_on(user: User, obj: Model | None) -> bool:
    """Admissibility and the council's decision (obj: a petition, or the collectivity for its list)."""
    return _bureau(user, obj)


@rule("petitions.view_signatures", reason=_("Only the council's bureau reads who signed."))
def may_view_signatures(user: User, obj: Model | None) -> bool:
    return _bureau(user, obj)
