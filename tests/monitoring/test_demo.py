"""The demo: Marrakech-Safi's adopted program with its follow-up committee (elected members and civil society,
two of them with accounts) and a year (2024) of progress updates: most confirmed, one contested then answered,
one awaiting review, and a milestone overdue; the tracker shows it on first start. Loading twice changes nothing."""

import datetime

import pytest

from infitah.monitoring import demo
from infitah.monitoring.models import CommitteeSeat, FollowUpCommittee, ProgressUpdate, ReviewState, Verdict
from infitah.monitoring.tracker import build_tracker
from infitah.territories.demo.content import ILLUSTRATIVE_FR
from tests.clients import page
from tests.demo_data import load_demo
from tests.people import english_messages  # noqa: F401 - automatic for every test here

pytestmark = pytest.mark.django_db


@pytest.fixture
def committee():
    load_demo()
    return FollowUpCommittee.objects.select_related("program").get(program__collectivity__code="07")


def test_the_committee_joins_elected_members_and_civil_society_with_accounts(committee):
    members = list(committee.members.select_related("user", "association"))
    assert {m.seat for m in members} >= {CommitteeSeat.ELECTED, CommitteeSeat.CIVIL_SOCIETY}
    emails = {m.user.email for m in members if m.user}
    assert {"association@infitah.example", "body.member@infitah.example"} <= emails
    representative = next(m for m in members if m.user and m.user.email == "association@infitah.example")
    assert representative.association is not None
    assert ILLUSTRATIVE_FR in committee.mandate["fr"]


def test_a_year_of_updates_confirmed_contested_then_answered_and_awaiting(committee):
    updates = ProgressUpdate.objects.filter(program=committee.program)
    assert {u.as_of.year for u in updates} == {2024}
    states = [u.review_state for u in updates]
    assert states.count(ReviewState.CONFIRMED) >= 5
    assert states.count(ReviewState.AWAITING) >= 1
    resolved = updates.get(review_state=ReviewState.RESOLVED)
    assert resolved.reviews.get().verdict == Verdict.CONTESTED and resolved.replies.exists()
    assert all(ILLUSTRATIVE_FR in u.narrative["fr"] for u in updates)


def test_the_tracker_shows_progress_and_an_overdue_milestone(client, committee):
    tracker = build_tracker(committee.program, today=datetime.date(2025, 1, 15))
    assert 0 < tracker.percent < 100
    assert any(m.title["fr"].startswith("Publication des décisions") for m in tracker.overdue)
    html = page(client, f"/fr/monitoring/programs/{committee.program.pk}/")
    assert "Publication des décisions de juillet" in html  # overdue since July 2024
    assert "Omar Tazi" in html and "Khadija Bennani" in html  # the committee's composition


def test_loading_twice_changes_nothing(committee):
    counts = ProgressUpdate.objects.count(), committee.members.count()
    demo.load()
    assert (ProgressUpdate.objects.count(), committee.members.count()) == counts
