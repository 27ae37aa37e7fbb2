"""Receivers keeping sessions in step with programs and petitions (council depends on them, never the reverse):
a recorded council adoption becomes a decision of its session; a petition declared admissible becomes an agenda
point of the session of its `session_month`."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save


def _adoption_saved(sender: Any, instance: Any, created: bool, raw: bool = False, **kwargs: Any) -> None:
    if raw or not created:
        return
    from infitah.council import links
    from infitah.council.models import AgendaPoint, Decision, Session

    # In the adoption's own transaction: refused together, or recorded together.
    links.link_adoption(instance, Session=Session, AgendaPoint=AgendaPoint, Decision=Decision)


def _petition_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw or instance.session_month is None:
        return
    from infitah.council import links
    from infitah.council.models import AgendaPoint, Session

    links.link_petition(instance, Session=Session, AgendaPoint=AgendaPoint)


def connect() -> None:
    from infitah.petitions.models import Petition
    from infitah.programs.models import CouncilAdoption

    post_save.connect(_adoption_saved, sender=CouncilAdoption, dispatch_uid="council.adoption")
    post_save.connect(_petition_saved, sender=Petition, dispatch_uid="council.petition")
