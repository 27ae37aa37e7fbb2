"""The consultation's pages: list, detail with its forms, contribution, and the staff's open/edit/answer pages."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from infitah.consultations.models import Consultation, Contribution, ContributionKind, Response
from infitah.participation.models import AuditLogEntry, Notification
from infitah.participation.moderation import hide
from infitah.participation.supports import support
from tests.consultations.factories import ConsultationFactory, ContributionFactory, published_program, snapshot_keys
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def close(consultation):
    consultation.opens_at = timezone.now() - datetime.timedelta(days=20)
    consultation.closes_at = timezone.now() - datetime.timedelta(hours=1)
    consultation.save()


def test_the_list_filters_by_state_and_collectivity(client, consultation, people):
    other = ConsultationFactory(program=published_program(people.commune_b))
    close(other)
    page = client.get("/en/consultations/").content.decode()
    assert "Consultation publique" in page or "استشارة" in page
    open_only = client.get("/en/consultations/?state=open").context["page"].object_list
    assert list(open_only) == [consultation]
    of_b = client.get(f"/en/consultations/?collectivity={people.commune_b.code}").context["page"].object_list
    assert list(of_b) == [other]
    unknown = client.get("/en/consultations/?collectivity=NOPE")
    assert "No territorial collectivity is named or coded “NOPE”." in unknown.content.decode()


def test_anonymous_visitors_read_and_are_invited_to_log_in(client, consultation):
    ContributionFactory(consultation=consultation, body="نشر الميزانية مهم")
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "نشر الميزانية مهم" in page
    assert "Log in to contribute" in page
    assert "Answers to the contributions" in page


def test_a_citizen_comments_on_a_commitment_through_the_page(client, consultation, people):
    _axis, keys = snapshot_keys(consultation)
    client.force_login(people.citizen)
    response = client.post(
        consultation.get_absolute_url(),
        {"form": "comment", "comment-where": f"commitment:{keys[1]}", "comment-body": "اقتراح حول الالتزام"},
    )
    contribution = Contribution.objects.get()
    assert response.status_code == 302 and response["Location"] == contribution.get_absolute_url()
    assert str(contribution.commitment_key) == keys[1]
    page = client.get(contribution.get_absolute_url()).content.decode()
    assert "اقتراح حول الالتزام" in page and "Not answered yet" in page


def test_a_citizen_proposes_a_commitment_through_the_page(client, consultation, people):
    axis_key, _keys = snapshot_keys(consultation)
    client.force_login(people.citizen)
    client.post(
        consultation.get_absolute_url(),
        {
            "form": "proposal",
            "proposal-title": "سجل عمومي للصفقات",
            "proposal-problem": "غياب المعلومة",
            "proposal-body": "نشر الصفقات",
            "proposal-principles": ["transparency"],
            "proposal-axis_key": axis_key,
        },
    )
    proposal = Contribution.objects.get(kind=ContributionKind.PROPOSAL)
    assert str(proposal.axis_key) == axis_key and proposal.principles == ["transparency"]


@pytest.mark.parametrize(
    ("case", "body", "message"),
    [
        ("empty", "  ", "the text is empty"),
        ("oversized", "ب" * 2001, "the limit is 2000"),
        ("markup only", "<script>alert(1)</script>", "Only markup was left"),
    ],
)
def test_bad_input_comes_back_with_the_text_and_the_message(client, consultation, people, case, body, message):
    client.force_login(people.citizen)
    response = client.post(consultation.get_absolute_url(), {"form": "comment", "comment-body": body})
    page = response.content.decode()
    assert response.status_code == 200, case
    assert message in page, case
    assert "At most 2,000 characters." in page
    if body.strip() and "<" not in body:
        assert body in page  # nothing typed is lost
    assert not Contribution.objects.exists()


def test_after_the_close_the_text_typed_is_kept_and_the_dates_are_said(client, consultation, people):
    client.force_login(people.citizen)
    close(consultation)
    response = client.post(consultation.get_absolute_url(), {"form": "comment", "comment-body": "رأيي المتأخر"})
    page = response.content.decode()
    assert "رأيي المتأخر" in page and "closed on" in page
    assert not Contribution.objects.exists()


def test_residents_only_page_says_why(client, people, program):
    consultation = ConsultationFactory(program=program, residents_only=True)
    client.force_login(people.outsider)
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "for residents of" in page and 'id="comment-form"' not in page


def test_a_hidden_contribution_keeps_its_place_with_the_reason(client, consultation, people):
    contribution = ContributionFactory(consultation=consultation, body="نص مسيء")
    hide(people.editor, contribution, "abuse", "Propos injurieux.")
    for url in (consultation.get_absolute_url(), contribution.get_absolute_url()):
        page = client.get(url).content.decode()
        assert "نص مسيء" not in page and "Propos injurieux." in page


def test_staff_answer_through_the_page_and_the_author_is_notified(client, consultation, people):
    contribution = ContributionFactory(consultation=consultation, author=people.citizen)
    close(consultation)
    client.force_login(people.editor)
    assert contribution.body in client.get(f"/en/consultations/{consultation.pk}/answers/").content.decode()
    url = f"/en/consultations/{consultation.pk}/contributions/{contribution.pk}/answer/"
    missing = client.post(url, {f"answer-{contribution.pk}-outcome": "not_retained"})
    assert "every answer is reasoned" in missing.content.decode()
    client.post(
        url,
        {
            f"answer-{contribution.pk}-outcome": "not_retained",
            f"answer-{contribution.pk}-reason_0": "خارج اختصاصات الجماعة",
        },
    )
    assert Response.objects.get(contribution=contribution).reason == {"ar": "خارج اختصاصات الجماعة"}
    assert Notification.objects.filter(recipient=people.citizen, verb="contribution_answered").exists()
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "Not retained" in page


def test_staff_of_another_collectivity_are_refused_with_a_message(client, consultation, people):
    contribution = ContributionFactory(consultation=consultation)
    close(consultation)
    client.force_login(people.other_focal_point)
    for url in (
        f"/en/consultations/{consultation.pk}/answers/",
        f"/en/consultations/{consultation.pk}/contributions/{contribution.pk}/answer/",
        f"/en/consultations/{consultation.pk}/edit/",
        f"/en/consultations/open/{consultation.program_id}/",
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Only the focal point and editors of" in response.content.decode()


def test_staff_open_a_consultation_from_the_program_page(client, program, people):
    client.force_login(people.focal_point)
    program_page = client.get(program.get_absolute_url()).content.decode()
    assert f"/en/consultations/open/{program.pk}/" in program_page
    url = f"/en/consultations/open/{program.pk}/"
    data = {
        "version": program.versions.get().pk,
        "title_0": "استشارة حول مسودة البرنامج",
        "opens_at": "2030-07-01T09:00",
        "closes_at": "2030-06-01T09:00",
        "accepts_proposals": "on",
        "response_days": "30",
    }
    refused = client.post(url, data)
    assert "must close after it opens" in refused.content.decode()
    assert "استشارة حول مسودة البرنامج" in refused.content.decode()
    client.post(url, {**data, "closes_at": "2030-09-15T18:00"})
    consultation = Consultation.objects.get()
    assert consultation.collectivity == people.commune_a and consultation.created_by == people.focal_point
    assert timezone.localtime(consultation.closes_at).hour == 18
    assert tr_in(client.get(program.get_absolute_url()).content.decode(), "استشارة حول مسودة البرنامج")


def test_opening_a_consultation_is_audited_with_the_values_it_opens_with(client, program, people):
    client.force_login(people.focal_point)
    data = {
        "version": program.versions.get().pk,
        "title_0": "استشارة حول مسودة البرنامج",
        "opens_at": "2030-07-01T09:00",
        "closes_at": "2030-09-15T18:00",
        "response_days": "30",
    }
    assert client.post(f"/en/consultations/open/{program.pk}/", data).status_code == 302
    consultation = Consultation.objects.get()
    changes = AuditLogEntry.objects.get(action="consultations.open_consultation").changes
    assert changes["version"] == [None, program.versions.get().pk]
    assert changes["title"] == [None, {"ar": "استشارة حول مسودة البرنامج"}]
    assert changes["closes_at"] == [None, consultation.closes_at.astimezone(datetime.UTC).isoformat()]
    assert changes["response_days"] == [None, 30]
    assert all(before is None for before, _after in changes.values())


def test_an_edit_of_a_consultation_is_audited_with_only_what_changed_before_and_after(client, consultation, people):
    client.force_login(people.editor)
    local = "%Y-%m-%dT%H:%M"
    opens_at = timezone.localtime(consultation.opens_at).replace(second=0, microsecond=0)
    consultation.opens_at = opens_at
    consultation.save()
    new_close = (timezone.localtime(consultation.closes_at) + datetime.timedelta(days=7)).replace(
        second=0, microsecond=0
    )
    data = {
        "version": consultation.version_id,
        "title_0": consultation.title["ar"],
        "title_1": "Consultation sur le projet de programme",
        "description_0": consultation.description["ar"],
        "description_1": consultation.description["fr"],
        "opens_at": opens_at.strftime(local),  # typed in local time, the same instant as before
        "closes_at": new_close.strftime(local),
        "accepts_proposals": "on",
        "response_days": str(consultation.response_days),
    }
    old_close = consultation.closes_at
    assert client.post(f"/en/consultations/{consultation.pk}/edit/", data).status_code == 302
    entry = AuditLogEntry.objects.get(action="consultations.change_consultation")
    assert entry.changes == {
        "title": [
            consultation.title,
            {"ar": consultation.title["ar"], "fr": "Consultation sur le projet de programme"},
        ],
        "closes_at": [
            old_close.astimezone(datetime.UTC).isoformat(),
            new_close.astimezone(datetime.UTC).isoformat(),
        ],
    }
    assert entry.actor == people.editor and entry.collectivity == people.commune_a


def tr_in(page, text):
    return text in page


def test_the_version_cannot_change_once_people_contributed(client, people):
    program = published_program(people.commune_a)
    first = program.versions.get()
    consultation = ConsultationFactory(program=program)
    ContributionFactory(consultation=consultation)
    from infitah.programs.versions import publish_version
    from tests.programs.factories import CommitmentFactory

    CommitmentFactory(axis=program.axes.first())
    second = publish_version(program, None)
    client.force_login(people.editor)
    response = client.post(
        f"/en/consultations/{consultation.pk}/edit/",
        {
            "version": second.pk,
            "title_0": "عنوان",
            "opens_at": "2030-07-01T09:00",
            "closes_at": "2030-08-01T09:00",
            "response_days": "30",
        },
    )
    assert "can no longer change" in response.content.decode()
    consultation.refresh_from_db()
    assert consultation.version == first


def _detail_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_consultation_page_costs_the_same_for_10_or_2000_contributions(client, people, signed_in):
    small, large = (ConsultationFactory(program=published_program(people.commune_a)) for _ in range(2))
    if signed_in:
        client.force_login(people.citizen)
    for consultation, count in ((small, 10), (large, 2000)):
        _axis, keys = snapshot_keys(consultation)
        authors = [people.outsider, people.editor]
        Contribution.objects.bulk_create(
            Contribution(
                consultation=consultation,
                collectivity=consultation.collectivity,
                kind=ContributionKind.PROPOSAL if n % 3 == 0 else ContributionKind.COMMENT,
                commitment_key=keys[n % 2] if n % 3 else None,
                author=authors[n % 2],
                body=f"contribution {n}",
                contributor_kind="citizen",
            )
            for n in range(count)
        )
        for contribution in Contribution.objects.filter(consultation=consultation)[:3]:
            support(people.focal_point, contribution)
    assert _detail_queries(client, small.get_absolute_url()) == _detail_queries(client, large.get_absolute_url())
    close(small)
    close(large)
    assert _detail_queries(client, small.get_absolute_url()) == _detail_queries(client, large.get_absolute_url())


def test_the_back_office_shows_staff_only_their_collectivity(client, consultation, people):
    ConsultationFactory(program=published_program(people.commune_b), title={"fr": "Consultation de B"})
    client.force_login(people.information_officer)
    page = client.get("/en/admin/consultations/consultation/")
    assert page.status_code == 200
    assert list(page.context["cl"].queryset) == [consultation]
    refused(client.get("/en/admin/consultations/consultation/add/"))


def test_the_contributions_are_filtered_by_kind_axis_and_state(client, consultation, people):
    axis_key, keys = snapshot_keys(consultation)
    on_commitment = ContributionFactory(consultation=consultation, commitment_key=keys[0], axis_key=axis_key)
    whole = ContributionFactory(consultation=consultation)
    proposal = ContributionFactory(consultation=consultation, kind=ContributionKind.PROPOSAL, title="مقترح")
    url = consultation.get_absolute_url()

    def shown(**params):
        return {c.pk for c in client.get(url, params).context["page"].object_list}

    assert shown(kind="proposal") == {proposal.pk}
    assert shown(axis=axis_key) == {on_commitment.pk}
    assert shown(commitment=keys[0]) == {on_commitment.pk}
    assert shown(state="unanswered") == {on_commitment.pk, whole.pk, proposal.pk}
    assert shown(state="answered") == set()


def test_a_hidden_contribution_is_in_the_public_moderation_log(client, consultation, people):
    contribution = ContributionFactory(consultation=consultation)
    hide(people.editor, contribution, "spam", "Publicité.")
    page = client.get(f"/en/participation/moderation/{people.commune_a.code}/")
    assert page.status_code == 200 and "Publicité." in page.content.decode()


def test_staff_open_a_consultation_in_the_back_office_too(client, program, people):
    client.force_login(people.editor)
    assert client.get("/en/admin/consultations/consultation/add/").status_code == 200
    client.force_login(people.other_focal_point)
    page = client.get("/en/admin/consultations/consultation/add/")
    assert program.pk not in [p.pk for p in page.context["adminform"].form.fields["program"].queryset]
