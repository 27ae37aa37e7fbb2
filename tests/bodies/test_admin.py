"""The back office: staff see and manage the members of their collectivity's bodies only; opinions are read there
(acknowledged and answered on their public page)."""

import pytest

from tests.bodies.factories import OpinionFactory, body_form
from tests.refusals import GENERAL_FR, refused

pytestmark = pytest.mark.django_db


def test_staff_see_their_bodies_with_members_and_not_another_communes(client, people):
    client.force_login(people.focal_point)
    listing = client.get("/en/admin/bodies/advisorybody/").content.decode()
    assert f"/admin/bodies/advisorybody/{people.body.pk}/change/" in listing
    assert f"/admin/bodies/advisorybody/{people.other_body.pk}/change/" not in listing
    form = client.get(f"/en/admin/bodies/advisorybody/{people.body.pk}/change/")
    assert form.status_code == 200
    html = form.content.decode()
    assert "Mohamed Amine" in html and "members-TOTAL_FORMS" in html and "rules of procedure" in html.lower()
    assert client.get(f"/en/admin/bodies/advisorybody/{people.other_body.pk}/change/").status_code in (302, 403, 404)


def test_staff_add_a_member_in_the_inline(client, people):
    client.force_login(people.editor)
    url = f"/en/admin/bodies/advisorybody/{people.body.pk}/change/"
    data = body_form(
        people,
        full_name="Ilham Benali",
        seat_type="academic",
        bureau_role="president",
        gender="female",
        joined_on="2024-01-01",
    )
    data["name_1"] = people.body.name["fr"]
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert people.body.members.filter(full_name="Ilham Benali", bureau_role="president").exists()


def test_opinions_are_read_in_the_back_office_scoped_to_the_collectivity(client, people):
    own = OpinionFactory(body=people.body, title={"fr": "Avis de A"})
    OpinionFactory(body=people.other_body, title={"fr": "Avis de B"})
    client.force_login(people.information_officer)
    html = client.get("/fr/admin/bodies/opinion/").content.decode()
    assert "Avis de A" in html and "Avis de B" not in html
    page = client.get(f"/fr/admin/bodies/opinion/{own.pk}/change/").content.decode()
    assert own.get_absolute_url().replace("/ar/", "/fr/") in page or f"/opinions/{own.pk}/" in page
    refused(client.get("/fr/admin/bodies/opinion/add/"), GENERAL_FR)


def test_a_second_president_is_refused_in_the_inline_with_a_message(client, people):
    from tests.bodies.factories import BodyMemberFactory

    BodyMemberFactory(body=people.body, full_name="Zineb Haddad", bureau_role="president")
    client.force_login(people.editor)
    data = body_form(people, full_name="Ilham Benali", seat_type="academic", bureau_role="president")
    response = client.post(f"/en/admin/bodies/advisorybody/{people.body.pk}/change/", data)
    assert response.status_code == 200
    assert "This body already has an active president" in response.content.decode()
    assert not people.body.members.filter(full_name="Ilham Benali").exists()
