"""Hidden means: only the reason is public; the author and the moderators of that collectivity read the text.

Every route that shows a contribution or a comment is asked by five people — an anonymous visitor, another
signed-in person, the staff of another collectivity, the author, a moderator of the collectivity — and the hidden
words must reach exactly the last two.
"""

import datetime

import pytest
from django.utils import timezone, translation

from infitah.consultations.models import ContributionKind
from infitah.participation.comments import post_comment
from infitah.participation.follows import follow
from infitah.participation.models import Notification
from infitah.participation.moderation import hide
from infitah.participation.notifications import describe
from infitah.participation.rules import may_read_text
from tests.clients import page_as
from tests.consultations.factories import ContributionFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# The hidden words: none of them may reach anyone but the author and the moderators. Each hidden text carries a
# marker made of letters beyond a–f, so no number, timestamp, id, hexadecimal token or ordinary word of a page can
# contain it by chance: finding a marker means the hidden text leaked.
PROPOSAL_MARKER = "qoxvizmurk"
REPLY_MARKER = "wyzjuntolq"
SECRET_TITLE = f"Titre secret {PROPOSAL_MARKER}"
SECRET_BODY = f"Texte caché {PROPOSAL_MARKER}"
SECRET_PROBLEM = f"Problème caché {PROPOSAL_MARKER}"
SECRET_RESULTS = f"Résultat caché {PROPOSAL_MARKER}"
SECRET_REPLY = f"Réponse cachée {REPLY_MARKER}"
SECRETS = (PROPOSAL_MARKER, REPLY_MARKER)
REASON = "Données personnelles d'un voisin."


class Scene:
    """A hidden proposal (by `author`), and a visible comment carrying a hidden reply (by `replier`)."""

    def __init__(self, consultation, people):
        self.consultation = consultation
        self.author = UserFactory(full_name="Nadia Alaoui")
        self.replier = UserFactory(full_name="Karim Bennani")
        self.reader = UserFactory(full_name="Omar Tazi")
        self.proposal = ContributionFactory(
            consultation=consultation,
            author=self.author,
            kind=ContributionKind.PROPOSAL,
            title=SECRET_TITLE,
            body=SECRET_BODY,
            problem=SECRET_PROBLEM,
            expected_results=SECRET_RESULTS,
            principles=["transparency"],
        )
        self.visible = ContributionFactory(consultation=consultation, body="Un avis visible")
        # Someone follows both before the hiding: their notifications name the contributions.
        follow(self.reader, self.proposal)
        follow(self.reader, self.visible)
        post_comment(self.replier, self.proposal, "Une réponse publique")
        self.reply = post_comment(self.replier, self.visible, SECRET_REPLY)
        hide(people.editor, self.proposal, "personal_data", REASON)
        hide(people.editor, self.reply, "abuse", REASON)


@pytest.fixture
def scene(consultation, people):
    return Scene(consultation, people)


def viewers(people, scene):
    return {
        "anonymous": None,
        "another person": scene.reader,
        "staff of another collectivity": people.other_focal_point,
        "the author": scene.author,
        "a moderator": people.editor,
    }


OUTSIDERS = ["anonymous", "another person", "staff of another collectivity"]


def routes(scene):
    c, proposal, visible, reply = scene.consultation, scene.proposal, scene.visible, scene.reply
    return [
        c.get_absolute_url(),
        f"{c.get_absolute_url()}?state=hidden",
        proposal.get_absolute_url(),
        visible.get_absolute_url(),
        f"/en/participation/comments/consultations.contribution/{proposal.pk}/",
        f"/en/participation/comments/consultations.contribution/{visible.pk}/",
        f"/en/participation/reports/consultations.contribution/{proposal.pk}/",
        f"/en/participation/reports/participation.comment/{reply.pk}/",
        f"/en/participation/moderate/consultations.contribution/{proposal.pk}/",
        f"/en/participation/moderation/{c.collectivity.code}/",
        "/en/participation/notifications/",
        f"/api/v1/contributions/{proposal.pk}",
        f"/api/v1/consultations/{c.pk}/contributions",
    ]


@pytest.mark.parametrize("who", OUTSIDERS)
def test_no_route_shows_hidden_text_to_anyone_else(client, people, scene, who):
    person = viewers(people, scene)[who]
    for url in routes(scene):
        html = page_as(client, person, url, follow=True)
        for secret in SECRETS:
            assert secret not in html, f"{who} read hidden text on {url}"


def test_the_public_reads_why_it_was_hidden_and_the_page_title_says_hidden(client, scene):
    html = page_as(
        client, None, f"/en/participation/comments/consultations.contribution/{scene.proposal.pk}/", follow=True
    )
    assert "<title>Comments on hidden contribution" in html
    page = page_as(client, None, scene.proposal.get_absolute_url(), follow=True)
    assert "Hidden contribution" in page and REASON.replace("'", "&#x27;") in page
    assert "Nadia Alaoui" not in page, "nor who wrote it"


@pytest.mark.parametrize("who", ["the author", "a moderator"])
def test_the_author_and_the_moderators_read_the_hidden_contribution(client, people, scene, who):
    html = page_as(client, viewers(people, scene)[who], scene.proposal.get_absolute_url(), follow=True)
    assert "Only its author and the moderators of the collectivity see this text." in html
    for secret in (SECRET_TITLE, SECRET_BODY, SECRET_PROBLEM, SECRET_RESULTS):
        assert secret in html


@pytest.mark.parametrize("who", ["the replier", "a moderator"])
def test_the_author_and_the_moderators_read_the_hidden_reply(client, people, scene, who):
    person = scene.replier if who == "the replier" else people.editor
    html = page_as(client, person, scene.visible.get_absolute_url(), follow=True)
    assert "Show the hidden text (its author and the moderators only)" in html
    assert SECRET_REPLY in html


def test_the_author_of_the_contribution_does_not_read_someone_elses_hidden_reply(client, scene):
    html = page_as(client, scene.author, scene.visible.get_absolute_url(), follow=True)
    assert SECRET_REPLY not in html


def test_one_rule_decides_who_reads_hidden_text(people, scene):
    decided = {who: may_read_text(person, scene.proposal) for who, person in viewers(people, scene).items()}
    assert decided == {
        "anonymous": False,
        "another person": False,
        "staff of another collectivity": False,
        "the author": True,
        "a moderator": True,
    }
    assert may_read_text(people.coordinator, scene.proposal), "the network's coordinators moderate everywhere"
    assert may_read_text(None, scene.visible), "a visible contribution is public"


def test_notifications_and_their_e_mails_name_a_hidden_contribution_without_its_text(scene):
    notifications = Notification.objects.filter(recipient=scene.reader)
    assert notifications.exists()
    with translation.override("en"):
        sentences = [describe(notification) for notification in notifications]
    assert any("hidden contribution" in sentence for sentence in sentences)
    assert not any(secret in sentence for sentence in sentences for secret in SECRETS)


def test_the_public_report_and_its_csv_keep_the_reason_and_drop_the_text_and_the_author(client, scene):
    consultation = scene.consultation
    consultation.opens_at = timezone.now() - datetime.timedelta(days=20)
    consultation.closes_at = timezone.now() - datetime.timedelta(hours=1)
    consultation.save()
    page = page_as(client, None, f"/en/consultations/{consultation.pk}/report/", follow=True)
    response = client.get(f"/en/consultations/{consultation.pk}/report.csv")
    csv_text = b"".join(response.streaming_content).decode("utf-8")
    for text in (page, csv_text):
        assert "Hidden by the moderators" in text
        assert PROPOSAL_MARKER not in text and "Nadia Alaoui" not in text
