"""Who may read a consultation's report: everyone once the consultation has closed (the co-creation standard
wants the results public); before that, only the staff of its collectivity and the network's coordinators, who
follow it as it goes."""

from django.utils import timezone

from infitah.accounts.models import STAFF_ROLES
from infitah.accounts.roles import holds, is_network_coordinator
from infitah.core.permissions import public, rule


@rule("consultations.view_report")
@public
def may_view_report(user, consultation):
    # Anonymous visitors and deactivated accounts reach this public rule too: they see only closed consultations.
    signed_in = user is not None and user.is_authenticated and user.is_active
    if consultation is None:
        return signed_in and (is_network_coordinator(user) or holds(user, STAFF_ROLES))
    if consultation.closes_at <= timezone.now():
        return True
    if not signed_in:
        return False
    return is_network_coordinator(user) or holds(user, STAFF_ROLES, consultation.collectivity_id)
