"""Visitors read an adopted program's tracker and a commitment's: progress as charts with a table beside them,
status badges in words, contested updates flagged, links to every update. A program in preparation has no public
tracker; unknown and absurd addresses are 404."""

import datetime

import pytest

from infitah.monitoring.models import Completion, ReviewState
from infitah.programs.phases import Phase
from tests.clients import page, page_as, queries
from tests.monitoring.tracker_factories import UpdateFactory, adopted_program, keys
from tests.people import People, english_messages  # noqa: F401 - automatic for every test here
from tests.programs.factories import ProgramFactory

pytestmark = pytest.mark.django_db

FLAG = "Contested by a co-monitor — awaiting the collectivity's answer"


@pytest.fixture
def people(db):
    return People()


@pytest.fixture
def program(people):
    program = adopted_program(people.commune_a, axes=((2, 2),))
    (first, (m1, m2)), (second, _) = keys(program)
    UpdateFactory(
        program=program,
        commitment_key=first,
        milestone_key=m1,
        percent=100,
        completion=Completion.COMPLETE,
        review_state=ReviewState.CONFIRMED,
    )
    UpdateFactory(
        program=program,
        commitment_key=first,
        milestone_key=m2,
        percent=40,
        as_of=datetime.date(2024, 5, 2),
        review_state=ReviewState.CONTESTED,
        narrative={"fr": "Publication partielle <script>x</script>"},
    )
    return program


def test_the_tracker_shows_progress_as_a_chart_and_a_table_with_contested_updates_flagged(client, program):
    html = page(client, f"/en/monitoring/programs/{program.pk}/")
    assert 'role="img"' in html and 'aria-label="The whole program: 35% done"' in html
    assert "<table" in html and "<td>35%</td>" in html  # the axis table: (70 + 0) / 2
    assert FLAG in html
    contested = program.progress_updates.get(review_state=ReviewState.CONTESTED)
    assert f'href="/en/monitoring/updates/{contested.pk}/"' in html
    assert "milestones overdue" in html and "Overdue" in html
    assert f'href="/en/monitoring/programs/{program.pk}/reports/"' in html


def test_a_commitments_tracker_page_lists_its_milestones_and_updates_escaped(client, program):
    commitment, _ = keys(program)[0]
    html = page(client, f"/en/monitoring/programs/{program.pk}/commitments/{commitment}/")
    assert "70%" in html and "Complete" in html and FLAG in html
    assert "Publication partielle &lt;script&gt;" in html and "<script>x" not in html


def test_the_arabic_tracker_reads_right_to_left(client, program):
    html = page(client, f"/ar/monitoring/programs/{program.pk}/")
    assert 'dir="rtl"' in html and "المحور 1" in html


def test_a_program_in_preparation_has_no_public_tracker(client, people):
    program = ProgramFactory(collectivity=people.commune_a, phase=Phase.PREPARATION)
    url = f"/en/monitoring/programs/{program.pk}/"
    assert client.get(url).status_code == 404
    assert "has not adopted a version" in page_as(client, people.editor, url)
    client.force_login(people.other_focal_point)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/en/monitoring/programs/999999/",
        "/en/monitoring/programs/99999999999999999999999/",
        "/en/monitoring/programs/{pk}/commitments/6a1f0e44-5a4e-4ed8-9d6e-8d3f1b0f0a11/",
        "/en/monitoring/programs/99999999999999999999999/reports/2024-1/",
        "/en/monitoring/programs/{pk}/reports/2024-3/",
        "/en/monitoring/programs/{pk}/reports/1900-1/",
        "/en/monitoring/programs/{pk}/reports/99999999999999999999-1/",
        "/en/monitoring/programs/{pk}/reports/pdf/99999999999999999999999/",
        "/en/monitoring/programs/{pk}/reports/2024-1/pdf/en/",
    ],
)
def test_unknown_and_absurd_addresses_are_404(client, program, url):
    assert client.get(url.format(pk=program.pk)).status_code == 404


def test_the_tracker_pages_cost_the_same_queries_whatever_the_rows(client, people):
    small = adopted_program(people.commune_a, axes=((1, 1),))
    large = adopted_program(people.commune_a, axes=((6, 3), (6, 3)))
    for program in (small, large):
        for commitment, milestones in keys(program):
            for milestone in [None, *milestones]:
                UpdateFactory(
                    program=program,
                    commitment_key=commitment,
                    milestone_key=milestone,
                    review_state=ReviewState.CONTESTED,
                )
    for url in ("/en/monitoring/programs/{}/", "/en/monitoring/programs/{}/reports/2024-1/"):
        assert queries(client, url.format(small.pk)) == queries(client, url.format(large.pk))
    small_key, large_key = keys(small)[0][0], keys(large)[0][0]
    assert queries(client, f"/en/monitoring/programs/{small.pk}/commitments/{small_key}/") == queries(
        client, f"/en/monitoring/programs/{large.pk}/commitments/{large_key}/"
    )
