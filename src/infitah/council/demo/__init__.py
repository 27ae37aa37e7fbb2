"""Demo data of council sessions, loaded by `infitah demo` after programs and petitions, marked illustrative:

- Marrakech-Safi's 2023 ordinary sessions (March, July, October, the region's months in LAW.md) with their agendas;
- the October 2023 decision adopting the openness program: the decision the programs demo's council adoption
  became (through the receiver), not a second one — its number and votes are the adoption record's;
- the session on whose agenda the petitions demo's admissible petition was placed (created by the receiver), marked
  illustrative.

`load()` only adds what is missing: a second call writes nothing.
"""

from __future__ import annotations

import datetime

from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils.translation import gettext as _

from infitah.council import links
from infitah.council.models import AgendaPoint, Decision, Session
from infitah.territories.models import Collectivity

MARRAKECH_SAFI = "07"
MEMBERS = 75  # the regional council of Marrakech-Safi
ILLUSTRATIVE = {
    "ar": "(معطيات توضيحية)",
    "fr": "(données illustratives)",
    "en": "(illustrative data)",
}
PLACE = {"ar": "مقر مجلس جهة مراكش آسفي، مراكش", "fr": "Siège du conseil régional de Marrakech-Safi, Marrakech"}
SESSIONS = {
    datetime.date(2023, 3, 6): [
        {"ar": "دراسة برمجة المشاريع الجهوية لسنة 2023", "fr": "Programmation des projets régionaux pour 2023"},
        {
            "ar": "اتفاقيات شراكة مع الجماعات الترابية للجهة",
            "fr": "Conventions de partenariat avec les collectivités de la région",
        },
    ],
    datetime.date(2023, 7, 3): [
        {
            "ar": "تقديم مسودة برنامج الانفتاح للتشاور",
            "fr": "Présentation du projet de programme d'ouverture pour consultation",
        },
        {"ar": "تعديل الميزانية الجهوية", "fr": "Modification du budget régional"},
    ],
    datetime.date(2023, 10, 2): [
        {"ar": "دراسة مشروع ميزانية الجهة لسنة 2024", "fr": "Examen du projet de budget régional 2024"},
    ],
}


def _illustrative(text: dict[str, str]) -> dict[str, str]:
    return {code: f"{value} {ILLUSTRATIVE.get(code, '')}".strip() for code, value in text.items()}


def load(stdout: OutputWrapper | None = None) -> list[tuple[str, str]]:
    region = Collectivity.objects.filter(code=MARRAKECH_SAFI).first()
    if region is None:
        return []
    with transaction.atomic():
        for day, points in SESSIONS.items():
            session = links.session_of_month(Session, region, day, seats=MEMBERS, held=True)
            session.title = _illustrative(links.session_title("ordinary", day))
            session.place = PLACE
            session.opens_on, session.closes_on = day, day + datetime.timedelta(days=1)
            session.status, session.seats = "held", MEMBERS
            session.is_published = session.is_illustrative = True
            session.save()
            for title in points:
                if not AgendaPoint.objects.filter(session=session, title__fr=title["fr"]).exists():
                    order = AgendaPoint.objects.filter(session=session).count() + 1
                    AgendaPoint.objects.create(session=session, title=title, order=order)
        # The decision adopting the program (the receiver made it from the adoption record): marked illustrative.
        Decision.objects.filter(collectivity=region, adoption__isnull=False).update(is_illustrative=True)
        # Sessions the receiver made for the demo petitions: illustrative too.
        Session.objects.filter(agenda_points__petition__is_illustrative=True).update(is_illustrative=True)
    if stdout is not None:
        stdout.write(_("Council sessions: Marrakech-Safi's 2023 ordinary sessions with their agendas and decisions."))
    return []
