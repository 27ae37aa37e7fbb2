"""A post too large for the server (a 3 MB comment) gets a page in the person's language, not a bare 'Bad Request'."""

import pytest

from infitah.participation.models import Comment
from tests.participation.world import LABEL

pytestmark = pytest.mark.django_db


def test_a_three_megabyte_comment_gets_a_page_that_explains_and_leads_back_to_the_form(client, discussion, citizen):
    client.force_login(citizen)
    url = f"/en/participation/comments/{LABEL}/{discussion.pk}/"

    response = client.post(url, {"body": "نص " * (1024 * 1024)})

    assert response.status_code == 413
    html = response.content.decode()
    assert "Too much text sent at once" in html
    assert "larger than the platform accepts in one form (2.5 MB), so nothing was saved" in html
    assert "Your text is kept in this browser" in html
    assert f'href="{url}"' in html
    # The page the browser script reads to put the typed text back when the person returns to the form.
    assert "data-drafts-kept" in html
    assert "/static/infitah/js/drafts.js" in html
    assert not Comment.objects.exists()


def test_the_explanation_is_in_the_language_of_the_page(client, discussion, citizen):
    client.force_login(citizen)

    response = client.post(f"/fr/participation/comments/{LABEL}/{discussion.pk}/", {"body": "x" * (3 * 1024 * 1024)})

    assert response.status_code == 413
    assert 'lang="fr"' in response.content.decode()


def test_a_post_within_the_limit_reaches_the_form_as_before(client, discussion, citizen):
    client.force_login(citizen)

    client.post(f"/en/participation/comments/{LABEL}/{discussion.pk}/", {"body": "Une idée"})

    assert Comment.objects.get().body == "Une idée"
