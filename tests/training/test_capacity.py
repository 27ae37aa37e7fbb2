"""Capacity per member: staff counted by their role's collectivity, associations by their seat, only those who
attended; certificates; the same queries for 10 or 100 members; a CSV through the safe writer."""

import pytest

from infitah.accounts.models import Role
from infitah.training import capacity, services
from infitah.training.models import Audience
from tests.factories import AssociationFactory, CommuneFactory, MembershipFactory, RepresentativeFactory
from tests.training.factories import CourseFactory, attended, session

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(people):
    """By hand: in A, two staff trained (one on two courses) and one who enrolled but never came; one association
    member of A trained; in B, one staff trained and certified; a withdrawn enrolment counts nothing."""
    course = CourseFactory(collectivity=people.commune_a, audience=Audience.BOTH)
    other = CourseFactory(collectivity=None, audience=Audience.STAFF)
    event, other_event = session(course), session(other)
    second_staff_a = people.holding(Role.FOCAL_POINT, people.commune_a)
    never_came = people.holding(Role.INFORMATION_OFFICER, people.commune_a)
    for person in (people.trainee, second_staff_a, never_came, people.representative, people.other_editor):
        services.enrol(person, course)
    services.enrol(people.trainee, other)
    for person in (people.trainee, second_staff_a, people.representative, people.other_editor):
        attended(event, person)
    attended(other_event, people.trainee)
    attended(event, never_came, came=False)
    withdrawn = RepresentativeFactory(association=AssociationFactory(seat=people.commune_b)).user
    services.withdraw(services.enrol(withdrawn, course))
    attended(event, withdrawn)
    services.complete_by_hand(people.focal_point, course.enrolments.get(user=people.other_editor), "Attended in B")
    return people


def _figures(row):
    return {name: getattr(row, name) for name in (*capacity.FIGURES, "practices_shared", "practices_adopted")}


def test_the_counts_match_the_hand_built_world(world):
    rows = {row.collectivity_id: _figures(row) for row in capacity.table()}
    assert rows[world.commune_a.pk] == {
        "staff_trained": 2,
        "associations_trained": 1,
        "courses_followed": 4,
        "certificates": 0,
        "practices_shared": 0,
        "practices_adopted": 0,
    }
    assert rows[world.commune_b.pk] == {
        "staff_trained": 1,
        "associations_trained": 0,
        "courses_followed": 1,
        "certificates": 1,
        "practices_shared": 0,
        "practices_adopted": 0,
    }
    assert capacity.network_totals() == {"staff_trained": 3, "associations_trained": 1, "certificates": 1}


def test_the_member_page_and_the_network_page_show_the_capacity_block(client, world):
    member = client.get(f"/en/network/members/{world.commune_a.code}/").content.decode()
    assert "Capacity building" in member and "Staff trained" in member
    network = client.get("/en/network/").content.decode()
    assert "Capacity building" in network and "/en/training/capacity/" in network


def test_the_table_costs_the_same_queries_for_10_or_100_members(client, world, django_assert_max_num_queries):
    from tests.clients import queries

    for _index in range(8):
        MembershipFactory(collectivity=CommuneFactory())
    few = queries(client, "/en/training/capacity/")
    for _index in range(90):
        MembershipFactory(collectivity=CommuneFactory())
    with django_assert_max_num_queries(few):
        response = client.get("/en/training/capacity/")
    assert response.content.decode().count("data-member=") == 100


def test_the_member_block_costs_fixed_queries(rf, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        capacity.of_member(world.commune_a.pk)


def test_the_csv_counts_without_names_and_neutralises_formulas(client, world):
    world.commune_a.name = {"fr": "=HYPERLINK(1)", "ar": "=HYPERLINK(1)"}
    world.commune_a.save()
    response = client.get("/fr/training/capacity/?format=csv")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/csv")
    assert text.splitlines()[0].lstrip("\ufeff").startswith("collectivity_code,collectivity,staff_trained")
    assert "'=HYPERLINK(1)" in text
    assert world.trainee.display_name not in text and world.trainee.email not in text
