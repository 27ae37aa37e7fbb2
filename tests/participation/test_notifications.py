"""Followers hear of new comments in the site and by e-mail (each time, in a daily digest, or never)."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from infitah.participation.comments import post_comment
from infitah.participation.digests import send_digests
from infitah.participation.follows import follow, is_following, unfollow
from infitah.participation.models import DigestLog, EmailFrequency, Notification
from infitah.participation.notifications import notify, set_email_frequency, unread_count
from infitah.participation.targets import ParticipationRefused
from tests.factories import UserFactory
from tests.participation.world import LABEL

pytestmark = pytest.mark.django_db
CASABLANCA = zoneinfo.ZoneInfo("Africa/Casablanca")


def test_followers_are_notified_of_a_new_comment_and_mailed_by_the_worker(
    discussion, citizen, neighbour, django_capture_on_commit_callbacks
):
    follow(neighbour, discussion)
    bystander = UserFactory()

    with django_capture_on_commit_callbacks(execute=True):
        post_comment(citizen, discussion, "The bus stop needs a shelter")

    notification = Notification.objects.get()
    assert notification.recipient == neighbour
    assert notification.verb == "comment_posted"
    assert notification.actor == citizen
    assert notification.target == discussion
    assert notification.collectivity_id == discussion.collectivity_id
    assert notification.emailed_at is not None
    assert [m.to for m in mail.outbox] == [[neighbour.email]]
    assert "Salma Idrissi" in mail.outbox[0].body
    # The link goes through the page that marks the notification read, then on to the discussion.
    assert f"/participation/notifications/{notification.pk}/open/" in mail.outbox[0].body
    assert not Notification.objects.filter(recipient=bystander).exists()


def test_the_e_mail_is_written_in_the_recipients_language(discussion, citizen, django_capture_on_commit_callbacks):
    french = UserFactory(preferred_language="fr")
    follow(french, discussion)

    with django_capture_on_commit_callbacks(execute=True):
        post_comment(citizen, discussion, "Salam")

    assert mail.outbox[0].subject.startswith("[Infitah]")
    assert "/fr/participation/notifications/" in mail.outbox[0].body, "its links lead to the French pages"


def test_the_author_of_a_comment_follows_and_hears_of_the_replies(
    discussion, citizen, neighbour, django_capture_on_commit_callbacks
):
    first = post_comment(citizen, discussion, "Idea")
    assert is_following(citizen, discussion)

    with django_capture_on_commit_callbacks(execute=True):
        post_comment(neighbour, discussion, "Good idea", parent=first)

    notification = Notification.objects.get(recipient=citizen)
    assert notification.verb == "comment_replied", "one notification, the more specific one"
    assert not Notification.objects.filter(recipient=neighbour).exists(), "nobody is told of their own comment"


def test_nobody_is_mailed_when_they_chose_the_digest_or_no_e_mail(
    discussion, citizen, django_capture_on_commit_callbacks
):
    daily, never = UserFactory(), UserFactory()
    set_email_frequency(daily, EmailFrequency.DAILY)
    set_email_frequency(never, EmailFrequency.NEVER)
    follow(daily, discussion)
    follow(never, discussion)

    with django_capture_on_commit_callbacks(execute=True):
        post_comment(citizen, discussion, "News")

    assert Notification.objects.count() == 2
    assert mail.outbox == []
    assert unread_count(daily) == unread_count(never) == 1


def test_unfollowing_stops_the_notifications(discussion, citizen, neighbour):
    follow(neighbour, discussion)
    unfollow(neighbour, discussion)

    post_comment(citizen, discussion, "News")

    assert not Notification.objects.filter(recipient=neighbour).exists()


def test_only_registered_objects_can_be_followed(citizen):
    other = UserFactory()
    with pytest.raises(ParticipationRefused):
        follow(citizen, other)


def test_an_unknown_verb_is_a_programming_error(discussion, citizen):
    with pytest.raises(LookupError):
        notify("comment_teleported", discussion, recipients=[citizen])


def test_the_notifications_page_lists_them_and_marks_them_read(client, discussion, citizen, neighbour):
    follow(neighbour, discussion)
    for text in ("One", "Two", "Three"):
        post_comment(citizen, discussion, text)
    client.force_login(neighbour)

    html = client.get("/en/participation/notifications/").content.decode()
    assert html.count("<bdi>Salma Idrissi</bdi> commented on") == 3
    assert html.count('class="notification notification-unread"') == 3
    assert 'href="/en/participation/notifications/"' in html, "the header links to the page"

    first = Notification.objects.filter(recipient=neighbour).first()
    client.post("/en/participation/notifications/read/", {"notification": first.pk})
    assert unread_count(neighbour) == 2
    client.post("/en/participation/notifications/read/")
    assert unread_count(neighbour) == 0


def test_names_in_a_notification_are_isolated_and_escaped_on_the_page(client, discussion, neighbour):
    """An Arabic name in a French sentence keeps its place (<bdi>), and a name is never markup."""
    writer = UserFactory(full_name="مريم <script>alert(1)</script>")
    follow(neighbour, discussion)
    post_comment(writer, discussion, "Bonjour")
    client.force_login(neighbour)

    html = client.get("/fr/participation/notifications/").content.decode()
    assert "<bdi>مريم &lt;script&gt;alert(1)&lt;/script&gt;</bdi>" in html
    assert "<script>alert(1)" not in html


def test_opening_a_notification_marks_it_read_and_leads_to_its_page(client, discussion, citizen, neighbour):
    follow(neighbour, discussion)
    post_comment(citizen, discussion, "One")
    notification = Notification.objects.get(recipient=neighbour)
    client.force_login(neighbour)
    opening = f"/en/participation/notifications/{notification.pk}/open/"
    html = client.get("/en/participation/notifications/").content.decode()
    assert f'href="{opening}"' in html and "(1 unread)" in html

    response = client.get(opening)

    assert response.status_code == 302 and response["Location"] == f"/ar/discussions/{discussion.pk}/"
    html = client.get("/en/participation/notifications/").content.decode()
    assert "(1 unread)" not in html and "notification-unread" not in html
    assert "<bdi>Salma Idrissi</bdi> commented on" in html


def test_nobody_opens_someone_elses_notification(client, discussion, citizen, neighbour):
    follow(neighbour, discussion)
    post_comment(citizen, discussion, "One")
    client.force_login(citizen)

    response = client.get(f"/en/participation/notifications/{Notification.objects.get().pk}/open/")

    assert response.status_code == 404
    assert unread_count(neighbour) == 1


@pytest.mark.parametrize("elsewhere", ["https://evil.example/login", "//evil.example/login", "/\\evil.example"])
def test_a_notification_never_leads_off_the_site(client, request, discussion, citizen, neighbour, elsewhere):
    from dataclasses import replace

    from infitah.participation.targets import register_target
    from tests.participation.world import DISCUSSION

    register_target(replace(DISCUSSION, url=lambda body: elsewhere))
    request.addfinalizer(lambda: register_target(DISCUSSION))
    follow(neighbour, discussion)
    post_comment(citizen, discussion, "One")
    client.force_login(neighbour)

    response = client.get(f"/en/participation/notifications/{Notification.objects.get().pk}/open/")

    assert response["Location"] == "/en/participation/notifications/"
    assert unread_count(neighbour) == 0


def test_nobody_marks_someone_elses_notifications_read(client, discussion, citizen, neighbour):
    follow(neighbour, discussion)
    post_comment(citizen, discussion, "One")
    client.force_login(citizen)

    client.post("/en/participation/notifications/read/", {"notification": Notification.objects.get().pk})

    assert unread_count(neighbour) == 1


def test_the_header_counts_unread_notifications_in_one_query(client, discussion, citizen, neighbour):
    follow(neighbour, discussion)
    client.force_login(neighbour)

    def count():
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/en/").content.decode()
        return len(queries), html

    few, _html = count()
    for i in range(12):
        post_comment(citizen, discussion, f"News {i}")
    many, html = count()

    assert many == few
    assert "(12 unread)" in html


def test_the_e_mail_preference_is_saved_from_the_page(client, citizen):
    client.force_login(citizen)

    client.post("/en/participation/notifications/settings/", {"email_frequency": "daily"})

    from infitah.participation.notifications import email_frequency

    assert email_frequency(citizen) == EmailFrequency.DAILY


class TestDailyDigest:
    @pytest.fixture
    def reader(self, discussion):
        reader = UserFactory(full_name="Nadia", preferred_language="en")
        set_email_frequency(reader, EmailFrequency.DAILY)
        follow(reader, discussion)
        return reader

    def test_one_digest_per_person_per_day_however_often_it_runs(self, discussion, citizen, reader):
        with time_machine.travel(datetime.datetime(2023, 10, 2, 7, 0, tzinfo=CASABLANCA), tick=False):
            post_comment(citizen, discussion, "First")
            post_comment(citizen, discussion, "Second")

            assert send_digests() == 1
            assert send_digests() == 0
            post_comment(citizen, discussion, "Later that day")
            call_command("send_digests")

        assert len(mail.outbox) == 1, "a later notification waits for the next day's digest"
        digest = mail.outbox[0]
        assert digest.to == [reader.email]
        assert digest.body.count("commented on") == 2
        assert DigestLog.objects.get().day == datetime.date(2023, 10, 2)

        with time_machine.travel(datetime.datetime(2023, 10, 3, 7, 0, tzinfo=CASABLANCA), tick=False):
            assert send_digests() == 1
            assert send_digests() == 0
        assert len(mail.outbox) == 2
        assert mail.outbox[1].body.count("commented on") == 1
        assert not Notification.objects.filter(recipient=reader, emailed_at__isnull=True).exists()

    def test_no_digest_without_news(self, reader):
        with time_machine.travel(datetime.datetime(2023, 10, 2, 7, 0, tzinfo=CASABLANCA), tick=False):
            assert send_digests() == 0
        assert mail.outbox == []

    def test_a_digest_the_mail_server_refused_is_sent_on_the_next_run(self, discussion, citizen, reader, monkeypatch):
        post_comment(citizen, discussion, "News")

        def refuse(*args, **kwargs):
            raise ConnectionRefusedError("smtp down")

        monkeypatch.setattr("infitah.participation.digests.send_mail", refuse)
        assert send_digests() == 0
        monkeypatch.undo()

        assert send_digests() == 1
        assert len(mail.outbox) == 1


def test_the_follow_button_posts_and_comes_back(client, discussion, citizen):
    client.force_login(citizen)
    url = f"/en/participation/follows/{LABEL}/{discussion.pk}/"

    client.post(url, {"next": "/en/"})
    assert is_following(citizen, discussion)
    client.post(url, {"next": "/en/", "action": "unfollow"})
    assert not is_following(citizen, discussion)
