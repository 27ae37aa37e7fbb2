"""Keeping sessions, agenda points and decisions in step with what programs and petitions record.

A program's council adoption (programs.CouncilAdoption) is a decision of a session; a petition declared admissible
goes on the agenda of the next ordinary session (petitions.Petition.session_month). Both are written here, by the
receivers (signals.py) for new rows and by the data migration for the rows that existed before this app: the
functions take the model classes so that the migration can pass its historical ones.
"""

from __future__ import annotations

import datetime
from typing import Any

from infitah.council import law

# An admissible petition is on the agenda from then on; once decided it stays there.
PETITION_STAGES_ON_AGENDA = ("admissible", "decided")
SESSION_WORDS = {
    law.ORDINARY: {"ar": "الدورة العادية", "fr": "Session ordinaire", "en": "Ordinary session"},
    law.EXTRAORDINARY: {"ar": "الدورة الاستثنائية", "fr": "Session extraordinaire", "en": "Extraordinary session"},
}
MONTHS = {
    "ar": ("يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def session_title(kind: str, day: datetime.date) -> dict[str, str]:
    """{"ar": "الدورة العادية لشهر أكتوبر 2023", "fr": "Session ordinaire d'octobre 2023", …}."""
    words = SESSION_WORDS[kind]
    month = {code: names[day.month - 1] for code, names in MONTHS.items()}
    french_of = "d'" if month["fr"][0] in "aeiou" else "de "
    return {
        "ar": f"{words['ar']} لشهر {month['ar']} {day.year}",
        "fr": f"{words['fr']} {french_of}{month['fr']} {day.year}",
        "en": f"{words['en']} of {month['en']} {day.year}",
    }


def session_of_month(
    Session: Any, collectivity: Any, day: datetime.date, *, seats: int, title: dict | None = None, held: bool
) -> Any:
    """The collectivity's session opening in `day`'s month (the earliest, ordinary first), created when none: ordinary
    in the law's months, extraordinary otherwise; published, since what it carries is already public."""
    existing = (
        Session.objects.filter(collectivity=collectivity, opens_on__year=day.year, opens_on__month=day.month)
        .exclude(status="cancelled")
        .order_by("-kind", "opens_on", "pk")  # "ordinary" sorts after "extraordinary": -kind puts it first
        .first()
    )
    if existing is not None:
        if existing.seats < seats:
            existing.seats = seats
            existing.save(update_fields=["seats"])
        return existing
    kind = law.ordinary_session_day(collectivity.kind, day)
    return Session.objects.create(
        collectivity=collectivity,
        kind=kind,
        title=title or session_title(kind, day),
        opens_on=day,
        status="held" if held else "planned",
        seats=max(seats, 1),
        is_published=True,
    )


def _next_order(AgendaPoint: Any, session: Any) -> int:
    last = AgendaPoint.objects.filter(session=session).order_by("-order").values_list("order", flat=True).first()
    return (last or 0) + 1


def _free_number(Decision: Any, collectivity_id: int, year: int, number: str) -> str:
    """The adoption's number, or the same with a suffix when the collectivity already used it that year."""
    candidate, n = number or "—", 1
    while Decision.objects.filter(collectivity_id=collectivity_id, year=year, number=candidate).exists():
        n += 1
        candidate = f"{number} ({n})"
    return candidate


def link_adoption(adoption: Any, *, Session: Any, AgendaPoint: Any, Decision: Any) -> Any:
    """The decision recording `adoption` (a programs.CouncilAdoption), with its session and agenda point: created
    once, never duplicated (the decision is one-to-one with the adoption)."""
    existing = Decision.objects.filter(adoption=adoption).first()
    if existing is not None:
        return existing
    program = adoption.program
    collectivity = program.collectivity
    votes = adoption.votes_for + adoption.votes_against + adoption.votes_abstain
    session = session_of_month(
        Session, collectivity, adoption.adopted_on, seats=votes, title=adoption.session_name or None, held=True
    )
    point = AgendaPoint.objects.filter(session=session, program=program).first()
    if point is None:
        point = AgendaPoint.objects.create(
            session=session,
            order=_next_order(AgendaPoint, session),
            title=_adoption_title(program.title),
            program=program,
        )
    year = adoption.adopted_on.year
    return Decision.objects.create(
        session=session,
        agenda_point=point,
        collectivity_id=collectivity.pk,
        year=year,
        number=_free_number(Decision, collectivity.pk, year, adoption.decision_number),
        title=_adoption_title(program.title),
        decided_on=adoption.adopted_on,
        votes_for=adoption.votes_for,
        votes_against=adoption.votes_against,
        votes_abstain=adoption.votes_abstain,
        outcome=law.outcome(adoption.votes_for, adoption.votes_against, adoption.votes_abstain),
        adoption=adoption,
        is_illustrative=getattr(program, "is_illustrative", False),
    )


def _adoption_title(program_title: dict | str) -> dict[str, str]:
    titles = program_title if isinstance(program_title, dict) else {"ar": program_title}
    result = {}
    for code, prefix in (("ar", "المصادقة على "), ("fr", "Adoption du "), ("en", "Adoption of the ")):
        name = titles.get(code) or titles.get("ar") or ""
        if name:
            result[code] = f"{prefix}{name}" if code == "ar" else f"{prefix}{name[:1].lower()}{name[1:]}"
    return result


def link_petition(petition: Any, *, Session: Any, AgendaPoint: Any) -> Any | None:
    """The agenda point carrying an admissible (or decided) petition, on the session of its `session_month`."""
    if petition.stage not in PETITION_STAGES_ON_AGENDA or petition.session_month is None:
        return None
    existing = AgendaPoint.objects.filter(petition=petition).first()
    if existing is not None:
        return existing
    previous = (
        Session.objects.filter(collectivity=petition.collectivity).order_by("-opens_on").values_list("seats", flat=True)
    ).first()
    held = petition.session_month < datetime.date.today()  # a migrated petition's session may be past
    session = session_of_month(Session, petition.collectivity, petition.session_month, seats=previous or 1, held=held)
    return AgendaPoint.objects.create(
        session=session,
        order=_next_order(AgendaPoint, session),
        title={
            "ar": f"عريضة: {petition.title}",
            "fr": f"Pétition : {petition.title}",
            "en": f"Petition: {petition.title}",
        },
        petition=petition,
    )


def link_everything(*, CouncilAdoption: Any, Petition: Any, Session: Any, AgendaPoint: Any, Decision: Any) -> None:
    """Every existing adoption and every petition on an agenda (the data migration)."""
    for adoption in CouncilAdoption.objects.select_related("program__collectivity").order_by("adopted_on", "pk"):
        link_adoption(adoption, Session=Session, AgendaPoint=AgendaPoint, Decision=Decision)
    petitions = Petition.objects.filter(stage__in=PETITION_STAGES_ON_AGENDA, session_month__isnull=False)
    for petition in petitions.select_related("collectivity").order_by("session_month", "pk"):
        link_petition(petition, Session=Session, AgendaPoint=AgendaPoint)
