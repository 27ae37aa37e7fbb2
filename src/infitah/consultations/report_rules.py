"""Who may read a consultation's report: everyone once the consultation has closed (the co-creation standard
wants the results public); before that, only the staff of its collectivity and the network's coordinators, who
follow it as it goes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone

from infitah.accounts.models import STAFF_ROLES
from infitah.accounts.predicates import network_coordinator, staff_of
from infitah.accounts.types import Viewer
from infitah.core.permissions import public, rule
from infitah.core.predicates import any_of, signed_in

if TYPE_CHECKING:
    from infitah.consultations.models import Consultation

_follows_it = any_of(network_coordinator, staff_of(STAFF_ROLES))


@rule("consultations.view_report")
@public
def may_view_report(user: Viewer, consultation: Consultation | None) -> bool:
    # Anonymous visitors and deactivated accounts reach this public rule too: they see only closed consultations.
    if consultation is not None and consultation.closes_at <= timezone.now():
        return True
    return signed_in(user) and _follows_it(user, consultation)
