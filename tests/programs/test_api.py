"""A developer reads openness programs as JSON: programs with their phases and timeline, versions with their
snapshot and comparison, axes, commitments and milestones. Programs in preparation are not public."""

import datetime

import pytest

from infitah.programs.adoption import Vote, record_adoption
from infitah.programs.phases import Phase, transition
from infitah.programs.versions import publish_version
from tests.api.helpers import API, get_json, queries
from tests.factories import AssociationFactory, RoleAssignmentFactory
from tests.programs.factories import AxisFactory, CommitmentFactory, MilestoneFactory, ProgramFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def focal_point():
    return RoleAssignmentFactory(role="focal_point").user


def build_program(focal_point, commitments=2, adopt=True):
    program = ProgramFactory(phase=Phase.PREPARATION, title={"ar": "برنامج", "fr": "Programme"})
    axis = AxisFactory(program=program, title={"fr": "Transparence"})
    transition(program, Phase.CO_CREATION, focal_point, {"fr": "Atelier"})
    publish_version(program, focal_point)
    association = AssociationFactory(is_verified=True)
    for _ in range(commitments):
        commitment = CommitmentFactory(axis=axis, principles=["transparency", "digitalisation"])
        commitment.associations.add(association)
        MilestoneFactory(commitment=commitment)
    transition(program, Phase.DRAFTING, focal_point, {"fr": "Rédaction"})
    publish_version(program, focal_point)
    transition(program, Phase.PUBLIC_CONSULTATION, focal_point, {"fr": "Consultation"})
    if adopt:
        record_adoption(
            program,
            program.versions.get(number=2),
            by=focal_point,
            session_name={"fr": "Session d'octobre"},
            adopted_on=datetime.date.today(),
            decision_number="D-1",
            vote=Vote(30, 1, 2),
        )
    return program


def test_only_public_programs_are_listed_and_found(client, focal_point):
    public = build_program(focal_point, adopt=False)
    hidden = ProgramFactory(phase=Phase.PREPARATION)
    page = get_json(client, f"{API}/programs")
    assert [item["id"] for item in page["items"]] == [public.pk] and page["count"] == 1
    assert page["items"][0]["collectivity_code"] == public.collectivity.code
    get_json(client, f"{API}/programs/{hidden.pk}", status=404)
    for path in ("transitions", "versions", "versions/1"):
        get_json(client, f"{API}/programs/{hidden.pk}/{path}", status=404)
    assert get_json(client, f"{API}/axes", program=hidden.pk)["count"] == 0


def test_a_program_with_its_phases_timeline_versions_adoption_and_draft(client, focal_point):
    program = build_program(focal_point)
    data = get_json(client, f"{API}/programs/{program.pk}")
    assert data["phase"] == "implementation" and data["reference_version"] == 2
    assert [move["to_phase"] for move in data["transitions"]] == [
        "co_creation",
        "drafting",
        "public_consultation",
        "adoption",
        "implementation",
    ]
    assert data["transitions"][0]["reason"] == {"fr": "Atelier"}
    assert [phase["phase"] for phase in data["phases"]][:2] == ["preparation", "co_creation"]
    assert data["phases"][1]["actual_end"] is not None
    assert [v["number"] for v in data["versions"]] == [1, 2]
    assert data["adoptions"][0]["version"] == 2 and data["adoptions"][0]["votes_for"] == 30
    (axis,) = data["axes"]
    assert len(axis["commitments"]) == 2
    commitment = axis["commitments"][0]
    assert commitment["principles"] == ["transparency", "digitalisation"]
    assert len(commitment["milestones"]) == 1 and len(commitment["associations"]) == 1


def test_a_version_carries_its_snapshot_and_two_versions_compare(client, focal_point):
    program = build_program(focal_point)
    version = get_json(client, f"{API}/programs/{program.pk}/versions/1")
    assert version["snapshot"]["axes"][0]["title"] == {"fr": "Transparence"}
    assert "snapshot" not in get_json(client, f"{API}/programs/{program.pk}/versions")[0]
    diff = get_json(client, f"{API}/programs/{program.pk}/compare", old=1, new=2)
    assert len(diff["commitments"]["added"]) == 2 and diff["axes"]["changed"] == []
    get_json(client, f"{API}/programs/{program.pk}/compare", status=404, old=1, new=7)


def test_commitments_are_filtered_by_principle_collectivity_and_words(client, focal_point):
    program = build_program(focal_point)
    CommitmentFactory(
        axis=AxisFactory(program=ProgramFactory(phase=Phase.DRAFTING)),
        title={"ar": "المساءلة"},
        principles=["accountability"],
    )
    assert get_json(client, f"{API}/commitments")["count"] == 3
    assert get_json(client, f"{API}/commitments", principle="accountability")["count"] == 1
    assert get_json(client, f"{API}/commitments", q="المسائلة")["count"] == 1
    assert get_json(client, f"{API}/commitments", collectivity=program.collectivity.code)["count"] == 2
    one = program.commitments.first()
    assert get_json(client, f"{API}/commitments/{one.pk}")["key"] == str(one.key)
    assert get_json(client, f"{API}/milestones", program=program.pk)["count"] == 2


def test_the_schema_describes_the_programs(client):
    paths = get_json(client, f"{API}/openapi.json")["paths"]
    for path in (
        "/api/v1/programs",
        "/api/v1/programs/{program_id}",
        "/api/v1/programs/{program_id}/versions/{number}",
        "/api/v1/programs/{program_id}/compare",
        "/api/v1/commitments",
        "/api/v1/milestones",
        "/api/v1/axes",
    ):
        assert path in paths


def test_answers_cost_the_same_queries_for_few_or_many_commitments(client, focal_point):
    small, large = build_program(focal_point, commitments=3), build_program(focal_point, commitments=40)
    for template in ("{api}/programs/{pk}", "{api}/commitments?program={pk}", "{api}/programs/{pk}/versions/2"):
        few = queries(client, template.format(api=API, pk=small.pk))
        many = queries(client, template.format(api=API, pk=large.pk))
        assert few == many, template
    assert queries(client, f"{API}/programs/{large.pk}") == 9
