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
- Staff of one collectivity never act on another's bodies. Platform administrators may do everything.
"""

from infitah.accounts.models import Role
from infitah.accounts.roles import holds, is_network_coordinator
from infitah.bodies.models import AdvisoryBody, BodyMember, Opinion
from infitah.core.permissions import rule
from infitah.territories.models import Collectivity

EDITORS = {Role.FOCAL_POINT, Role.EDITOR}


def body_of(obj):
    if isinstance(obj, AdvisoryBody):
        return obj
    if isinstance(obj, BodyMember | Opinion):
        return obj.body
    return None


def collectivity_id_of(obj):
    if obj is None:
        return None
    if isinstance(obj, Collectivity):
        return obj.pk
    return body_of(obj).collectivity_id


def _staff(user, obj):
    return holds(user, EDITORS, collectivity_id_of(obj))


def sits_on(user, body=None):
    """Does the user hold an active seat on the body (on any body when it is None)?"""
    seats = BodyMember.objects.active().filter(user=user)
    if body is not None:
        seats = seats.filter(body=body)
    return seats.exists()


@rule("bodies.manage_members")
def may_manage_members(user, obj):
    return is_network_coordinator(user) or _staff(user, obj)


@rule("bodies.record_on_behalf")
def may_record_on_behalf(user, obj):
    """Record an opinion on the body's behalf, naming the member who presented it."""
    return _staff(user, obj)


@rule("bodies.submit_opinion")
def may_submit_opinion(user, obj):
    """obj: the body (None: may the user submit opinions to any body at all?)."""
    return may_record_on_behalf(user, obj) or sits_on(user, body_of(obj))


@rule("bodies.acknowledge_opinion")
def may_acknowledge_opinion(user, obj):
    return _staff(user, obj)


@rule("bodies.answer_opinion")
def may_answer_opinion(user, obj):
    return _staff(user, obj)
