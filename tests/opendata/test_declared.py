"""What the datasets declared by this part hold: the collectivities with their parents, the network's current
members (never one that withdrew), the commitments of public programs; and when the datasets say they were last
updated (the catalogue's update date, the version of a prepared export)."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from infitah.core.datasets import dataset, table
from infitah.petitions import services
from infitah.programs.phases import Phase
from infitah.territories.models import MembershipStatus
from tests.factories import CommuneFactory, MembershipFactory
from tests.petitions.conftest import PetitionPeople
from tests.petitions.factories import MONDAY, drafted, signed
from tests.programs.factories import CommitmentFactory, ProgramFactory

pytestmark = pytest.mark.django_db


def rows(key):
    header, *body = table(key)
    return [dict(zip(header, row, strict=True)) for row in body]


def test_collectivities_name_their_parent_and_census(db):
    commune = CommuneFactory(code="C99999", name={"ar": "جماعة الاختبار", "fr": "Commune test"})
    found = {row["code"]: row for row in rows("collectivities")}
    assert found["C99999"] == {
        "code": "C99999",
        "kind": "commune",
        "name_ar": "جماعة الاختبار",
        "name_fr": "Commune test",
        "parent": commune.parent.code,
        "population": 30_000,
        "census_year": 2014,
    }
    assert found[commune.parent.parent.code]["parent"] == ""


def test_members_are_the_current_ones_with_the_day_they_joined(db):
    active = MembershipFactory(collectivity=CommuneFactory(), joined_on=datetime.date(2022, 10, 21))
    MembershipFactory(collectivity=CommuneFactory(), status=MembershipStatus.SUSPENDED)
    gone = MembershipFactory(collectivity=CommuneFactory(), status=MembershipStatus.WITHDRAWN)
    found = {row["code"]: row for row in rows("members")}
    assert len(found) == 2
    assert gone.collectivity.code not in found
    assert found[active.collectivity.code]["member_since"] == "2022-10-21"
    assert found[active.collectivity.code]["status"] == "active"


def test_commitments_of_public_programs_only_with_their_program_and_principles(db):
    program = ProgramFactory(phase=Phase.IMPLEMENTATION)
    commitment = CommitmentFactory(axis__program=program, principles=["transparency", "accountability"])
    CommitmentFactory(axis__program=ProgramFactory(phase=Phase.PREPARATION))
    (row,) = rows("commitments")
    assert row["id"] == commitment.pk
    assert row["program"] == program.pk
    assert row["collectivity"] == program.collectivity.code
    assert row["principles"] == "transparency accountability"
    assert row["budget_estimate"] == ""


def test_programs_are_updated_when_a_program_changes_phase(db):
    assert dataset("commitments").last_updated() is None
    when = timezone.now() - datetime.timedelta(days=3)
    ProgramFactory(phase=Phase.IMPLEMENTATION, created_at=when - datetime.timedelta(days=30), phase_changed_at=when)
    ProgramFactory(phase=Phase.PREPARATION, created_at=timezone.now())  # not public: not counted
    assert dataset("commitments").last_updated() == when
    assert dataset("programs").last_updated() == when


def test_petitions_are_updated_when_one_is_signed(db):
    commune = CommuneFactory()
    agent = PetitionPeople.signer()
    with time_machine.travel(datetime.datetime(2026, 1, 12, 9, 0, tzinfo=datetime.UTC), tick=False):
        petition = services.open_signing(agent, drafted(commune, agent), today=MONDAY)
    opened = dataset("petitions").last_updated()
    assert opened == datetime.datetime(2026, 1, 12, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(datetime.datetime(2026, 1, 14, 9, 0, tzinfo=datetime.UTC), tick=False):
        signed(petition, PetitionPeople.signer(), "JK482913", commune)
    assert dataset("petitions").last_updated() >= datetime.datetime(2026, 1, 14, 9, 0, tzinfo=datetime.UTC)
