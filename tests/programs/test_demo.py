"""`infitah demo` tells the article's story: Marrakech-Safi's initial axes presented at the co-creation workshop of
11 April 2023, a draft consulted on in summer 2023, adopted in the October 2023 council session, now implemented;
and a commune that adapted one of its commitments. It needs only the territories' demo before it."""

import datetime

import pytest
from django.utils import timezone

from infitah.programs import demo
from infitah.programs.diff import diff_versions
from infitah.programs.models import Commitment, CouncilAdoption, PhaseTransition, Program, ProgramVersion
from infitah.programs.phases import Phase
from infitah.territories import demo as territories_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    territories_demo.load()
    demo.load()
    return Program.objects.get(collectivity__code="07")


def local_day(moment):
    return timezone.localtime(moment).date()


def test_after_the_territories_alone_both_programs_are_told_by_their_focal_points(world):
    # What the programs' story takes from the territories' demo: the two collectivities, their focal points who
    # move the phases, and the verified demo association that co-owns commitments.
    safi = Program.objects.get(collectivity__code="07007001")
    for program, focal_point in ((world, "focal.marrakech-safi@infitah.example"), (safi, "focal.safi@infitah.example")):
        assert {move.by.email for move in program.transitions.select_related("by")} == {focal_point}
    assert Commitment.objects.filter(program=world, associations__seat__code="07001001").exists()


def test_marrakech_safi_went_through_every_phase_up_to_implementation_on_the_storys_dates(world):
    moves = [
        (move.to_phase, local_day(move.at)) for move in PhaseTransition.objects.filter(program=world).order_by("at")
    ]
    assert moves == [
        ("co_creation", datetime.date(2023, 4, 11)),
        ("drafting", datetime.date(2023, 5, 2)),
        ("public_consultation", datetime.date(2023, 7, 3)),
        ("adoption", datetime.date(2023, 9, 18)),
        ("implementation", datetime.date(2024, 1, 2)),
    ]
    assert world.phase == Phase.IMPLEMENTATION
    assert all(move.reason.get("ar") and move.reason.get("fr") for move in world.transitions.all())
    assert "ورشة الإعداد المشترك" in world.transitions.first().reason["ar"]


def test_version_one_holds_the_initial_axes_and_version_two_the_commitments(world):
    first, second = ProgramVersion.objects.filter(program=world).order_by("number")
    assert local_day(first.published_at) == datetime.date(2023, 4, 11)
    assert [axis["title"]["fr"] for axis in first.snapshot["axes"]] == [
        "Transparence et droit d'accès à l'information",
        "Participation citoyenne avec les instances consultatives",
        "Digitalisation des services",
    ]
    assert all(not axis["commitments"] for axis in first.snapshot["axes"])
    diff = diff_versions(first.snapshot, second.snapshot)
    assert len(diff["commitments"]["added"]) == 6
    assert [change["new"]["title"]["fr"] for change in diff["axes"]["changed"]] == [
        "Participation citoyenne et co-suivi avec les instances consultatives et les associations"
    ]
    assert all(c["milestones"] for axis in second.snapshot["axes"] for c in axis["commitments"])


def test_the_october_2023_session_adopted_version_two(world):
    adoption = CouncilAdoption.objects.get(program=world)
    assert world.reference_version.number == 2 and adoption.version == world.reference_version
    assert adoption.adopted_on == datetime.date(2023, 10, 2)
    assert adoption.session_name["fr"] == "Session ordinaire d'octobre 2023"
    assert adoption.votes_for > adoption.votes_against


def test_the_demo_association_co_owns_the_participation_commitments(world):
    owned = Commitment.objects.filter(program=world, associations__isnull=False).distinct()
    assert owned.count() == 2


def test_safi_adapted_a_commitment_of_the_region(world):
    safi = Program.objects.get(collectivity__code="07007001")
    assert safi.phase == Phase.DRAFTING and safi.versions.count() == 1
    copy = Commitment.objects.get(program=safi)
    assert copy.adapted_from.program == world
    assert copy.adapted_from_credit["collectivity_code"] == "07"
    assert copy.lead_unit["fr"] == "Division des affaires du conseil communal"


def test_loading_twice_changes_nothing(world):
    counts = [model.objects.count() for model in (Program, ProgramVersion, PhaseTransition, Commitment)]
    demo.load()
    assert [model.objects.count() for model in (Program, ProgramVersion, PhaseTransition, Commitment)] == counts


def test_the_demo_pages_open(client, world):
    for url in (
        "/ar/programs/",
        world.get_absolute_url(),
        f"/ar/programs/{world.pk}/compare/?old=1&new=2",
        f"/fr/programs/{world.pk}/versions/2/",
        "/fr/programs/commitments/?principle=accountability",
        "/ar/network/members/07/",
    ):
        assert client.get(url).status_code == 200, url
