"""A contact page per member collectivity: it names the role, shows only the address the collectivity published,
sends the message to its focal points (Reply-To the writer), explains refusals with the text kept, and limits how
often one may write."""

import pytest
from django.core import mail

from infitah.accounts.models import Role
from tests.clients import main_text
from tests.factories import CommuneFactory, MembershipFactory, RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db

MESSAGE = {
    "name": "Amina Idrissi",
    "email": "amina@example.ma",
    "subject": "Horaires du bureau d'ordre",
    "message": "Bonjour, quels sont les horaires d'ouverture du bureau d'ordre pendant le ramadan ?",
}


@pytest.fixture
def commune():
    commune = CommuneFactory(code="07.351.01", name={"ar": "جماعة أمزميز", "fr": "Commune d'Amizmiz"})
    MembershipFactory(collectivity=commune)
    return commune


@pytest.fixture
def focal_point(commune):
    user = UserFactory(email="private.focal@example.ma", preferred_language="fr")
    RoleAssignmentFactory(user=user, role=Role.FOCAL_POINT, collectivity=commune)
    return user


def test_the_member_page_links_to_the_contact_page(client, commune):
    html = client.get("/en/network/members/07.351.01/").content.decode()
    assert 'href="/en/network/members/07.351.01/contact/"' in html and "Write to this collectivity" in html


def test_the_page_names_the_role_and_never_a_private_address(client, commune, focal_point):
    text = main_text(client.get("/en/network/members/07.351.01/contact/"))
    assert "focal point" in text and "Send the message" in text
    assert "private.focal@example.ma" not in text
    commune.contact_email = "ouverture@amizmiz.ma"
    commune.save()
    assert "The collectivity's public address: ouverture@amizmiz.ma" in main_text(
        client.get("/en/network/members/07.351.01/contact/")
    ).replace("&#x27;", "'")


def test_a_message_goes_to_the_focal_point_in_their_language_with_reply_to_the_writer(client, commune, focal_point):
    commune.contact_email = "ouverture@amizmiz.ma"
    commune.save()
    response = client.post("/en/network/members/07.351.01/contact/", MESSAGE, follow=True)
    assert "Your message has been sent to the collectivity" in main_text(response)
    assert sorted(message.to[0] for message in mail.outbox) == ["ouverture@amizmiz.ma", "private.focal@example.ma"]
    to_focal = next(message for message in mail.outbox if message.to == ["private.focal@example.ma"])
    assert to_focal.reply_to == ["amina@example.ma"]
    assert to_focal.subject == "[Infitah] Horaires du bureau d'ordre"
    assert "pendant le ramadan" in to_focal.body and "Amina Idrissi <amina@example.ma>" in to_focal.body


def test_a_refused_message_is_explained_and_kept(client, commune, focal_point):
    response = client.post(
        "/en/network/members/07.351.01/contact/", {**MESSAGE, "email": "not-an-address", "subject": ""}
    )
    assert response.status_code == 400
    text = main_text(response)
    assert "Enter a valid email address." in text and "This field is required." in text
    assert "pendant le ramadan" in response.content.decode()
    assert mail.outbox == []


def test_writing_too_often_is_refused_with_the_text_kept(client, commune, focal_point):
    for number in range(5):
        client.post("/en/network/members/07.351.01/contact/", {**MESSAGE, "subject": f"Question {number}"})
    assert len(mail.outbox) == 5
    response = client.post("/en/network/members/07.351.01/contact/", {**MESSAGE, "subject": "Encore une"})
    assert response.status_code == 429
    assert "You have sent several messages in a short time" in main_text(response)
    assert "pendant le ramadan" in response.content.decode()
    assert len(mail.outbox) == 5


def test_a_collectivity_with_nobody_to_read_says_so_and_sends_nothing(client, commune):
    response = client.post("/en/network/members/07.351.01/contact/", MESSAGE)
    assert "has not named anyone to receive messages" in main_text(response)
    assert mail.outbox == []


def test_a_non_member_has_no_contact_page(client):
    CommuneFactory(code="09.999.01")
    assert client.get("/en/network/members/09.999.01/contact/").status_code == 404
