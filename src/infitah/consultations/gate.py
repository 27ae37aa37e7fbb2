"""Whether a consultation takes contributions, comments and supports *now* (asked of everyone, admins too)."""

from __future__ import annotations

import datetime
import functools
from typing import TYPE_CHECKING

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from infitah.participation.targets import VIEW

if TYPE_CHECKING:
    from infitah.accounts.types import Viewer
    from infitah.consultations.models import Consultation, Contribution


def _when(moment: datetime.datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def dates_refusal(consultation: Consultation, now: datetime.datetime | None = None) -> str | None:
    """None while the consultation is open, else the reason, with its dates."""
    now = now or timezone.now()
    if consultation.opens_at <= now < consultation.closes_at:
        return None
    state = "not yet" if now < consultation.opens_at else "closed"
    return _refusal(
        state,
        consultation.opens_at,
        consultation.closes_at,
        translation.get_language(),
        timezone.get_current_timezone_name(),
    )


@functools.lru_cache(maxsize=256)
def _refusal(state: str, opens_at: datetime.datetime, closes_at: datetime.datetime, _language: str, _zone: str) -> str:
    """The reason in the active language and time zone (in the key), formatted once per process: a closed
    consultation's page gives it in several of its parts."""
    if state == "not yet":
        return _("The consultation is not open yet: it runs from %(opens)s to %(closes)s.") % {
            "opens": _when(opens_at),
            "closes": _when(closes_at),
        }
    return _("The consultation closed on %(closes)s (it ran from %(opens)s): contributions are no longer taken.") % {
        "opens": _when(opens_at),
        "closes": _when(closes_at),
    }


def is_open(consultation: Consultation, now: datetime.datetime | None = None) -> bool:
    now = now or timezone.now()
    return consultation.opens_at <= now < consultation.closes_at


def contribution_gate(user: Viewer, contribution: Contribution, feature: str) -> str | None:
    """The participation gate of a contribution: replies and supports only while its consultation is open and
    only on a visible contribution; following and reporting a visible one stay possible after the close. A withdrawn
    contribution takes nothing any more."""
    if contribution.withdrawn_at is not None:
        return None if feature == VIEW else _("This contribution was withdrawn by its author.")
    if contribution.is_hidden:
        return _("This contribution was hidden by the moderators.")
    if feature in (VIEW, "follow", "report"):
        return None
    return dates_refusal(contribution.consultation)
