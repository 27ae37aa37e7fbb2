"""A council adoption of a program is a decision of its session; an admissible petition is a point of the agenda of
the next ordinary session. New rows are linked by the receivers; rows made before this app by the data migration."""

import datetime
import importlib

import pytest
from django.apps import apps as django_apps
from django.utils import timezone

from infitah.council.models import AgendaPoint, Decision, Session
from tests.council.adoption import adopted_program
from tests.council.factories import session
from tests.petitions.public import admitted, inadmissible

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("infitah.council.migrations.0002_link_existing_adoptions_and_petitions")


def test_a_recorded_adoption_becomes_the_decision_of_its_ordinary_session(people):
    program, adoption = adopted_program(people.region, people.region_focal_point)
    decision = Decision.objects.get(adoption=adoption)
    assert (decision.votes_for, decision.votes_against, decision.votes_abstain) == (58, 0, 3)
    assert decision.number == "07/2023/115" and decision.outcome == "adopted"
    assert decision.session.kind == "ordinary" and decision.session.opens_on == datetime.date(2023, 10, 2)
    assert decision.session.title["fr"] == "Session ordinaire d'octobre 2023"
    assert decision.session.seats >= 61  # never fewer members than votes counted
    assert decision.agenda_point.program == program
    assert decision.collectivity == people.region and decision.year == 2023


def test_an_adoption_joins_the_session_already_recorded_for_its_month(people):
    october = session(people.region, opens_on=datetime.date(2023, 10, 2), seats=75)
    _, adoption = adopted_program(people.region, people.region_focal_point)
    assert Decision.objects.get(adoption=adoption).session == october
    assert Session.objects.filter(collectivity=people.region).count() == 1


def test_an_admissible_petition_is_on_the_agenda_of_its_session(people):
    petition = admitted(people, people.region, ruled=datetime.date(2026, 1, 20))
    point = AgendaPoint.objects.get(petition=petition)
    assert point.session.opens_on == petition.session_month == datetime.date(2026, 3, 1)
    assert point.session.kind == "ordinary" and point.session.is_published
    assert point.session.collectivity == people.region


def test_an_inadmissible_petition_is_on_no_agenda(people):
    petition = inadmissible(people, people.region)
    assert not AgendaPoint.objects.filter(petition=petition).exists()


def test_the_data_migration_links_what_existed_before_the_app_once(people):
    _, adoption = adopted_program(people.region, people.region_focal_point)
    petition = admitted(people, people.commune_a, ruled=datetime.date(2026, 1, 20))
    # As before the app: only the programs' and petitions' rows.
    Decision.objects.all().delete()
    AgendaPoint.objects.all().delete()
    Session.objects.all().delete()

    MIGRATION.link_existing(django_apps, None)
    MIGRATION.link_existing(django_apps, None)  # run twice: nothing duplicated

    decision = Decision.objects.get()
    assert decision.adoption == adoption and decision.number == adoption.decision_number
    assert (decision.votes_for, decision.votes_against, decision.votes_abstain) == (58, 0, 3)
    assert decision.session.title == adoption.session_name
    point = AgendaPoint.objects.get(petition=petition)
    assert point.session.opens_on == petition.session_month and point.session.collectivity == people.commune_a
    assert Session.objects.count() == 2


def test_the_migration_keeps_numbers_unique_within_a_collectivity_and_year(people):
    Decision.objects.all().delete()
    region_session = session(people.region, opens_on=datetime.date(2023, 10, 2))
    Decision.objects.create(
        session=region_session, number="07/2023/115", title={"fr": "Autre"}, decided_on=datetime.date(2023, 10, 2)
    )
    adopted_program(people.region, people.region_focal_point)  # same number, same year, same collectivity
    numbers = sorted(Decision.objects.values_list("number", flat=True))
    assert numbers == ["07/2023/115", "07/2023/115 (2)"]


def test_an_adoption_voted_outside_the_laws_months_is_recorded_in_an_extraordinary_session(people):
    voted = timezone.make_aware(datetime.datetime(2023, 11, 14, 11, 0))
    _, adoption = adopted_program(people.region, people.region_focal_point, voted=voted)
    assert Decision.objects.get(adoption=adoption).session.kind == "extraordinary"
