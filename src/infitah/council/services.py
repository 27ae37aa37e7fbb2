"""The write side of the council's back office: sessions, agenda points and decisions, with their documents.

Everything is checked before anything is written (the form, every file by the attachments' one checker, the rule);
then one transaction saves the row and its files and writes the audit log: a bad file saves nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction

from infitah.core.permissions import require
from infitah.council.models import AgendaPoint, Decision, Session
from infitah.participation.attachments import attach, check_uploads
from infitah.participation.audit import audit

MANAGE = "council.manage_session"


def _save(by: Any, obj: Any, scope: Any, action: str, files: Sequence[Any]) -> Any:
    require(by, MANAGE, scope)
    check_uploads(files)
    adding = obj.pk is None
    with transaction.atomic():
        obj.save()
        for uploaded in files:
            uploaded.seek(0)
            attach(by, obj, uploaded)
        audit(by, f"council.{'add' if adding else 'change'}_{action}", obj, {"documents_added": len(files)})
    return obj


def save_session(by: Any, session: Session, files: Sequence[Any] = ()) -> Session:
    """A new or changed session of `session.collectivity` (its staff only)."""
    if session.pk is not None:
        stored = Session.objects.get(pk=session.pk)
        require(by, MANAGE, stored)
        session.collectivity_id = stored.collectivity_id  # a session stays in its collectivity
    return _save(by, session, session.collectivity, "session", files)


def save_point(by: Any, point: AgendaPoint, files: Sequence[Any] = ()) -> AgendaPoint:
    return _save(by, point, point.session, "agenda_point", files)


def save_decision(by: Any, decision: Decision) -> Decision:
    return _save(by, decision, decision.session, "decision", ())
