"""Staff edit the draft; publishing freezes it as a numbered version that never changes again."""

import datetime
from decimal import Decimal

import pytest

from infitah.programs.models import ProgramVersion, VersionFrozen
from infitah.programs.phases import Phase
from infitah.programs.versions import PublishRefused, build_snapshot, publish_version
from tests.factories import AssociationFactory
from tests.programs.factories import AxisFactory, CommitmentFactory, MilestoneFactory, ProgramFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(people):
    program = ProgramFactory(collectivity=people.commune_a, phase=Phase.CO_CREATION)
    axis = AxisFactory(program=program, title={"ar": "الشفافية", "fr": "Transparence"})
    commitment = CommitmentFactory(axis=axis, principles=["transparency", "access_to_information"])
    commitment.associations.add(AssociationFactory(is_verified=True, name={"ar": "جمعية الأمل"}))
    commitment.budget_estimate = Decimal("150000")
    commitment.save()
    MilestoneFactory(commitment=commitment, due_date=datetime.date(2024, 3, 31))
    return program


def test_versions_are_numbered_in_order_and_keep_who_published_them(draft, people):
    first = publish_version(draft, people.focal_point, note={"fr": "Axes initiaux"})
    CommitmentFactory(axis=draft.axes.get())
    second = publish_version(draft, people.focal_point)
    assert [first.number, second.number] == [1, 2]
    assert first.published_by == people.focal_point and first.note == {"fr": "Axes initiaux"}
    assert first.phase == Phase.CO_CREATION


def test_the_snapshot_holds_the_whole_draft_with_stable_keys(draft, people):
    version = publish_version(draft, people.focal_point)
    axis = draft.axes.get()
    commitment = axis.commitments.get()
    (snap_axis,) = version.snapshot["axes"]
    (snap_commitment,) = snap_axis["commitments"]
    assert snap_axis["key"] == str(axis.key) and snap_axis["title"]["fr"] == "Transparence"
    assert snap_commitment["key"] == str(commitment.key)
    assert snap_commitment["principles"] == ["transparency", "access_to_information"]
    assert snap_commitment["budget_estimate"] == "150000.00"
    assert snap_commitment["associations"][0]["name"] == {"ar": "جمعية الأمل"}
    assert snap_commitment["milestones"][0]["due_date"] == "2024-03-31"
    assert version.snapshot["program"]["title"] == draft.title


def test_editing_the_draft_after_publishing_leaves_the_version_as_it_was(draft, people):
    version = publish_version(draft, people.focal_point)
    commitment = draft.commitments.get()
    commitment.title = {"fr": "Un autre titre"}
    commitment.save()
    version.refresh_from_db()
    assert version.snapshot["axes"][0]["commitments"][0]["title"]["fr"].startswith("Engagement")


def test_a_published_version_cannot_be_changed_or_deleted(draft, people):
    version = publish_version(draft, people.focal_point)
    version.note = {"fr": "rewritten history"}
    with pytest.raises(VersionFrozen):
        version.save()
    with pytest.raises(VersionFrozen):
        ProgramVersion.objects.filter(pk=version.pk).update(note={})
    with pytest.raises(VersionFrozen):
        version.delete()
    assert ProgramVersion.objects.get(pk=version.pk).note == {}


def test_publishing_twice_without_changes_is_refused(draft, people):
    publish_version(draft, people.focal_point)
    with pytest.raises(PublishRefused, match="Nothing has changed"):
        publish_version(draft, people.focal_point)
    assert draft.versions.count() == 1


@pytest.mark.parametrize(
    ("phase", "message"),
    [
        (Phase.PREPARATION, "once the program is public"),
        (Phase.CLOSED, "The program is closed"),
    ],
)
def test_no_version_is_published_before_the_program_is_public_or_once_it_is_closed(people, phase, message):
    program = ProgramFactory(phase=phase)
    AxisFactory(program=program)
    with pytest.raises(PublishRefused, match=message):
        publish_version(program, people.focal_point)
    assert not ProgramVersion.objects.exists()


def test_an_empty_draft_is_not_published(people):
    program = ProgramFactory(phase=Phase.CO_CREATION)
    with pytest.raises(PublishRefused, match="no axis yet"):
        publish_version(program, people.focal_point)


def test_the_snapshot_of_a_draft_costs_the_same_queries_whatever_its_size(draft, django_assert_num_queries):
    for _ in range(5):
        CommitmentFactory(axis=AxisFactory(program=draft))
    with django_assert_num_queries(4):  # axes, commitments, their associations, their milestones
        build_snapshot(draft)
