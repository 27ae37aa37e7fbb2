"""Who belongs to the forum (the people of member collectivities, their verified associations and advisory bodies,
the coordinators), who reads a members-only category, and the author's time to edit."""

import datetime

import pytest
import time_machine

from infitah.accounts.models import Role, User
from infitah.core.permissions import Refused, can, require
from infitah.forum.membership import is_member, standing_of
from infitah.forum.rules import within_edit_window
from infitah.territories.models import Membership, MembershipStatus
from tests.bodies.factories import BodyMemberFactory
from tests.factories import AdvisoryBodyFactory, AssociationFactory, CommuneFactory, RepresentativeFactory, UserFactory
from tests.forum.factories import PostFactory

pytestmark = pytest.mark.django_db


def test_a_citizen_reads_the_public_category_but_is_told_who_writes(people):
    assert can(people.citizen, "forum.view", people.public)
    with pytest.raises(Refused) as refused:
        require(people.citizen, "forum.post", people.public)
    assert "Only the forum's members write in it" in str(refused.value.reason)


def test_a_members_only_category_is_nobody_elses(people):
    assert not can(people.citizen, "forum.view", people.private)
    assert not can(None, "forum.view", people.private_thread)
    assert can(people.other_focal_point, "forum.view", people.private_thread)


@pytest.mark.parametrize(
    ("who", "member"),
    [
        ("focal_point", True),
        ("council_member", True),
        ("other_focal_point", True),
        ("coordinator", True),
        ("representative", True),
        ("citizen", False),
    ],
)
def test_who_belongs_to_the_forum(people, who, member):
    assert standing_of(getattr(people, who)).is_member is member
    fresh = User.objects.get(pk=getattr(people, who).pk)  # nothing remembered on it: the quick answer
    assert is_member(fresh) is member


def test_the_staff_of_a_collectivity_that_left_the_network_no_longer_belong(people):
    Membership.objects.filter(collectivity=people.commune_b).update(status=MembershipStatus.WITHDRAWN)
    assert not is_member(User.objects.get(pk=people.other_focal_point.pk))
    assert not standing_of(User.objects.get(pk=people.other_focal_point.pk)).is_member
    Membership.objects.filter(collectivity=people.commune_b).update(status=MembershipStatus.SUSPENDED)
    assert is_member(User.objects.get(pk=people.other_focal_point.pk))  # suspended is still a member, as before


def test_staff_of_a_collectivity_outside_the_network_do_not_write(people):
    outside = people.holding(Role.FOCAL_POINT, CommuneFactory())
    assert not can(outside, "forum.post", people.public)


def test_a_pending_associations_representative_does_not_write_until_verified(people):
    pending = RepresentativeFactory(association=AssociationFactory(seat=people.commune_a)).user
    assert not can(pending, "forum.post")


def test_a_sitting_advisory_body_member_writes_a_former_one_does_not(people):
    body = AdvisoryBodyFactory(collectivity=people.commune_a)
    sitting, former = UserFactory(), UserFactory()
    BodyMemberFactory(body=body, user=sitting, full_name="")
    BodyMemberFactory(
        body=body, user=former, full_name="", joined_on=datetime.date(2020, 1, 1), left_on=datetime.date(2021, 1, 1)
    )
    assert can(sitting, "forum.post") and not can(former, "forum.post")


def test_the_coordinators_moderate_not_the_staff_of_the_collectivity_written_for(people):
    assert can(people.coordinator, "forum.moderate", people.thread)
    assert not can(people.focal_point, "forum.moderate", people.thread)
    assert not can(people.focal_point, "participation.moderate", people.thread)


@pytest.mark.parametrize(("minutes", "editable"), [(0, True), (29, True), (30, True), (31, False), (60 * 24, False)])
def test_the_edit_window(minutes, editable):
    written = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)
    assert within_edit_window(written, written + datetime.timedelta(minutes=minutes)) is editable


def test_an_author_edits_their_reply_for_thirty_minutes_while_it_is_visible(people):
    with time_machine.travel(datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC), tick=False):
        post = PostFactory(thread=people.thread, author=people.editor)
        assert can(people.editor, "forum.edit", post)
        assert not can(people.focal_point, "forum.edit", post)
    with time_machine.travel(datetime.datetime(2026, 3, 2, 10, 31, tzinfo=datetime.UTC), tick=False):
        assert not can(people.editor, "forum.edit", post)
    post.is_hidden = True
    assert not can(people.editor, "forum.edit", post)
