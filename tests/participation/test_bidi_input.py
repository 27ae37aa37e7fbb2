"""A right-to-left override typed into a comment, an association's name or a service call never reaches a page."""

import pytest

from infitah.accounts.models import Association
from infitah.participation.comments import post_comment
from infitah.participation.models import Comment
from tests.factories import CommuneFactory
from tests.participation.world import LABEL

pytestmark = pytest.mark.django_db
RLO, PDF = "\u202e", "\u202c"


def test_a_comment_posted_through_the_form_is_stored_and_shown_without_the_override(client, discussion, citizen):
    client.force_login(citizen)
    url = f"/en/participation/comments/{LABEL}/{discussion.pk}/"

    client.post(url, {"body": f"See the file facture{RLO}fdp.exe{PDF} please"})

    assert Comment.objects.get().body == "See the file facturefdp.exe please"
    html = client.get(url).content.decode()
    assert "facturefdp.exe" in html
    assert RLO not in html


def test_a_comment_posted_through_the_service_is_cleaned(discussion, citizen):
    assert post_comment(citizen, discussion, f"{RLO}txt.exe").body == "txt.exe"


def test_an_association_registered_through_the_form_has_no_override_in_its_name(client, citizen):
    client.force_login(citizen)
    data = {
        "name_0": f"جمعية{RLO} الشفافية",
        "name_1": f"Association {RLO}ecnerapsnart",
        "name_2": "",
        "name_3": "",
        "registration_date": "2020-01-15",
        "seat": CommuneFactory().pk,
        "description_0": "",
        "description_1": f"Suivi {RLO}du budget{PDF}.",
        "description_2": "",
        "description_3": "",
        "title": f"{RLO}président",
    }

    client.post("/en/associations/register/", data)

    association = Association.objects.get()
    assert association.name == {"ar": "جمعية الشفافية", "fr": "Association ecnerapsnart"}
    assert association.description == {"fr": "Suivi du budget."}


def test_text_saved_by_any_other_path_is_cleaned_too(discussion, citizen):
    comment = Comment.objects.get(pk=post_comment(citizen, discussion, "first").pk)
    comment.body = f"edited{RLO}"
    comment.save()

    comment.refresh_from_db()
    assert comment.body == "edited"
