"""Who may do what with requests for information (law 31-13).

- Any signed-in person files a request to a collectivity (the law: citizens and legal residents; the form says so).
- The collectivity's information officers handle its requests: they read the requester's identity (the national ID
  number included), act on the request (start, ask for clarification, extend, answer, refuse...), write internal
  notes, and hide a request from the register with a reason. Officers of one collectivity never touch another's.
- The requester sees their own request in full (their identity too), clarifies it, withdraws it, and complains.
- The head's decision on a complaint and the CDAI referral are recorded by the officers (they hold the file).
- Everyone reads a public request (never the requester's identity unless they chose to show their name, never the
  internal notes); network coordinators read the register's figures like everyone, not the identities.
"""

from __future__ import annotations

from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import Role, User
from infitah.accounts.predicates import staff_of
from infitah.accounts.types import Viewer
from infitah.core.permissions import public, rule
from infitah.core.predicates import signed_in
from infitah.information.models import Complaint, InformationRequest

_officer = staff_of({Role.INFORMATION_OFFICER})


def request_of(obj: Model | None) -> InformationRequest | None:
    if isinstance(obj, InformationRequest):
        return obj
    if isinstance(obj, Complaint):
        return obj.request
    return None


def _is_requester(user: User, obj: Model | None) -> bool:
    request = request_of(obj)
    return request is not None and request.requester_id is not None and request.requester_id == user.pk


@rule("information.file_request", reason=_("Sign in to file a request for information."))
def may_file_request(user: User, obj: Model | None) -> bool:
    """Any signed-in person, to any collectivity (obj: the collectivity, or nothing)."""
    return True


@rule("information.view_request")
@public
def may_view_request(user: Viewer, obj: Model | None) -> bool:
    """A request in the register is everyone's; one kept out of it, its requester's and the officers'."""
    request = request_of(obj)
    if request is None or request.is_public:
        return True
    return signed_in(user) and (_is_requester(user, request) or _officer(user, request))


@rule(
    "information.view_identity",
    reason=_("Only the requester and the collectivity's information officers see who asked."),
)
def may_view_identity(user: User, obj: Model | None) -> bool:
    """The requester's name, addresses and national ID number."""
    return _is_requester(user, obj) or _officer(user, obj)


@rule(
    "information.handle_request",
    reason=_("Only the information officers of the collectivity the request is addressed to handle it."),
)
def may_handle_request(user: User, obj: Model | None) -> bool:
    """Act on a request, read and write its internal notes, record the complaint's decision and the CDAI referral
    (obj: a request, a complaint, a collectivity for its queue, or nothing: "is this person an officer at all?")."""
    return _officer(user, obj)


@rule("information.act_as_requester", reason=_("Only the person who filed the request may do this."))
def may_act_as_requester(user: User, obj: Model | None) -> bool:
    """Clarify, withdraw, complain, choose whether the register shows one's name."""
    return _is_requester(user, obj)
