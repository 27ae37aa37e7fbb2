"""Following a program or a member collectivity: the follow buttons, and the notice of each new phase."""

import pytest
from django.urls import reverse

from infitah.participation.follows import follow, is_following
from infitah.participation.models import Notification
from infitah.participation.targets import ParticipationRefused
from infitah.programs.phases import Phase, transition
from infitah.programs.versions import publish_version
from tests.factories import MembershipFactory
from tests.programs.factories import AxisFactory, ProgramFactory

pytestmark = pytest.mark.django_db


def _notified(person):
    return list(Notification.objects.filter(recipient=person).values_list("verb", flat=True))


def test_a_person_follows_a_public_program_from_its_page(client, people):
    program = ProgramFactory(collectivity=people.commune_a, phase=Phase.CO_CREATION)
    client.force_login(people.citizen)
    page = client.get(program.get_absolute_url())
    assert b'value="follow"' in page.content

    client.post(reverse("participation:follow", args=["programs.program", program.pk]), {"action": "follow"})

    assert is_following(people.citizen, program)


def test_a_program_in_preparation_cannot_be_followed(people):
    program = ProgramFactory(collectivity=people.commune_a, phase=Phase.PREPARATION)
    with pytest.raises(ParticipationRefused):
        follow(people.citizen, program)


def test_the_followers_of_the_program_and_of_its_collectivity_hear_of_the_consultation_once_each(
    people, django_capture_on_commit_callbacks
):
    program = ProgramFactory(collectivity=people.commune_a, phase=Phase.DRAFTING)
    AxisFactory(program=program)
    publish_version(program, people.focal_point, "")
    follow(people.citizen, program)
    follow(people.citizen, people.commune_a)  # following both: one notice, not two
    follow(people.other_focal_point, people.commune_a)
    follow(people.focal_point, program)  # the one who moves it is not told of their own act

    with django_capture_on_commit_callbacks(execute=True):
        transition(program, Phase.PUBLIC_CONSULTATION, people.focal_point, "la consultation est ouverte")

    assert _notified(people.citizen) == ["program_public_consultation"]
    assert _notified(people.other_focal_point) == ["program_public_consultation"]
    assert _notified(people.focal_point) == []


def test_the_followers_of_the_collectivity_hear_when_its_program_becomes_public(
    people, django_capture_on_commit_callbacks
):
    program = ProgramFactory(collectivity=people.commune_a, phase=Phase.PREPARATION)
    follow(people.citizen, people.commune_a)
    follow(people.coordinator, people.commune_b)  # another collectivity's follower hears nothing

    with django_capture_on_commit_callbacks(execute=True):
        transition(program, Phase.CO_CREATION, people.focal_point, "atelier de lancement")

    assert _notified(people.citizen) == ["program_co_creation"]
    assert _notified(people.coordinator) == []


def test_the_notice_reads_as_a_sentence_naming_the_program(people, django_capture_on_commit_callbacks):
    from django.utils import translation

    from infitah.participation.notifications import describe

    program = ProgramFactory(collectivity=people.commune_a, phase=Phase.PREPARATION)
    follow(people.citizen, program.collectivity)
    with django_capture_on_commit_callbacks(execute=True):
        transition(program, Phase.CO_CREATION, people.focal_point, "lancement")
    notification = Notification.objects.get(recipient=people.citizen)
    with translation.override("en"):
        sentence = describe(notification)
    assert sentence.startswith("The openness program “") and str(program) in sentence


def test_a_member_page_offers_to_follow_the_collectivity(client, people):
    membership = MembershipFactory(collectivity=people.commune_a)
    url = reverse("territories:member", args=[membership.collectivity.code])

    anonymous = client.get(url)
    assert b"Log in to follow" in anonymous.content

    client.force_login(people.citizen)
    client.post(
        reverse("participation:follow", args=["territories.collectivity", people.commune_a.pk]), {"action": "follow"}
    )
    assert is_following(people.citizen, people.commune_a)
    assert b'value="unfollow"' in client.get(url).content
