"""Visitors read programs from co-creation on: the list, a program with its phases, timeline, axes, commitments and
milestones, a commitment, the versions and their comparison. A program in preparation stays with its collectivity."""

import datetime

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from infitah.core.contributions import member_sections, navigation
from infitah.core.principles import Principle
from infitah.programs.adoption import Vote, record_adoption
from infitah.programs.models import Program
from infitah.programs.phases import Phase, transition
from infitah.programs.versions import publish_version
from tests.clients import page, queries
from tests.factories import AssociationFactory, MembershipFactory
from tests.programs.factories import AxisFactory, CommitmentFactory, MilestoneFactory, ProgramFactory

pytestmark = pytest.mark.django_db


def test_the_app_adds_a_menu_entry_and_a_section_to_member_pages():
    assert navigation["programs"].url_name == "programs:list"
    assert member_sections["programs"].template == "programs/member_section.html"


def test_the_public_list_shows_programs_from_co_creation_on(client, people):
    ProgramFactory(collectivity=people.commune_a, phase=Phase.DRAFTING, title={"fr": "Programme public"})
    ProgramFactory(collectivity=people.commune_a, phase=Phase.PREPARATION, title={"fr": "Programme en préparation"})
    html = page(client, "/en/programs/")
    assert "Programme public" in html and "Programme en préparation" not in html
    client.force_login(people.council_member)
    assert "Programme en préparation" in page(client, "/en/programs/")
    client.force_login(people.other_focal_point)
    assert "Programme en préparation" not in page(client, "/en/programs/")


def test_the_list_of_one_collectivity_and_by_phase(client, people):
    ProgramFactory(collectivity=people.commune_a, phase=Phase.DRAFTING, title={"fr": "Programme de A"})
    ProgramFactory(collectivity=people.commune_b, phase=Phase.IMPLEMENTATION, title={"fr": "Programme de B"})
    html = page(client, f"/en/programs/of/{people.commune_a.code}/")
    assert "Programme de A" in html and "Programme de B" not in html
    html = page(client, "/en/programs/?phase=implementation")
    assert "Programme de B" in html and "Programme de A" not in html
    page(client, "/en/programs/of/NOWHERE/", status=404)


def test_a_program_in_preparation_does_not_exist_for_the_public_or_another_collectivity(client, people):
    program = ProgramFactory(collectivity=people.commune_a, phase=Phase.PREPARATION)
    page(client, program.get_absolute_url(), status=404)
    for outsider in (people.citizen, people.other_focal_point):
        client.force_login(outsider)
        page(client, program.get_absolute_url(), status=404)
    for reader in (people.council_member, people.information_officer, people.coordinator):
        client.force_login(reader)
        assert "only its collectivity's staff and council members" in page(client, program.get_absolute_url())


@pytest.fixture
def adopted_program(people):
    """A program taken through its cycle: version 1, a commitment added, version 2 consulted on and adopted."""
    program = ProgramFactory(collectivity=people.commune_a, phase=Phase.PREPARATION, title={"fr": "Programme de A"})
    axis = AxisFactory(program=program, title={"fr": "Transparence"})
    transition(program, Phase.CO_CREATION, people.focal_point, {"fr": "Atelier du 11 avril 2023"})
    publish_version(program, people.focal_point, note={"fr": "Axes initiaux"})
    transition(program, Phase.DRAFTING, people.focal_point, {"fr": "Rédaction"})
    commitment = CommitmentFactory(axis=axis, title={"fr": "Publier les décisions du conseil"})
    MilestoneFactory(commitment=commitment, title={"fr": "Page des publications"}, due_date=datetime.date(2024, 3, 31))
    publish_version(program, people.focal_point)
    transition(program, Phase.PUBLIC_CONSULTATION, people.focal_point, {"fr": "Consultation publique"})
    record_adoption(
        program,
        program.versions.get(number=2),
        by=people.focal_point,
        session_name={"fr": "Session d'octobre"},
        adopted_on=datetime.date.today(),
        decision_number="D-115",
        vote=Vote(40, 2, 1),
    )
    return program


def test_the_program_page_tells_its_story(client, adopted_program):
    html = page(client, f"/en/programs/{adopted_program.pk}/")
    with translation.override("en"):
        assert f'<li aria-current="step">{Phase.IMPLEMENTATION.label}' in html
    assert "Atelier du 11 avril 2023" in html  # a reason on the timeline
    assert "Publier les décisions du conseil" in html and "Page des publications" in html
    assert "D-115" in html and "40" in html
    assert f'href="/en/programs/{adopted_program.pk}/versions/2/"' in html  # the reference badge links to it
    assert "same as the last published version" in html


def test_the_page_says_when_the_draft_has_moved_on_since_the_last_version(client, adopted_program):
    CommitmentFactory(axis=adopted_program.axes.get(), title={"fr": "Un engagement ajouté après"})
    assert "has changed since version 2 was published" in page(client, f"/en/programs/{adopted_program.pk}/")


def test_the_versions_page_and_a_frozen_version(client, adopted_program):
    html = page(client, f"/en/programs/{adopted_program.pk}/versions/")
    assert "Axes initiaux" in html and 'name="old"' in html
    html = page(client, f"/en/programs/{adopted_program.pk}/versions/1/")
    assert "Transparence" in html and "Publier les décisions du conseil" not in html
    page(client, f"/en/programs/{adopted_program.pk}/versions/9/", status=404)


def test_comparing_two_versions_marks_additions_and_removals_in_words_not_only_colour(client, adopted_program):
    html = page(client, f"/en/programs/{adopted_program.pk}/compare/?old=1&new=2")
    assert "Added commitment:" in html and "Publier les décisions du conseil" in html
    html = page(client, f"/en/programs/{adopted_program.pk}/compare/?old=2&new=1")
    assert "Removed commitment:" in html
    html = page(client, f"/en/programs/{adopted_program.pk}/compare/?old=2&new=2")
    assert "Choose two different versions." in html


def test_a_changed_text_shows_inserted_and_deleted_words_with_spoken_labels(client, people):
    program = ProgramFactory(collectivity=people.commune_a, phase=Phase.CO_CREATION)
    axis = AxisFactory(program=program, title={"fr": "Participation citoyenne"})
    publish_version(program, people.focal_point)
    axis.title = {"fr": "Participation citoyenne et co-suivi"}
    axis.save()
    publish_version(program, people.focal_point)
    html = page(client, f"/en/programs/{program.pk}/compare/?old=1&new=2")
    assert '<ins><span class="visually-hidden">[added:] </span>et co-suivi' in html


def test_the_commitment_page(client, adopted_program):
    commitment = adopted_program.commitments.get()
    commitment.associations.add(AssociationFactory(is_verified=True, name={"fr": "Association Espoir"}))
    html = page(client, f"/en/programs/commitments/{commitment.pk}/")
    assert "Publier les décisions du conseil" in html and "Association Espoir" in html
    with translation.override("en"):
        assert f'<li class="tag">{Principle.TRANSPARENCY.label}</li>' in html
    assert "version 2, adopted by the council, is the reference" in html


def test_the_member_page_lists_the_members_public_programs(client, people):
    membership = MembershipFactory(collectivity=people.commune_a)
    ProgramFactory(collectivity=people.commune_a, phase=Phase.DRAFTING, title={"fr": "Programme visible"})
    ProgramFactory(collectivity=people.commune_a, phase=Phase.PREPARATION, title={"fr": "Programme caché"})
    html = page(client, membership.get_absolute_url())
    assert "Programme visible" in html and "Programme caché" not in html


def _program_with(count, people):
    program = ProgramFactory(collectivity=people.commune_a, phase=Phase.DRAFTING)
    axes = [AxisFactory(program=program) for _ in range(2)]
    association = AssociationFactory(is_verified=True)
    for number in range(count):
        commitment = CommitmentFactory(axis=axes[number % 2])
        commitment.associations.add(association)
        MilestoneFactory(commitment=commitment)
        MilestoneFactory(commitment=commitment)
    publish_version(program, people.focal_point)
    transition(program, Phase.PUBLIC_CONSULTATION, people.focal_point, "open")
    return program


@pytest.mark.parametrize("who", ["anonymous", "focal_point"])
def test_the_program_page_costs_the_same_queries_for_5_or_100_commitments(client, people, who):
    if who != "anonymous":
        client.force_login(getattr(people, who))
    small, large = _program_with(5, people), _program_with(100, people)
    ContentType.objects.get_for_model(Program)  # cached for the process's life, as in production after one request
    few, many = queries(client, small.get_absolute_url()), queries(client, large.get_absolute_url())
    assert few == many
    # program, its phase changes, planned dates, versions, adoptions; axes, commitments, their associations and
    # milestones; the last version's snapshot; its consultations. Signed in: the user and their roles too, whether
    # they follow the program, and the session unless the sessions are served from the cache (cached_db with
    # REDIS_URL).
    session_query = 0 if settings.SESSION_ENGINE.endswith("cached_db") else 1
    # The council's decisions on the program (council.pages.program_section): one query.
    council_query = 1
    assert many == (11 if who == "anonymous" else 15 + session_query) + council_query


def test_the_lists_cost_the_same_queries_whatever_they_hold(client, people):
    _program_with(2, people)
    urls = ["/en/programs/", "/en/programs/commitments/", f"/en/programs/of/{people.commune_a.code}/"]
    few = [queries(client, url) for url in urls]
    for _ in range(4):
        _program_with(6, people)
    assert [queries(client, url) for url in urls] == few
