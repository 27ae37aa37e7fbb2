"""The forum's pages as people meet them: what anonymous visitors, citizens, members and coordinators see and do."""

import pytest
from django.urls import reverse

from infitah.forum import services
from infitah.forum.models import Post, Thread
from infitah.participation import moderation
from infitah.participation.models import ModerationReason
from infitah.programs.phases import Phase
from tests.forum.factories import PostFactory

pytestmark = pytest.mark.django_db


def test_anyone_reads_the_index_and_a_public_thread_never_the_members_only_category(client, people):
    index = client.get(reverse("forum:index")).content.decode()
    assert people.thread.title in index
    assert "Secret plans" not in index and "/forum/c/private/" not in index
    assert client.get(people.thread.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("who", ["anonymous", "citizen"])
def test_a_members_only_category_and_its_threads_are_a_404_to_others(client, people, who):
    if who == "citizen":
        client.force_login(people.citizen)
    assert client.get(reverse("forum:category", args=["private"])).status_code == 404
    assert client.get(people.private_thread.get_absolute_url()).status_code == 404
    assert client.get(reverse("forum:new_thread", args=["private"])).status_code in (302, 404)
    reply = PostFactory(thread=people.private_thread)
    assert client.get(reverse("forum:post", args=[reply.pk])).status_code == 404
    assert client.get(reverse("participation:report", args=["forum.thread", people.private_thread.pk])).status_code in (
        302,
        404,
    )


def test_a_member_reads_the_members_only_category(client, people):
    client.force_login(people.other_focal_point)
    page = client.get(reverse("forum:category", args=["private"]))
    assert page.status_code == 200 and "Secret plans" in page.content.decode()


def test_a_citizen_is_told_plainly_who_writes(client, people):
    client.force_login(people.citizen)
    thread_page = client.get(people.thread.get_absolute_url()).content.decode()
    assert "Only the forum's members write in it" in thread_page and 'name="body"' not in thread_page
    refused = client.get(reverse("forum:new_thread", args=["public"]))
    assert refused.status_code == 403 and "Only the forum&#x27;s members write in it" in refused.content.decode()
    posted = client.post(reverse("forum:reply", args=[people.thread.pk]), {"body": "Moi aussi"})
    assert posted.status_code == 403 and not Post.objects.exists()


def test_a_member_starts_a_thread_linking_a_public_commitment(client, people):
    from tests.programs.factories import CommitmentFactory

    commitment = CommitmentFactory()  # of a program being drafted: public
    client.force_login(people.editor)
    response = client.post(
        reverse("forum:new_thread", args=["public"]),
        {"title": "Suivi", "body": "Voir https://example.org\n\nMerci", "commitment": commitment.pk},
    )
    thread = Thread.objects.get(title="Suivi")
    assert response.status_code == 302 and thread.commitment == commitment
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "This thread discusses" in page and commitment.get_absolute_url() in page
    assert '<a href="https://example.org"' in page


def test_a_draft_programs_commitment_cannot_be_linked(client, people):
    from tests.programs.factories import CommitmentFactory

    draft = CommitmentFactory(axis__program__phase=Phase.PREPARATION)  # not public
    client.force_login(people.editor)
    response = client.post(
        reverse("forum:new_thread", args=["public"]), {"title": "X", "body": "Y", "commitment": draft.pk}
    )
    assert response.status_code == 400 and not Thread.objects.filter(title="X").exists()


def test_scripts_in_titles_and_bodies_are_shown_as_text(client, people):
    client.force_login(people.editor)
    client.post(
        reverse("forum:new_thread", args=["public"]),
        {"title": "<script>alert('t')</script>Titre", "body": "<img src=x onerror=alert(1)>Corps <script>x</script>"},
    )
    thread = Thread.objects.get(author=people.editor)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "<script>alert" not in page and "onerror" not in page and "Corps" in page


def test_a_hidden_reply_shows_that_it_was_hidden_never_its_text_to_others(client, people):
    post = services.reply(people.editor, people.thread, "Texte insultant")
    moderation.hide(people.coordinator, post, ModerationReason.OTHER, "Hors sujet")
    for viewer in (None, people.citizen, people.focal_point):
        client.logout()
        if viewer:
            client.force_login(viewer)
        page = client.get(people.thread.get_absolute_url()).content.decode()
        assert "Texte insultant" not in page and "Hidden by the moderators." in page and "Hors sujet" in page
    client.force_login(people.coordinator)
    assert "Texte insultant" in client.get(people.thread.get_absolute_url()).content.decode()


def test_a_hidden_thread_leaves_the_lists_and_its_text_the_page(client, people):
    moderation.hide(people.coordinator, people.thread, ModerationReason.OTHER, "Doublon")
    assert people.thread.title not in client.get(reverse("forum:index")).content.decode()
    page = client.get(people.thread.get_absolute_url()).content.decode()
    assert people.thread.title not in page and people.thread.body not in page and "Doublon" in page


def test_a_locked_thread_says_so_and_refuses_a_reply(client, people):
    services.set_locked(people.coordinator, people.thread, True)
    client.force_login(people.editor)
    page = client.get(people.thread.get_absolute_url()).content.decode()
    assert "This thread is locked" in page and 'name="body"' not in page
    response = client.post(reverse("forum:reply", args=[people.thread.pk]), {"body": "Encore"})
    assert response.status_code == 400 and "This thread is locked" in response.content.decode()
    assert not Post.objects.exists()


def test_a_reply_lands_on_its_anchor(client, people):
    client.force_login(people.editor)
    response = client.post(reverse("forum:reply", args=[people.thread.pk]), {"body": "Réponse"})
    post = Post.objects.get()
    assert response.status_code == 302
    landing = client.get(response.url)
    assert landing.status_code == 302 and landing.url.endswith(f"?page=1#post-{post.pk}")


def test_a_coordinator_locks_and_pins_from_the_page_staff_cannot(client, people):
    client.force_login(people.focal_point)
    url = reverse("forum:moderate_thread", args=[people.thread.pk])
    assert client.post(url, {"action": "lock"}).status_code == 403
    client.force_login(people.coordinator)
    client.post(url, {"action": "lock"})
    client.post(url, {"action": "pin"})
    people.thread.refresh_from_db()
    assert people.thread.is_locked and people.thread.is_pinned


def test_an_absurd_id_is_a_404(client, people):
    assert client.get("/ar/forum/t/99999999/").status_code == 404
    assert client.get("/ar/forum/p/99999999/").status_code == 404
    assert client.get("/ar/forum/c/nothing-here/").status_code == 404
    client.force_login(people.editor)
    assert client.get("/ar/forum/nothing/1/edit/").status_code == 404


def test_the_author_edits_and_the_page_marks_it(client, people):
    post = services.reply(people.editor, people.thread, "Avant")
    client.force_login(people.editor)
    response = client.post(reverse("forum:edit", args=["post", post.pk]), {"body": "Après"})
    assert response.status_code == 302
    page = client.get(people.thread.get_absolute_url()).content.decode()
    assert "Après" in page and "edited" in page
    client.force_login(people.focal_point)
    assert client.post(reverse("forum:edit", args=["post", post.pk]), {"body": "Non"}).status_code == 403


def test_the_mention_picker_lists_members_to_members_only(client, people):
    people.editor.full_name = "Karim El Idrissi"
    people.editor.save()
    url = reverse("forum:members") + "?q=Idri"
    client.force_login(people.citizen)
    assert client.get(url).status_code == 403
    client.force_login(people.focal_point)
    assert client.get(url).json() == {"members": [{"id": people.editor.pk, "name": "Karim El Idrissi"}]}


def test_the_commitment_page_says_it_is_discussed_in_the_forum(client, people):
    from tests.programs.factories import CommitmentFactory

    commitment = CommitmentFactory()  # of a program being drafted: public
    services.start_thread(people.editor, people.public, "Sur cet engagement", "Corps", commitment=commitment)
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "Discussed in the forum" in page and "Sur cet engagement" in page


def test_the_commitment_page_never_names_a_members_only_thread_even_to_a_member(client, people):
    from tests.programs.factories import CommitmentFactory

    commitment = CommitmentFactory()
    services.start_thread(people.focal_point, people.private, "Plan interne", "Corps", commitment=commitment)
    for reader in (None, people.citizen, people.focal_point):
        client.logout()
        if reader is not None:
            client.force_login(reader)
        page = client.get(commitment.get_absolute_url()).content.decode()
        assert "Plan interne" not in page and "Discussed in the forum" not in page


def test_bad_input_is_refused_with_a_reason_and_keeps_what_was_typed(client, people):
    client.force_login(people.editor)
    too_long = client.post(reverse("forum:new_thread", args=["public"]), {"title": "Long", "body": "x" * 20_001})
    page = too_long.content.decode()
    assert too_long.status_code == 400 and "at most 20000 characters" in page and 'value="Long"' in page
    forged = client.post(
        reverse("forum:new_thread", args=["public"]),
        {"title": "Forgé", "body": "Corps", "collectivity": people.commune_b.pk},
    )
    # One collectivity: no choice is offered and a forged one is ignored; never written for B.
    assert forged.status_code == 302 and Thread.objects.get(title="Forgé").collectivity == people.commune_a
    elsewhere = services.reply(people.focal_point, people.private_thread, "Ailleurs")
    client.post(reverse("forum:reply", args=[people.thread.pk]), {"body": "Réponse", "reply_to": elsewhere.pk})
    assert Post.objects.get(thread=people.thread).reply_to is None


def test_a_reply_to_a_reply_says_so(client, people):
    first = services.reply(people.focal_point, people.thread, "Première")
    client.force_login(people.editor)
    page = client.get(f"{people.thread.get_absolute_url()}?reply_to={first.pk}").content.decode()
    assert f'name="reply_to" value="{first.pk}"' in page
    client.post(reverse("forum:reply", args=[people.thread.pk]), {"body": "Seconde", "reply_to": first.pk})
    second = Post.objects.get(body="Seconde")
    assert second.reply_to == first
    assert "In reply to" in client.get(people.thread.get_absolute_url()).content.decode()
