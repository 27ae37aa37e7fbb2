"""`infitah demo` holds Marrakech-Safi's 2023 ordinary sessions with agendas, the October 2023 decision adopting the
openness program with the adoption record's votes (the same record, not a copy), and the admissible petition of the
petitions demo on an agenda; the program's and the petition's pages say where the council decided."""

import datetime

import pytest
from django.urls import reverse

from infitah.council import demo
from infitah.council.models import AgendaPoint, Decision, Session
from infitah.petitions import demo as petitions_demo
from infitah.programs import demo as programs_demo
from infitah.programs.models import CouncilAdoption
from infitah.territories import demo as territories_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    territories_demo.load()
    programs_demo.load()
    petitions_demo.load()
    demo.load()


def test_marrakech_safi_2023_ordinary_sessions_with_agendas(world):
    sessions = Session.objects.filter(collectivity__code="07", opens_on__year=2023).order_by("opens_on")
    assert [session.opens_on.month for session in sessions] == [3, 7, 10]
    assert all(session.kind == "ordinary" and session.is_published and session.is_illustrative for session in sessions)
    assert all(AgendaPoint.objects.filter(session=session).exists() for session in sessions)


def test_the_october_decision_is_the_adoption_record_with_its_votes(world):
    adoption = CouncilAdoption.objects.get(program__collectivity__code="07")
    decision = Decision.objects.get(adoption=adoption)
    assert decision.session.opens_on == datetime.date(2023, 10, 2)
    assert decision.number == adoption.decision_number
    assert (decision.votes_for, decision.votes_against, decision.votes_abstain) == (58, 0, 3)
    assert decision.outcome == "adopted" and decision.is_illustrative
    assert decision.votes_total <= decision.session.seats
    assert Decision.objects.filter(collectivity__code="07", number=adoption.decision_number).count() == 1


def test_loading_twice_adds_nothing(world):
    counts = (Session.objects.count(), AgendaPoint.objects.count(), Decision.objects.count())
    demo.load()
    assert (Session.objects.count(), AgendaPoint.objects.count(), Decision.objects.count()) == counts


def test_the_admissible_demo_petition_is_on_an_agenda(world):
    point = AgendaPoint.objects.select_related("session", "petition").get(petition__isnull=False)
    assert point.session.opens_on == point.petition.session_month and point.session.is_illustrative


def test_the_program_page_says_in_which_session_and_decision_it_was_adopted(client, world):
    decision = Decision.objects.get(adoption__program__collectivity__code="07")
    page = client.get(reverse("programs:detail", args=[decision.adoption.program_id])).content.decode()
    assert reverse("council:decision", args=[decision.pk]) in page
    assert reverse("council:session", args=[decision.session_id]) in page
    assert "Decided in session" in page


def test_the_petition_page_links_the_session_of_its_agenda(client, world):
    point = AgendaPoint.objects.get(petition__isnull=False)
    page = client.get(reverse("petitions:petition", args=[point.petition_id])).content.decode()
    assert reverse("council:session", args=[point.session_id]) in page and "On the agenda of the session" in page


def test_the_member_page_shows_the_latest_decisions(client, world):
    decision = Decision.objects.get(adoption__program__collectivity__code="07")
    page = client.get(reverse("territories:member", args=["07"])).content.decode()
    assert reverse("council:decision", args=[decision.pk]) in page
    assert reverse("council:member_sessions", args=["07"]) in page
