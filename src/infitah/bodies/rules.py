"""Who may do what with advisory bodies, their members and their opinions.

- Everyone reads bodies, their composition, their opinions and the council's answers: nothing here is secret.
- An active member of a body who has a user account submits the body's opinions in their own name. The focal
  point and editors of the body's collectivity may record an opinion on the body's behalf (for a member without
  an account, or one presented on paper), naming the member who presented it.
- The focal point and editors of the body's collectivity acknowledge receipt and record the council's reasoned
  answer. Council members do not: the answer is the council's decision, taken in session, and one elected member
  does not speak for the council; staff record it (with the session's reference) as they record other decisions.
- The focal point and editors of the collectivity, and network coordinators (who set bodies up in the back office),
  manage the members.
- The focal point and editors of the body's collectivity say which commitments of its public programs an opinion is
  about, after it was submitted too (a program adopted after the opinion, an opinion recorded on paper).
- Staff of one collectivity never act on another's bodies. Platform administrators may do everything.
"""

from django.db.models import Model

from infitah.accounts.models import Role, User
from infitah.accounts.predicates import network_coordinator, staff_of
from infitah.bodies.models import AdvisoryBody, BodyMember, Opinion
from infitah.core.permissions import rule

EDITORS = {Role.FOCAL_POINT, Role.EDITOR}

# A body, a member and an opinion answer their body's collectivity (core.scopes reads their `collectivity_id`).
_editor = staff_of(EDITORS)


def body_of(obj: Model | None) -> AdvisoryBody | None:
    if isinstance(obj, AdvisoryBody):
        return obj
    if isinstance(obj, BodyMember | Opinion):
        return obj.body
    return None


def sits_on(user: User, body: AdvisoryBody | None = None) -> bool:
    """Does the user hold an active seat on the body (on any body when it is None)?"""
    seats = BodyMember.objects.active().filter(user=user)
    if body is not None:
        seats = seats.filter(body=body)
    return seats.exists()


@rule("bodies.manage_members")
def may_manage_members(user: User, obj: Model | None) -> bool:
    return network_coordinator(user) or _editor(user, obj)


@rule("bodies.record_on_behalf")
def may_record_on_behalf(user: User, obj: Model | None) -> bool:
    """Record an opinion on the body's behalf, naming the member who presented it."""
    return _editor(user, obj)


@rule("bodies.submit_opinion")
def may_submit_opinion(user: User, obj: Model | None) -> bool:
    """obj: the body (None: may the user submit opinions to any body at all?)."""
    return may_record_on_behalf(user, obj) or sits_on(user, body_of(obj))


@rule("bodies.acknowledge_opinion")
def may_acknowledge_opinion(user: User, obj: Model | None) -> bool:
    return _editor(user, obj)


@rule("bodies.answer_opinion")
def may_answer_opinion(user: User, obj: Model | None) -> bool:
    return _editor(user, obj)


@rule("bodies.link_commitments")
def may_link_commitments(user: User, obj: Model | None) -> bool:
    """Say which commitments an opinion is about (the member chooses them when submitting; staff may change them)."""
    return _editor(user, obj)
