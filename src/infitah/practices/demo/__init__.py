"""Demo data of the good-practice library, loaded by `infitah demo` after the territories and the programs, every
practice moved through the services with its recorded transitions and marked illustrative:

- Marrakech-Safi's co-creation workshop (the seed article), published, and adopted by the commune of Safi into the
  one commitment of Safi's program (adapted from the region's);
- Marrakech's citizen café, published; Safi's posting of session agendas, submitted and waiting for the
  coordinator; Tétouan's digital register of grievances, returned with a note.

`load()` only adds what is missing: a second call writes nothing.
"""

from __future__ import annotations

import datetime

from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.accounts.models import User
from infitah.practices.demo import content
from infitah.practices.models import Adoption, Practice, PracticeEvent
from infitah.practices.states import Act, Status
from infitah.programs.models import Commitment
from infitah.territories.models import Collectivity

COORDINATOR = "coordinator@infitah.example"
REGION_FOCAL_POINT = "focal.marrakech-safi@infitah.example"
SAFI_FOCAL_POINT = "focal.safi@infitah.example"

# The acts that bring a practice to each demo status, in order.
PATH = {
    "published": [Act.SUBMIT, Act.PUBLISH],
    "submitted": [Act.SUBMIT],
    "returned": [Act.SUBMIT, Act.RETURN],
}


def _at(text: str) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.fromisoformat(text))


def _say(stdout: OutputWrapper | None, text: str) -> None:
    if stdout is not None:
        stdout.write(text)


def load(stdout: OutputWrapper | None = None) -> list[tuple[str, str]]:
    """Create the demo practices once; they add no login to print."""
    places = {
        c.code: c
        for c in Collectivity.objects.filter(code__in=[d["code"] for d in [content.WORKSHOP, *content.OTHERS]])
    }
    if content.MARRAKECH_SAFI not in places or Practice.objects.filter(is_illustrative=True).exists():
        return []
    people = {u.email: u for u in User.objects.filter(email__in=[COORDINATOR, REGION_FOCAL_POINT, SAFI_FOCAL_POINT])}
    with transaction.atomic():
        workshop = _practice(content.WORKSHOP, places, people)
        for data in content.OTHERS:
            if data["code"] in places:
                _practice(data, places, people)
        adopted = _adopt(workshop, places.get(content.SAFI), people.get(SAFI_FOCAL_POINT))
    _say(stdout, _("Good practices: Marrakech-Safi's co-creation workshop and three others, with their reviews."))
    if adopted:
        _say(stdout, _("Good practices: Safi adopted the workshop into a commitment of its program."))
    return []


def _practice(data: dict, places: dict, people: dict) -> Practice:
    collectivity = places[data["code"]]
    submitter = people.get(REGION_FOCAL_POINT if data["code"] == content.MARRAKECH_SAFI else SAFI_FOCAL_POINT)
    if data["code"] not in (content.MARRAKECH_SAFI, content.SAFI):
        submitter = None  # the other members have no demo login
    at = _at(data["at"])
    practice = Practice.objects.create(
        collectivity=collectivity,
        title=data["title"],
        summary=data["summary"],
        context=data.get("context", {}),
        principles=data["principles"],
        partners=data.get("partners", {}),
        results=data.get("results", {}),
        contact_name=data.get("contact_name", ""),
        contact_address=data.get("contact_address", ""),
        submitted_by=submitter,
        created_at=at - datetime.timedelta(days=7),
        is_illustrative=True,
    )
    status = Status.DRAFT
    coordinator = people.get(COORDINATOR)
    for step, act in enumerate(PATH[data["status"]]):
        after = {Act.SUBMIT: Status.SUBMITTED, Act.PUBLISH: Status.PUBLISHED, Act.RETURN: Status.RETURNED}[act]
        note = data.get("note", "") if act == Act.RETURN else ""
        by = submitter if act == Act.SUBMIT else coordinator
        PracticeEvent.objects.create(
            practice=practice,
            act=act,
            status_from=status,
            status_to=after,
            by=by,
            note=note,
            at=at + datetime.timedelta(days=step * 3),
        )
        status = after
    practice.status = status
    practice.review_note = data.get("note", "")
    if status == Status.PUBLISHED:
        practice.published_at = at + datetime.timedelta(days=3)
    practice.save()
    return practice


def _adopt(workshop: Practice, safi: Collectivity | None, focal_point: User | None) -> bool:
    """Safi's program (programs' demo) holds one commitment, adapted from the region's: the adoption links to it."""
    if safi is None:
        return False
    commitment = Commitment.objects.filter(program__collectivity=safi).order_by("pk").first()
    if commitment is None:
        return False
    Adoption.objects.create(
        practice=workshop,
        collectivity=safi,
        commitment=commitment,
        note=content.ADOPTION_NOTE,
        declared_by=focal_point,
        declared_at=_at("2024-02-14T10:00"),
        is_illustrative=True,
    )
    return True
