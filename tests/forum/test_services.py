"""Starting threads and replying: who writes for which collectivity, cached counts, locks, the rate limit, and who
is told (followers of the thread; members a message mentions, never someone who may not read it)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from infitah.accounts.models import Role, User
from infitah.forum import services
from infitah.forum.membership import standing_of
from infitah.forum.models import Thread
from infitah.forum.text import mention
from infitah.participation.models import Follow, Notification
from infitah.participation.targets import content_type_of
from tests.factories import CommuneFactory, MembershipFactory, RoleAssignmentFactory

pytestmark = pytest.mark.django_db


def _notified(verb, person):
    return Notification.objects.filter(verb=verb, recipient=person).count()


def test_a_thread_is_written_for_the_authors_collectivity_and_its_author_follows_it(people):
    thread = services.start_thread(people.editor, people.public, "Titre", "Corps")
    assert thread.collectivity_id == people.commune_a.pk
    assert Follow.objects.filter(user=people.editor, content_type=content_type_of(Thread), object_id=thread.pk).exists()


def test_nobody_writes_for_a_collectivity_not_theirs(people):
    with pytest.raises(services.ForumRefused, match="collectivity you belong to"):
        services.start_thread(people.editor, people.public, "Titre", "Corps", collectivity_id=people.commune_b.pk)


def test_someone_of_two_collectivities_chooses(people):
    other = CommuneFactory()
    MembershipFactory(collectivity=other)
    RoleAssignmentFactory(user=people.editor, role=Role.EDITOR, collectivity=other)
    people.editor = User.objects.get(pk=people.editor.pk)  # the roles are read once per request
    with pytest.raises(services.ForumRefused, match="Choose the collectivity"):
        services.start_thread(people.editor, people.public, "Titre", "Corps")
    chosen = services.start_thread(people.editor, people.public, "Titre", "Corps", collectivity_id=other.pk)
    assert chosen.collectivity_id == other.pk


def test_a_citizen_cannot_start_a_thread_or_reply(people):
    with pytest.raises(services.ForumRefused, match="Only the forum's members"):
        services.start_thread(people.citizen, people.public, "Titre", "Corps")
    with pytest.raises(services.ForumRefused, match="Only the forum's members"):
        services.reply(people.citizen, people.thread, "Réponse")


def test_a_reply_counts_on_the_thread_at_once(people):
    moment = timezone.now()
    services.reply(people.editor, people.thread, "Une", now=moment)
    services.reply(people.other_focal_point, people.thread, "Deux", now=moment + datetime.timedelta(minutes=1))
    people.thread.refresh_from_db()
    assert people.thread.reply_count == 2
    assert people.thread.last_reply_at == moment + datetime.timedelta(minutes=1)


def test_a_locked_thread_refuses_replies_with_a_reason(people):
    services.set_locked(people.coordinator, people.thread, True)
    with pytest.raises(services.ForumRefused, match="locked"):
        services.reply(people.editor, people.thread, "Encore")
    assert people.thread.posts.count() == 0


def test_only_coordinators_lock_and_pin(people):
    with pytest.raises(services.ForumRefused, match="coordinators"):
        services.set_pinned(people.focal_point, people.thread, True)
    services.set_pinned(people.coordinator, people.thread, True)
    assert Thread.objects.get(pk=people.thread.pk).is_pinned


def test_empty_or_markup_only_messages_are_refused_with_a_reason(people):
    with pytest.raises(ValidationError, match="empty"):
        services.reply(people.editor, people.thread, "   ")
    with pytest.raises(ValidationError, match="Only markup"):
        services.reply(people.editor, people.thread, "<script>alert(1)</script>")


def test_scripts_are_stripped_from_what_is_stored(people):
    post = services.reply(people.editor, people.thread, "Bonjour <script>alert(1)</script><b>toi</b>")
    assert post.body == "Bonjour toi"


def test_the_rate_limit_stops_a_flood_with_a_message(people):
    moment = timezone.now()
    for number in range(services.RATE_LIMIT):
        services.reply(people.editor, people.thread, f"Message {number}", now=moment)
    with pytest.raises(services.ForumRefused, match="Wait a little"):
        services.reply(people.editor, people.thread, "One more", now=moment)
    later = moment + services.RATE_WINDOW + datetime.timedelta(seconds=1)
    assert services.reply(people.editor, people.thread, "Later", now=later)


def test_followers_are_told_of_a_reply_but_not_the_replier(people):
    services.reply(people.editor, people.thread, "Première réponse")
    assert _notified("forum_reply", people.thread.author) == 0  # the factory's author does not follow
    services.start_thread(people.focal_point, people.public, "Nouveau", "Corps")
    thread = Thread.objects.get(title="Nouveau")
    services.reply(people.editor, thread, "Réponse")
    assert _notified("forum_reply", people.focal_point) == 1
    assert _notified("forum_reply", people.editor) == 0


def test_a_mentioned_member_is_told_once_a_citizen_never(people):
    thread = services.start_thread(people.focal_point, people.public, "Sujet", "Corps")
    named = [("Editor", people.editor), ("Citizen", people.citizen), ("Focal", people.focal_point)]
    body = " ".join(mention(name, person.pk) for name, person in named)
    services.reply(people.representative, thread, body)
    assert _notified("forum_mention", people.editor) == 1
    assert _notified("forum_mention", people.citizen) == 0
    # The thread's author is mentioned and follows: one notice, the mention.
    assert _notified("forum_mention", people.focal_point) == 1
    assert _notified("forum_reply", people.focal_point) == 0


def test_a_mention_in_a_members_only_category_reaches_only_those_who_read_it(people):
    outsider = people.holding(Role.FOCAL_POINT, CommuneFactory())  # of a collectivity outside the network
    body = f"{mention('Outsider', outsider.pk)} {mention('B', people.other_focal_point.pk)}"
    services.reply(people.editor, people.private_thread, body)
    assert _notified("forum_mention", outsider) == 0
    assert _notified("forum_mention", people.other_focal_point) == 1


def test_an_edit_is_marked(people):
    post = services.reply(people.editor, people.thread, "Avant")
    services.edit(people.editor, post, "Après")
    post.refresh_from_db()
    assert post.body == "Après" and post.edited_at is not None
    with pytest.raises(services.ForumRefused, match="Only its author"):
        services.edit(people.focal_point, post, "Pas à moi")


def test_a_deleted_accounts_messages_stay_and_mentions_of_it_lose_the_name(people):
    from infitah.accounts.personal_data import delete_account, export

    services.reply(people.editor, people.thread, "Ma réponse")
    services.reply(people.focal_point, people.thread, f"Merci {mention('Karim Secret', people.editor.pk)}")
    assert export(people.editor)["forum"]["replies"][0]["body"] == "Ma réponse"
    delete_account(people.editor)
    bodies = list(people.thread.posts.values_list("body", flat=True))
    assert "Ma réponse" in bodies and not any("Karim Secret" in body for body in bodies)


def test_a_reply_costs_the_same_for_3_or_30_followers_and_mentions(people):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from infitah.participation.follows import follow_quietly

    def crowd(size):
        thread = services.start_thread(people.focal_point, people.private, f"Sujet {size}", "Corps")
        members = [people.member() for _ in range(size)]
        for member in members:
            follow_quietly(member, thread)
        return thread, " ".join(mention("M", member.pk) for member in members[:size])

    small, small_body = crowd(3)
    large, large_body = crowd(30)
    replier = User.objects.get(pk=people.other_focal_point.pk)
    standing_of(replier)  # read once per request: not what is measured
    with CaptureQueriesContext(connection) as few:
        services.reply(replier, small, small_body)
    with CaptureQueriesContext(connection) as many:
        services.reply(replier, large, large_body)
    assert len(many) == len(few)
    assert Notification.objects.filter(verb="forum_mention").count() == 3 + services.MENTIONS_NOTIFIED
