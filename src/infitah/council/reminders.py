"""Reminding the followers of a collectivity, N days before, that its council meets (notification and, by each
person's preference, e-mail through participation). Each session is reminded once."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from infitah.council import selectors
from infitah.council.models import Session
from infitah.participation.notifications import followers_of, notify

DAYS_BEFORE = 7
VERB = "council_session_soon"


def send_reminders(today: datetime.date | None = None, days_before: int = DAYS_BEFORE) -> int:
    """How many people were notified. Safe to run several times a day: a reminded session is stamped."""
    today = today or timezone.localdate()
    sent = 0
    for session in selectors.sessions_to_remind(today, days_before):
        with transaction.atomic():
            claimed = Session.objects.filter(pk=session.pk, reminded_at__isnull=True).update(reminded_at=timezone.now())
            if claimed:
                sent += len(notify(VERB, session, recipients=followers_of(session.collectivity)))
    return sent
