"""The monitoring pages: the desk (staff, co-monitors), the update form, an update's page with its reviews and
replies, the committee and the weights. Other collectivities and absurd ids are 404s; a refusal says why; a form
with errors comes back with what was typed."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from infitah.monitoring.models import CommitteeMember, MilestoneWeight, ProgressUpdate, Review, ReviewState, Verdict
from infitah.monitoring.services import review_update
from infitah.participation.models import AuditLogEntry
from tests.clients import page_as
from tests.files import HTML_PAGE
from tests.monitoring.factories import keys_of, update_of

pytestmark = pytest.mark.django_db


def desk_url(program):
    return reverse("monitoring:desk", args=[program.pk])


def add_url(program, milestone=0):
    commitment_key, milestone_keys = keys_of(program)
    url = reverse("monitoring:add_update", args=[program.pk, commitment_key])
    return f"{url}?milestone={milestone_keys[milestone]}" if milestone is not None else url


FORM = {
    "as_of": "2024-05-20",
    "completion": "limited",
    "percent": "35",
    "narrative_0": "تم إعداد دفتر التحملات",
    "narrative_1": "Le cahier des charges est prêt",
    "evidence_links": "https://example.ma/cahier",
}


def test_staff_see_every_commitment_and_milestone_and_what_is_due(client, people):
    update_of(people.program, milestone=1, author=people.editor, as_of=datetime.date(2024, 5, 1))
    client.force_login(people.editor)
    html = client.get(desk_url(people.program)).content.decode()
    assert "Engagement" in html or "الالتزام" in html
    assert "Update due" in html  # the first milestone (due in March) was never updated
    assert "nothing was reported for 183 days" in html  # the rule is stated on the page
    assert "Write an update" in html and "Contested updates to answer" in html


def test_the_desk_costs_the_same_queries_for_one_update_or_many(client, people, django_assert_max_num_queries):
    client.force_login(people.editor)
    update_of(people.program, author=people.editor)
    client.get(desk_url(people.program))
    with CaptureQueriesContext(connection) as one:
        client.get(desk_url(people.program))
    for day in range(2, 12):
        update = update_of(people.program, milestone=day % 2, author=people.editor, as_of=datetime.date(2024, 5, day))
        review_update(update, people.co_owner, Verdict.CONTESTED, "Non.")
    with django_assert_max_num_queries(len(one)):
        client.get(desk_url(people.program))


def test_co_monitors_see_the_updates_waiting_for_their_review(client, people):
    waiting = update_of(people.program, author=people.editor)
    reviewed = update_of(people.program, milestone=1, author=people.editor)
    review_update(reviewed, people.co_owner, Verdict.CONFIRMED)
    client.force_login(people.co_owner)
    html = client.get(desk_url(people.program)).content.decode()
    to_review = html[html.index('id="to-review"') : html.index("</section>", html.index('id="to-review"'))]
    assert waiting.get_absolute_url() in to_review and reviewed.get_absolute_url() not in to_review
    assert "Write an update" not in html


@pytest.mark.parametrize("who", ["citizen", "council_member"])
def test_people_without_a_part_in_monitoring_are_refused_the_desk_with_the_reason(client, people, who):
    client.force_login(getattr(people, who))
    response = client.get(desk_url(people.program))
    assert response.status_code == 403 and "co-monitors" in response.content.decode()


def test_other_collectivities_and_absurd_ids_are_404(client, people):
    client.force_login(people.other_focal_point)
    assert client.get(desk_url(people.program)).status_code == 403
    client.force_login(people.editor)
    assert client.get(add_url(people.program_b)).status_code == 403
    for url in (
        "/en/monitoring/desk/999999/",
        "/en/monitoring/desk/99999999999999999999/",
        "/en/monitoring/updates/99999999999999999999/",
        "/en/monitoring/updates/424242/",
        reverse("monitoring:add_update", args=[people.program.pk, "00000000-0000-0000-0000-000000000000"]),
        add_url(people.program) + "x",
    ):
        assert client.get(url).status_code == 404, url


def test_a_program_in_preparation_is_not_found(client, people):
    from infitah.programs.phases import Phase

    people.not_adopted.phase = Phase.PREPARATION
    people.not_adopted.save()
    client.force_login(people.citizen)
    assert client.get(desk_url(people.not_adopted)).status_code == 404


def test_staff_write_an_update_and_land_on_its_page(client, people):
    client.force_login(people.editor)
    assert "Write a progress update" in client.get(add_url(people.program)).content.decode()
    response = client.post(add_url(people.program), FORM)
    update = ProgressUpdate.objects.get()
    assert response.status_code == 302 and response["Location"] == update.get_absolute_url()
    assert update.percent == 35 and update.narrative["fr"] == "Le cahier des charges est prêt"


def test_an_update_on_a_program_not_adopted_is_refused_with_the_reason(client, people):
    from infitah.programs.models import Commitment

    key = Commitment.objects.get(program=people.not_adopted).key
    client.force_login(people.editor)
    url = reverse("monitoring:add_update", args=[people.not_adopted.pk, key])
    response = client.post(url, FORM)
    assert response.status_code == 403 and "only an adopted program is monitored" in response.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_progress_above_100_is_refused_and_what_was_typed_is_kept(client, people):
    client.force_login(people.editor)
    response = client.post(add_url(people.program), {**FORM, "percent": "150"})
    html = response.content.decode()
    assert response.status_code == 200 and "Progress above 100% is refused" in html
    assert "Le cahier des charges est prêt" in html and "https://example.ma/cahier" in html
    assert not ProgressUpdate.objects.exists()


def test_going_backwards_without_a_reason_is_refused_on_the_form(client, people):
    update_of(people.program, author=people.editor, percent=60, completion="substantial")
    client.force_login(people.editor)
    html = client.post(add_url(people.program), FORM).content.decode()
    assert "Progress went down from 60% to 35%: say why." in html and "Le cahier des charges est prêt" in html
    assert ProgressUpdate.objects.count() == 1


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: SimpleUploadedFile("page.html", HTML_PAGE, "text/html"), "Files of this type cannot be attached"),
        (lambda: SimpleUploadedFile("faux.pdf", b"not a pdf at all", "application/pdf"), "does not match its .pdf"),
    ],
)
def test_a_forbidden_file_is_refused_with_its_reason_and_nothing_typed_is_lost(client, people, upload, message):
    client.force_login(people.editor)
    html = client.post(add_url(people.program), {**FORM, "evidence_files": upload()}).content.decode()
    assert message in html and "Le cahier des charges est prêt" in html
    assert "Files must be chosen again; your text is kept." in html
    assert not ProgressUpdate.objects.exists()


def test_a_file_over_the_size_limit_is_refused(client, people, settings):
    settings.INFITAH_ATTACHMENT_MAX_BYTES = 1024
    client.force_login(people.editor)
    big = SimpleUploadedFile("notes.txt", b"a" * 2048, "text/plain")
    html = client.post(add_url(people.program), {**FORM, "evidence_files": big}).content.decode()
    assert "The file is too large" in html and not ProgressUpdate.objects.exists()


def test_the_update_page_is_public_and_escapes_what_people_typed(client, people):
    update = update_of(
        people.program,
        author=people.editor,
        narrative={"fr": "<script>alert('narrative')</script>Fait"},
        evidence_links=["https://example.ma/?q=<script>"],
    )
    Review.objects.create(
        update=update, reviewer=people.co_owner, verdict=Verdict.CONTESTED, comment="<script>x</script>"
    )
    html = page_as(client, None, update.get_absolute_url())
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#x27;narrative&#x27;)" in html
    assert "<script>x</script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert "Review this update" not in html and "Answer the contest" not in html


def test_a_co_monitor_contests_and_staff_answer_on_the_update_page(client, people):
    update = update_of(people.program, author=people.editor)
    client.force_login(people.committee_member)
    assert "Review this update" in client.get(update.get_absolute_url()).content.decode()
    # A contest without a comment comes back with the reason.
    html = client.post(reverse("monitoring:review", args=[update.pk]), {"verdict": "contested"}).content.decode()
    assert "a contest needs a comment" in html
    client.post(reverse("monitoring:review", args=[update.pk]), {"verdict": "contested", "comment": "Pas en ligne"})
    html = page_as(client, None, update.get_absolute_url())
    assert 'id="contest-flag"' in html and "Pas en ligne" in html
    client.force_login(people.focal_point)
    assert "Answer the contest" in client.get(update.get_absolute_url()).content.decode()
    client.post(reverse("monitoring:reply", args=[update.pk]), {"text": "En ligne depuis mai."})
    update.refresh_from_db()
    assert update.review_state == ReviewState.RESOLVED
    html = page_as(client, None, update.get_absolute_url())
    assert 'id="contest-flag"' not in html and "En ligne depuis mai." in html


def test_staff_cannot_review_and_strangers_cannot_answer(client, people):
    update = update_of(people.program, author=people.coordinator)
    client.force_login(people.editor)
    response = client.post(reverse("monitoring:review", args=[update.pk]), {"verdict": "confirmed"})
    assert response.status_code == 403 and not Review.objects.exists()
    review_update(update, people.co_owner, Verdict.CONTESTED, "Faux.")
    client.force_login(people.co_owner)
    response = client.post(reverse("monitoring:reply", args=[update.pk]), {"text": "Je me réponds"})
    assert response.status_code == 403 and "Je me réponds" in response.content.decode()
    assert client.get(reverse("monitoring:review", args=[update.pk])).status_code == 405


def test_the_committee_is_public_and_staff_record_its_seats(client, people):
    html = page_as(client, None, reverse("monitoring:committee", args=[people.program.pk]))
    assert "Youssef El Idrissi" in html and "Add a member" not in html
    client.force_login(people.focal_point)
    url = reverse("monitoring:add_member", args=[people.program.pk])
    form = client.get(url).content.decode()
    assert f'value="{people.co_owner.pk}"' in form  # the association's representative is linked to commune A
    assert f'value="{people.other_focal_point.pk}"' not in form  # B's staff are not
    response = client.post(url, {"seat": "elected", "name": "Hassan", "role_0": "رئيس", "user": "", "order": "1"})
    assert response.status_code == 302
    member = CommitteeMember.objects.get(name="Hassan")
    assert AuditLogEntry.objects.filter(action="monitoring.add_committee_member").exists()
    html = client.post(url, {"seat": "elected", "name": "X", "user": str(people.other_focal_point.pk)}).content.decode()
    assert "Select a valid choice" in html
    client.post(reverse("monitoring:remove_member", args=[people.program.pk, member.pk]))
    assert not CommitteeMember.objects.filter(name="Hassan").exists()


def test_other_collectivitys_staff_do_not_edit_the_committee(client, people):
    client.force_login(people.other_focal_point)
    assert client.get(reverse("monitoring:add_member", args=[people.program.pk])).status_code == 403
    member = CommitteeMember.objects.get()
    assert client.get(reverse("monitoring:edit_member", args=[people.program_b.pk, member.pk])).status_code == 404


def test_staff_weigh_the_milestones(client, people):
    _key, milestones = keys_of(people.program)
    client.force_login(people.editor)
    url = reverse("monitoring:weights", args=[people.program.pk])
    html = client.post(url, {f"weight_{milestones[0]}": "0", f"weight_{milestones[1]}": "3"}).content.decode()
    assert "greater than or equal to 1" in html and not MilestoneWeight.objects.exists()
    client.post(url, {f"weight_{milestones[0]}": "1", f"weight_{milestones[1]}": "3"})
    assert MilestoneWeight.objects.get(milestone_key=milestones[1]).weight == 3
    client.force_login(people.other_focal_point)
    assert client.get(url).status_code == 403


def test_staff_record_the_committees_mandate_others_may_not(client, people):
    url = reverse("monitoring:edit_committee", args=[people.program.pk])
    client.force_login(people.other_focal_point)
    assert client.get(url).status_code == 403
    client.force_login(people.editor)
    response = client.post(url, {"mandate_1": "Suivre la mise en œuvre", "constituted_on": "2024-02-01"})
    assert response.status_code == 302
    html = page_as(client, None, reverse("monitoring:committee", args=[people.program.pk]))
    assert "Suivre la mise en œuvre" in html and "Constituted on 1 February 2024." in html
    assert AuditLogEntry.objects.filter(action="monitoring.change_committee").exists()


def test_the_update_page_costs_the_same_queries_for_one_review_or_many(client, people, django_assert_max_num_queries):
    from infitah.monitoring.services import reply_to_contest
    from tests.factories import UserFactory
    from tests.monitoring.factories import seat

    update = update_of(people.program, author=people.editor)
    review_update(update, people.co_owner, Verdict.CONTESTED, "Non.")
    client.force_login(people.committee_member)
    client.get(update.get_absolute_url())
    with CaptureQueriesContext(connection) as one:
        client.get(update.get_absolute_url())
    for number in range(6):
        member = UserFactory()
        seat(people.program, member)
        review_update(update, member, Verdict.CONTESTED, f"Contestation {number}")
        reply_to_contest(update, people.focal_point, f"Réponse {number}")
    with django_assert_max_num_queries(len(one)):
        html = client.get(update.get_absolute_url()).content.decode()
    assert "Contestation 5" in html and "Réponse 5" in html


def test_staff_seated_on_the_committee_are_not_asked_to_review_on_the_desk(client, people):
    from tests.monitoring.factories import seat

    seat(people.program, people.editor)
    update = update_of(people.program, author=people.focal_point)
    client.force_login(people.editor)
    html = client.get(desk_url(people.program)).content.decode()
    assert 'id="to-review"' not in html
    assert "Review this update" not in client.get(update.get_absolute_url()).content.decode()


def test_staff_reach_their_desks_from_the_menu_and_co_monitors_see_theirs(client, people):
    client.force_login(people.editor)
    html = client.get("/en/").content.decode()
    assert "/en/monitoring/desks/" in html
    listing = client.get(reverse("monitoring:desks")).content.decode()
    assert desk_url(people.program) in listing and desk_url(people.program_b) not in listing
    assert desk_url(people.not_adopted) not in listing
    client.force_login(people.committee_member)
    assert "/en/monitoring/desks/" not in client.get("/en/").content.decode()
    assert desk_url(people.program) in client.get(reverse("monitoring:desks")).content.decode()
    client.force_login(people.co_owner)
    assert desk_url(people.program) in client.get(reverse("monitoring:desks")).content.decode()
    client.force_login(people.citizen)
    assert desk_url(people.program) not in client.get(reverse("monitoring:desks")).content.decode()
