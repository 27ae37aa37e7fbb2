"""An author edits or withdraws their own contribution while the consultation is open; the moderators keep every
previous text; nobody supports their own contribution."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from infitah.consultations.models import ContributionKind, ContributionRevision, RevisionAction
from infitah.consultations.services import ContributionRefused, edit_contribution, withdraw_contribution
from infitah.participation import supports
from infitah.participation.comments import post_comment
from infitah.participation.models import AuditLogEntry
from infitah.participation.moderation import hide
from infitah.participation.targets import ParticipationRefused
from tests.clients import page_as
from tests.consultations.factories import ContributionFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def close(consultation):
    consultation.opens_at = timezone.now() - datetime.timedelta(days=20)
    consultation.closes_at = timezone.now() - datetime.timedelta(hours=1)
    consultation.save()


@pytest.fixture
def author():
    return UserFactory(full_name="Hajar Mansouri")


@pytest.fixture
def contribution(consultation, author):
    return ContributionFactory(consultation=consultation, author=author, body="Il faut publier le budget en ligne")


@pytest.fixture
def proposal(consultation, author):
    return ContributionFactory(
        consultation=consultation,
        author=author,
        kind=ContributionKind.PROPOSAL,
        title="Un portail des plaintes",
        problem="Les habitants ne savent pas où en sont leurs plaintes",
        body="Un portail qui suit chaque plainte",
        principles=["transparency"],
    )


# --- the service ---------------------------------------------------------------------------------------------


def test_the_author_corrects_a_proposal_and_the_previous_text_is_kept_and_audited(proposal, author):
    edit_contribution(
        author,
        proposal,
        title="Un portail des plaintes en ligne",
        problem="Les habitants ne savent pas où en sont leurs plaintes",
        body="Un portail public qui suit chaque plainte",
        principles=["transparency", "accountability"],
    )

    proposal.refresh_from_db()
    assert proposal.title == "Un portail des plaintes en ligne"
    assert proposal.principles == ["transparency", "accountability"]
    assert proposal.edited_at is not None
    revision = ContributionRevision.objects.get(contribution=proposal)
    assert (revision.action, revision.changed_by, revision.title, revision.body) == (
        RevisionAction.EDITED,
        author,
        "Un portail des plaintes",
        "Un portail qui suit chaque plainte",
    )
    entry = AuditLogEntry.objects.get(action="consultations.edit_contribution")
    assert entry.actor == author and entry.collectivity_id == proposal.collectivity_id
    assert entry.changes["title"] == ["Un portail des plaintes", "Un portail des plaintes en ligne"]


def test_saving_the_same_text_keeps_no_revision(contribution, author):
    edit_contribution(author, contribution, body="Il faut publier le budget en ligne")
    assert not ContributionRevision.objects.exists()


def test_only_the_author_edits_or_withdraws(contribution, people):
    administrator = UserFactory(is_superuser=True, is_staff=True)
    for person in (people.citizen, people.editor, people.other_focal_point, administrator):
        with pytest.raises(ContributionRefused, match="Only its author may edit or withdraw a contribution."):
            edit_contribution(person, contribution, body="Vandalisé")
        with pytest.raises(ContributionRefused):
            withdraw_contribution(person, contribution)
    contribution.refresh_from_db()
    assert contribution.body == "Il faut publier le budget en ligne" and contribution.withdrawn_at is None


def test_after_the_close_the_contribution_no_longer_changes(consultation, contribution, author):
    close(consultation)
    contribution.refresh_from_db()
    with pytest.raises(ContributionRefused, match="The consultation closed on"):
        edit_contribution(author, contribution, body="Trop tard")
    with pytest.raises(ContributionRefused, match="The consultation closed on"):
        withdraw_contribution(author, contribution)
    assert not ContributionRevision.objects.exists()


def test_a_hidden_contribution_no_longer_changes(contribution, author, people):
    hide(people.editor, contribution, "off_topic", "Hors sujet.")
    with pytest.raises(ContributionRefused, match="hidden by the moderators"):
        edit_contribution(author, contribution, body="Autre chose")


def test_bad_text_is_refused_with_the_field_and_nothing_changes(proposal, author):
    with pytest.raises(ValidationError) as refused:
        edit_contribution(author, proposal, title="", problem="x", body="y", principles=["transparency"])
    assert "title" in refused.value.message_dict
    proposal.refresh_from_db()
    assert proposal.title == "Un portail des plaintes" and not ContributionRevision.objects.exists()


def test_withdrawing_takes_the_text_off_and_keeps_it_for_the_moderators(contribution, author):
    withdraw_contribution(author, contribution)

    contribution.refresh_from_db()
    assert contribution.withdrawn_at is not None and contribution.body == ""
    revision = ContributionRevision.objects.get(contribution=contribution)
    assert revision.action == RevisionAction.WITHDRAWN and revision.body == "Il faut publier le budget en ligne"
    assert AuditLogEntry.objects.filter(action="consultations.withdraw_contribution", actor=author).exists()
    with pytest.raises(ParticipationRefused, match="withdrawn by its author"):
        supports.support(UserFactory(), contribution)
    with pytest.raises(ParticipationRefused, match="withdrawn by its author"):
        post_comment(UserFactory(), contribution, "Pourquoi ?")
    with pytest.raises(ContributionRefused, match="withdrawn"):
        edit_contribution(author, contribution, body="Je reviens")


# --- the pages -----------------------------------------------------------------------------------------------


def test_the_author_edits_through_the_page_and_the_page_says_it_was_edited(client, contribution, author, people):
    assert "Edit my contribution" not in page_as(client, people.citizen, contribution.get_absolute_url())
    assert "Edit my contribution" in page_as(client, author, contribution.get_absolute_url())
    url = f"/en/consultations/{contribution.consultation_id}/contributions/{contribution.pk}/edit/"
    assert "Il faut publier le budget en ligne" in page_as(client, author, url), "the form starts from the text"

    response = client.post(url, {"title": "", "body": "Il faut publier le budget et les marchés en ligne"})

    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "Il faut publier le budget et les marchés en ligne" in html
    assert "edited on" in html
    assert "Your contribution is updated" in html


def test_a_refused_edit_comes_back_with_the_text_typed_and_the_reason(client, consultation, contribution, author):
    url = f"/en/consultations/{consultation.pk}/contributions/{contribution.pk}/edit/"
    client.force_login(author)
    too_long = "ب" * 2001
    response = client.post(url, {"body": too_long})
    assert response.status_code == 400
    html = response.content.decode()
    assert "the limit is 2000" in html and too_long in html

    close(consultation)
    response = client.post(url, {"body": "Une correction après la clôture"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "The consultation closed on" in html and "Une correction après la clôture" in html


def test_someone_else_is_refused_the_edit_page_with_a_reason(client, consultation, contribution, people):
    client.force_login(people.citizen)
    url = f"/en/consultations/{consultation.pk}/contributions/{contribution.pk}/edit/"
    for response in (client.get(url), client.post(url, {"body": "Vandalisé"})):
        assert response.status_code == 403
        assert "Only its author may edit or withdraw a contribution." in response.content.decode()
    contribution.refresh_from_db()
    assert contribution.body == "Il faut publier le budget en ligne"


def test_the_author_withdraws_and_the_public_sees_only_that_it_was_withdrawn(
    client, consultation, contribution, author, people
):
    url = f"/en/consultations/{consultation.pk}/contributions/{contribution.pk}/withdraw/"
    assert "This cannot be undone." in page_as(client, author, url)
    response = client.post(url)
    assert response.status_code == 302

    for person in (None, people.citizen, people.other_focal_point, author):
        html = page_as(client, person, contribution.get_absolute_url())
        assert "Withdrawn contribution" in html and "Withdrawn by its author on" in html
        assert "Il faut publier le budget en ligne" not in html
    listing = page_as(client, None, consultation.get_absolute_url())
    assert "Withdrawn by its author on" in listing and "Il faut publier le budget en ligne" not in listing
    api = page_as(client, None, f"/api/v1/contributions/{contribution.pk}")
    assert "Il faut publier le budget en ligne" not in api


def test_the_edit_history_is_shown_to_the_collectivitys_moderators_only(client, contribution, author, people):
    edit_contribution(author, contribution, body="Il faut publier le budget détaillé en ligne")
    url = contribution.get_absolute_url()

    for person in (None, people.citizen, people.other_focal_point, author):
        html = page_as(client, person, url)
        assert "Edit history" not in html and "Il faut publier le budget en ligne" not in html
    for moderator in (people.editor, people.focal_point, people.coordinator):
        html = page_as(client, moderator, url)
        assert "Edit history" in html and "Edited by its author" in html
        assert "Il faut publier le budget en ligne" in html and "Hajar Mansouri" in html


def test_after_the_close_the_author_is_told_why_nothing_can_change(client, consultation, contribution, author):
    close(consultation)
    assert "Edit my contribution" not in page_as(client, author, contribution.get_absolute_url())
    html = page_as(client, author, f"/en/consultations/{consultation.pk}/contributions/{contribution.pk}/withdraw/")
    assert "The consultation closed on" in html and "Withdraw it" not in html


def test_withdrawn_contributions_await_no_answer(client, consultation, contribution, author, people):
    withdraw_contribution(author, contribution)
    close(consultation)
    contribution.refresh_from_db()
    html = page_as(client, people.editor, f"/en/consultations/{consultation.pk}/answers/")
    assert "Nothing left to answer." in html
    response = client.get(f"/en/consultations/{consultation.pk}/report.csv")
    report = b"".join(response.streaming_content).decode("utf-8")
    assert "Withdrawn by its author." in report and "Il faut publier le budget en ligne" not in report


# --- supporting one's own contribution -----------------------------------------------------------------------


def test_nobody_supports_their_own_contribution(contribution, author):
    with pytest.raises(ParticipationRefused, match="You cannot support your own contribution"):
        supports.support(author, contribution)
    assert supports.support_count(contribution) == 0
    assert supports.support(UserFactory(), contribution) is True


def test_the_page_tells_the_author_why_in_their_language(client, consultation, proposal, author):
    client.force_login(author)
    html = client.get(proposal.get_absolute_url()).content.decode()
    assert "You cannot support your own contribution" in html
    assert 'value="support"' not in html, "no Support button for one's own contribution"

    french_page = proposal.get_absolute_url().replace("/en/", "/fr/", 1)
    response = client.post(
        f"/fr/participation/supports/consultations.contribution/{proposal.pk}/",
        {"action": "support", "next": french_page},
        follow=True,
    )
    html = response.content.decode()
    assert "Vous ne pouvez pas soutenir votre propre contribution" in html
    assert supports.support_count(proposal) == 0


def test_the_back_office_shows_the_history_to_the_collectivitys_staff_only(client, contribution, author, people):
    edit_contribution(author, contribution, body="Il faut publier le budget détaillé en ligne")
    url = f"/en/admin/consultations/contribution/{contribution.pk}/change/"
    client.force_login(people.editor)
    html = client.get(url).content.decode()
    assert "Edited by its author" in html and "Il faut publier le budget en ligne" in html
    client.force_login(people.other_focal_point)
    response = client.get(url, follow=True)
    assert "Il faut publier le budget en ligne" not in response.content.decode()
