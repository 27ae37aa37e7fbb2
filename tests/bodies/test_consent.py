"""A focal point names on their advisory body (both names then public) only a person or an association that
belongs to the collectivity or accepted its invitation; a refusal names no one."""

import pytest

from infitah.accounts.invitations import accept
from infitah.accounts.models import Invitation
from tests.bodies.factories import body_form
from tests.factories import AssociationFactory, RepresentativeFactory, UserFactory

pytestmark = pytest.mark.django_db

NOT_LINKED = "Choose a person linked to this collectivity"
ASSOCIATION_NOT_LINKED = "Choose an association seated in this collectivity"


def post(client, people, **new_member):
    client.force_login(people.focal_point)
    return client.post(f"/en/admin/bodies/advisorybody/{people.body.pk}/change/", body_form(people, **new_member))


def test_an_unrelated_account_is_refused_and_not_named(client, people):
    person = UserFactory(full_name="Samira Stranger", email="samira.stranger@example.ma")

    response = post(client, people, user=person.pk)

    assert response.status_code == 200
    html = response.content.decode()
    assert NOT_LINKED in html
    assert "Samira" not in html and "samira.stranger" not in html
    assert not people.body.members.filter(user=person).exists()


def test_a_person_who_accepted_the_collectivitys_invitation_takes_a_seat(client, people):
    person = UserFactory(full_name="Samira Invited")
    accept(Invitation.objects.create(collectivity=people.commune_a, email=person.email), person)

    response = post(client, people, user=person.pk)

    assert response.status_code == 302
    assert people.body.members.filter(user=person).exists()


def test_another_communes_pending_association_is_refused_and_not_named(client, people):
    pending = AssociationFactory(seat=people.commune_b, name={"ar": "جمعية سرية", "fr": "Association secrète"})

    response = post(client, people, full_name="Ilham Benali", association=pending.pk)

    assert response.status_code == 200
    html = response.content.decode()
    assert ASSOCIATION_NOT_LINKED in html
    assert "secrète" not in html and "جمعية سرية" not in html
    assert not people.body.members.filter(association=pending).exists()


def test_an_association_seated_in_the_collectivity_takes_a_seat(client, people):
    own = AssociationFactory(seat=people.commune_a)

    assert post(client, people, full_name="Ilham Benali", association=own.pk).status_code == 302
    assert people.body.members.filter(association=own).exists()


def test_another_communes_association_takes_a_seat_once_its_representative_accepted(client, people):
    association = AssociationFactory(seat=people.commune_b)
    representative = RepresentativeFactory(association=association).user
    invitation = Invitation.objects.create(collectivity=people.commune_a, email=representative.email)

    assert post(client, people, full_name="Ilham Benali", association=association.pk).status_code == 200
    accept(invitation, representative, association)
    assert post(client, people, full_name="Ilham Benali", association=association.pk).status_code == 302
    assert people.body.members.filter(association=association).exists()


def test_the_association_search_stays_within_the_collectivitys_links(client, people):
    AssociationFactory(seat=people.commune_a, name={"fr": "Association Atlas d'ici"})
    AssociationFactory(seat=people.commune_b, name={"fr": "Association Atlas d'ailleurs"})
    client.force_login(people.focal_point)

    response = client.get(
        "/fr/admin/autocomplete/",
        {"app_label": "bodies", "model_name": "bodymember", "field_name": "association", "term": "Atlas"},
    )

    texts = {row["text"] for row in response.json()["results"]}
    assert texts == {"Association Atlas d'ici"}


def test_an_association_seated_in_a_commune_of_the_region_belongs_to_the_region():
    from infitah.accounts.links import association_is_linked
    from tests.factories import CommuneFactory

    commune = CommuneFactory()
    region, province = commune.parent.parent, commune.parent
    association = AssociationFactory(seat=commune)

    assert association_is_linked(association.pk, region.pk)
    assert association_is_linked(association.pk, province.pk)
    assert not association_is_linked(association.pk, CommuneFactory().pk)


def test_the_bodys_form_saves_with_a_seat_given_before_these_checks(client, people):
    from tests.bodies.factories import BodyMemberFactory

    elsewhere = AssociationFactory(seat=people.commune_b)
    BodyMemberFactory(body=people.body, full_name="Seated Before", association=elsewhere)

    response = post(client, people, full_name="Ilham Benali", association="")

    assert response.status_code == 302
    assert people.body.members.filter(full_name="Ilham Benali").exists()
