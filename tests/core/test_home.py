"""The home page shows what one can take part in now — open consultations, coming events, the latest answers to
contributions and the latest opinions — each with its date, public objects only, at a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from infitah.programs.phases import Phase
from tests.bodies.factories import OpinionFactory
from tests.clients import main_text
from tests.consultations.factories import ConsultationFactory, ContributionFactory, ResponseFactory, published_program
from tests.events.factories import EventFactory, in_days
from tests.factories import AdvisoryBodyFactory, CommuneFactory

pytestmark = pytest.mark.django_db


def make_world(n=1):
    commune = CommuneFactory(name={"ar": "جماعة ألف", "fr": "Commune Alif"})
    program = published_program(commune)
    body = AdvisoryBodyFactory(collectivity=commune, name={"ar": "هيئة الشباب", "fr": "Instance de la jeunesse"})
    for number in range(n):
        open_now = ConsultationFactory(
            program=program,
            title={"fr": f"Consultation ouverte {number}"},
            closes_at=timezone.make_aware(datetime.datetime(2099, 3, 14, 12)),
        )
        ConsultationFactory(
            program=program,
            title={"fr": f"Consultation close {number}"},
            opens_at=timezone.now() - datetime.timedelta(days=40),
            closes_at=timezone.now() - datetime.timedelta(days=10),
        )
        answered = ContributionFactory(consultation=open_now, title=f"Publier les marchés {number}")
        ResponseFactory(contribution=answered, outcome="retained")
        hidden = ContributionFactory(consultation=open_now, title=f"Texte masqué {number}", is_hidden=True)
        ResponseFactory(contribution=hidden)
        EventFactory(collectivity=commune, title={"fr": f"Atelier de co-création {number}"}, starts_at=in_days(5, 10))
        EventFactory(collectivity=commune, title={"fr": f"Atelier non publié {number}"}, is_published=False)
        EventFactory(
            collectivity=commune,
            title={"fr": f"Atelier passé {number}"},
            starts_at=in_days(-5),
            ends_at=in_days(-5, 12),
        )
        OpinionFactory(body=body, title={"fr": f"Avis sur l'emploi des jeunes {number}"})
    # A consultation on a program still in preparation is not public.
    hidden_program = published_program(CommuneFactory())
    ConsultationFactory(program=hidden_program, title={"fr": "Consultation préparatoire"})
    type(hidden_program).objects.filter(pk=hidden_program.pk).update(phase=Phase.PREPARATION)
    return commune


def test_the_home_page_shows_what_one_can_take_part_in_now_with_dates(client):
    make_world()
    text = main_text(client.get("/fr/"))
    assert "Consultation ouverte 0" in text
    assert "Consultation close 0" not in text and "Consultation préparatoire" not in text
    assert "Atelier de co-création 0" in text
    assert "Atelier non publié" not in text and "Atelier passé" not in text
    assert "Publier les marchés 0" in text and "Texte masqué" not in text
    assert "Avis sur l" in text


def test_the_home_page_in_english_says_the_dates(client):
    make_world()
    text = main_text(client.get("/en/"))
    assert "Consultations open now" in text and "open until 14 March 2099" in text
    assert "Coming events" in text and (timezone.localdate() + datetime.timedelta(days=5)).strftime("%-d %B %Y") in text
    assert "Latest answers to contributions" in text and "Retained, answered on" in text
    assert "Latest opinions of the advisory bodies" in text and "submitted on" in text and "answer due on" in text


def test_the_home_page_costs_the_same_queries_whatever_it_lists(client):
    make_world(1)
    with CaptureQueriesContext(connection) as few:
        client.get("/ar/")
    make_world(4)
    with CaptureQueriesContext(connection) as many:
        client.get("/ar/")
    assert len(few) == len(many)
