"""Sessions, agenda points and decisions as staff would record them (saved through the models' own rules)."""

import datetime

from infitah.council.models import AgendaPoint, Decision, Session

OCTOBER_2023 = datetime.date(2023, 10, 2)
_numbers = iter(range(1, 10**6))


def session(collectivity, *, opens_on=OCTOBER_2023, kind="ordinary", is_published=True, seats=45, **fields):
    values = {
        "title": {"ar": "الدورة العادية", "fr": "Session ordinaire", "en": "Ordinary session"},
        "place": {"fr": "Salle du conseil"},
        "status": "held" if opens_on < datetime.date.today() else "planned",
        **fields,
    }
    return Session.objects.create(
        collectivity=collectivity, opens_on=opens_on, kind=kind, is_published=is_published, seats=seats, **values
    )


def point(of_session, *, order=1, **fields):
    values = {"title": {"fr": "Examen du budget", "en": "Budget review"}, **fields}
    return AgendaPoint.objects.create(session=of_session, order=order, **values)


def decision(of_session, *, votes=(30, 10, 5), number=None, agenda_point=None, **fields):
    values = {
        "title": {"fr": "Adoption du budget", "en": "Budget adopted"},
        "text": {"fr": "Le conseil adopte le budget."},
        "decided_on": of_session.opens_on,
        **fields,
    }
    return Decision.objects.create(
        session=of_session,
        agenda_point=agenda_point,
        number=number or f"D-{next(_numbers)}",
        votes_for=votes[0],
        votes_against=votes[1],
        votes_abstain=votes[2],
        **values,
    )
