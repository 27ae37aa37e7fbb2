"""The news desk: staff write their own collectivity's news (the coordinators the network's), publish it now or
for later, withdraw it; staff of another collectivity find nothing; images are checked and served inertly."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from infitah.news.models import NewsItem
from infitah.news.states import NewsStatus
from infitah.participation.follows import follow
from infitah.participation.models import AuditLogEntry, Notification
from tests.files import HTML_PAGE, jpeg_bytes, png_bytes
from tests.news.factories import draft, news_item

pytestmark = pytest.mark.django_db


def _form(**extra):
    data = {"title_0": "عنوان", "title_1": "Un titre", "title_2": "A title", "summary_2": "What it is about"}
    data.update(extra)
    return data


def test_an_editor_writes_a_draft_for_their_collectivity(client, people):
    client.force_login(people.editor)
    response = client.post(reverse("news:add", args=[people.commune_a.code]), _form())
    item = NewsItem.objects.get()
    assert response.status_code == 302
    assert (item.collectivity, item.status, item.author) == (people.commune_a, NewsStatus.DRAFT, people.editor)
    assert AuditLogEntry.objects.filter(action="news.add_item", collectivity_id=people.commune_a.pk).exists()
    assert client.get(reverse("news:detail", args=[item.pk])).status_code == 200  # its preview
    client.logout()
    assert client.get(reverse("news:detail", args=[item.pk])).status_code == 404


def test_staff_of_another_collectivity_find_nothing_to_change(client, people):
    item = news_item(people.commune_a, title={"en": "Untouched"})
    client.force_login(people.other_focal_point)
    assert client.get(reverse("news:add", args=[people.commune_a.code])).status_code == 404
    assert client.post(reverse("news:add", args=[people.commune_a.code]), _form()).status_code == 404
    assert client.get(reverse("news:edit", args=[item.pk])).status_code == 404
    assert client.post(reverse("news:edit", args=[item.pk]), _form()).status_code == 404
    for act in ("withdraw", "publish", "draft"):
        assert client.post(reverse("news:change_status", args=[item.pk, act])).status_code == 404
    item.refresh_from_db()
    assert (item.title, item.status) == ({"en": "Untouched"}, NewsStatus.PUBLISHED)
    assert NewsItem.objects.count() == 1


def test_only_coordinators_write_the_network_news(client, people):
    client.force_login(people.focal_point)
    assert client.get(reverse("news:add", args=["network"])).status_code == 404
    client.force_login(people.coordinator)
    client.post(reverse("news:add", args=["network"]), _form())
    assert NewsItem.objects.get().collectivity is None
    client.force_login(people.citizen)
    assert client.get(reverse("news:manage")).status_code == 404


def test_publishing_shows_the_item_and_tells_the_followers_of_the_collectivity(client, people):
    item = draft(people.commune_a)
    follow(people.citizen, people.commune_a)
    client.force_login(people.editor)
    assert client.get(reverse("news:change_status", args=[item.pk, "publish"])).status_code == 200  # asks first
    client.post(reverse("news:change_status", args=[item.pk, "publish"]))
    item.refresh_from_db()
    assert item.status == NewsStatus.PUBLISHED and item.is_public
    notification = Notification.objects.get(recipient=people.citizen)
    assert notification.verb == "news_published" and notification.object_id == item.pk
    client.logout()
    assert client.get(reverse("news:detail", args=[item.pk])).status_code == 200


def test_a_scheduled_item_stays_hidden_and_silent_until_its_time(client, people):
    later = timezone.now() + datetime.timedelta(days=2)
    item = draft(people.commune_a, published_at=later)
    follow(people.citizen, people.commune_a)
    client.force_login(people.editor)
    client.post(reverse("news:change_status", args=[item.pk, "publish"]))
    item.refresh_from_db()
    assert item.status == NewsStatus.PUBLISHED and item.published_at == later and not item.is_public
    assert not Notification.objects.exists()
    client.logout()
    assert client.get(reverse("news:detail", args=[item.pk])).status_code == 404

    from infitah.news.services import notify_due

    assert notify_due(later + datetime.timedelta(minutes=1)) == 1
    assert notify_due(later + datetime.timedelta(minutes=2)) == 0  # once


def test_withdrawing_hides_the_item_everywhere(client, people):
    item = news_item(people.commune_a, title={"en": "SOON-GONE"})
    client.force_login(people.focal_point)
    client.post(reverse("news:change_status", args=[item.pk, "withdraw"]))
    client.logout()
    assert client.get(reverse("news:detail", args=[item.pk])).status_code == 404
    assert "SOON-GONE" not in client.get(reverse("news:list")).content.decode()
    assert "SOON-GONE" not in client.get(reverse("news:feed")).content.decode()


def test_a_move_the_table_forbids_is_refused_with_its_reason(client, people):
    item = draft(people.commune_a)
    client.force_login(people.editor)
    response = client.post(reverse("news:change_status", args=[item.pk, "withdraw"]), follow=True)
    assert "cannot go from “Draft” to “Withdrawn”" in response.content.decode()
    item.refresh_from_db()
    assert item.status == NewsStatus.DRAFT


def test_a_form_with_errors_keeps_what_was_typed(client, people):
    client.force_login(people.editor)
    response = client.post(
        reverse("news:add", args=[people.commune_a.code]),
        _form(title_2="Kept title", title_0="", title_1="", source_url="not a link"),
    )
    page = response.content.decode()
    assert response.status_code == 200 and "Enter a valid URL" in page and "Kept title" in page
    assert not NewsItem.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("page.html", HTML_PAGE, "Only PNG and JPEG images are accepted."),
        ("photo.png", HTML_PAGE, "does not match its .png extension"),
        ("report.pdf", b"%PDF-1.4", "Only PNG and JPEG images are accepted."),
        ("huge.png", b"\x89PNG\r\n\x1a\n" + b"0" * (2 * 1024 * 1024 + 1), "The image is too large"),
    ],
)
def test_an_image_of_the_wrong_type_or_size_is_refused_with_a_message(client, people, name, content, message):
    client.force_login(people.editor)
    upload = SimpleUploadedFile(name, content, content_type="image/png")
    response = client.post(reverse("news:add", args=[people.commune_a.code]), {**_form(), "image": upload})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not NewsItem.objects.exists()


def test_a_checked_image_is_served_as_an_image_never_sniffed(client, people):
    client.force_login(people.editor)
    upload = SimpleUploadedFile("photo.png", png_bytes(), content_type="image/png")
    client.post(reverse("news:add", args=[people.commune_a.code]), {**_form(), "image": upload})
    item = NewsItem.objects.get()
    client.post(reverse("news:change_status", args=[item.pk, "publish"]))
    client.logout()
    response = client.get(reverse("news:image", args=[item.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == png_bytes()


def test_the_image_of_an_unpublished_item_is_not_served(client, people):
    item = draft(people.commune_a)
    assert client.get(reverse("news:image", args=[item.pk])).status_code == 404


def test_replacing_or_removing_the_image_deletes_the_old_file_once_saved(
    client, people, django_capture_on_commit_callbacks
):
    client.force_login(people.editor)
    first = SimpleUploadedFile("first.png", png_bytes(), content_type="image/png")
    client.post(reverse("news:add", args=[people.commune_a.code]), {**_form(), "image": first})
    item = NewsItem.objects.get()
    storage, old_name = item.image.storage, item.image.name
    # A refused form keeps the image it had.
    client.post(reverse("news:edit", args=[item.pk]), {**_form(source_url="not a link"), "remove_image": "on"})
    item.refresh_from_db()
    assert item.image.name == old_name and storage.exists(old_name)
    second = SimpleUploadedFile("second.jpg", jpeg_bytes(), content_type="image/jpeg")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("news:edit", args=[item.pk]), {**_form(), "image": second})
    item.refresh_from_db()
    assert item.image_type == "image/jpeg" and not storage.exists(old_name)
    newer = item.image.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("news:edit", args=[item.pk]), {**_form(), "remove_image": "on"})
    item.refresh_from_db()
    assert not item.image and item.image_type == "" and not storage.exists(newer)
    assert client.get(reverse("news:image", args=[item.pk])).status_code == 404


def test_the_catch_up_leaves_old_news_alone(people):
    from infitah.news.services import notify_due

    follow(people.citizen, people.commune_a)
    news_item(people.commune_a, published_at=timezone.now() - datetime.timedelta(days=30))
    recent = news_item(people.commune_a, published_at=timezone.now() - datetime.timedelta(days=2))
    assert notify_due() == 1
    assert Notification.objects.get().object_id == recent.pk


def test_a_persons_data_names_their_news_and_digests_and_deleting_the_account_keeps_the_news(people):
    from infitah.accounts.personal_data import delete_account, export
    from infitah.news.models import WeeklyDigestLog

    item = news_item(people.commune_a, author=people.editor)
    WeeklyDigestLog.objects.create(user=people.editor, iso_year=2024, iso_week=11)
    data = export(people.editor)["news"]
    assert [row["id"] for row in data["news_written"]] == [item.pk]
    assert data["weekly_digests"][0]["iso_week"] == 11
    delete_account(people.editor)
    item.refresh_from_db()
    assert item.author is None and not WeeklyDigestLog.objects.exists()
