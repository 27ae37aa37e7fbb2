"""Staff choose people (a role, a representative) among those linked to their collectivity, through a search
limited to them, or invite them by e-mail; an account's number posted into a form names no one."""

import json
import re

import pytest
from django.core import mail
from django.test import Client

from infitah.accounts.invitations import accept, token_for
from infitah.accounts.models import Invitation, Role, RoleAssignment
from tests.factories import CommuneFactory, RepresentativeFactory, RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLE_ADD = "/en/admin/accounts/roleassignment/add/"
NOT_LINKED = "Choose a person linked to this collectivity"


def stranger():
    return UserFactory(full_name="Samira Stranger", email="samira.stranger@example.ma")


def invited_and_accepted(person, collectivity, association=None):
    invitation = Invitation.objects.create(collectivity=collectivity, email=person.email)
    return accept(invitation, person, association)


def search(client, term, model_name="roleassignment", field_name="user", app_label="accounts"):
    response = client.get(
        "/en/admin/autocomplete/",
        {"app_label": app_label, "model_name": model_name, "field_name": field_name, "term": term},
    )
    return response


def found(response):
    assert response.status_code == 200
    return {row["text"] for row in json.loads(response.content)["results"]}


def test_the_id_of_an_unrelated_account_is_refused_with_a_message_that_names_no_one(client, focal_point, commune_a):
    person = stranger()

    response = client.post(
        ROLE_ADD, {"user": person.pk, "role": Role.EDITOR, "collectivity": commune_a.pk, "_save": "Save"}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert NOT_LINKED in html
    assert "Samira" not in html and "samira.stranger" not in html
    assert not RoleAssignment.objects.filter(user=person).exists()


def test_a_person_who_accepted_the_invitation_can_be_given_a_role(client, focal_point, commune_a):
    person = stranger()
    invited_and_accepted(person, commune_a)

    response = client.post(
        ROLE_ADD, {"user": person.pk, "role": Role.EDITOR, "collectivity": commune_a.pk, "_save": "Save"}
    )

    assert response.status_code == 302
    assert RoleAssignment.objects.filter(user=person, role=Role.EDITOR, collectivity=commune_a).exists()


def test_a_person_linked_to_another_commune_only_is_refused(client, focal_point, commune_a, commune_b):
    person = stranger()
    invited_and_accepted(person, commune_b)

    response = client.post(
        ROLE_ADD, {"user": person.pk, "role": Role.EDITOR, "collectivity": commune_a.pk, "_save": "Save"}
    )

    assert NOT_LINKED in response.content.decode() and "Samira" not in response.content.decode()
    assert not RoleAssignment.objects.filter(user=person).exists()


def test_the_search_finds_linked_people_by_name_or_e_mail_and_no_one_else(client, focal_point, commune_a, commune_b):
    colleague = RoleAssignmentFactory(
        role=Role.EDITOR, collectivity=commune_a, user=UserFactory(full_name="Samira Colleague")
    ).user
    invited = UserFactory(full_name="", email="samira.invited@example.ma")
    invited_and_accepted(invited, commune_a)
    stranger()
    RoleAssignmentFactory(role=Role.EDITOR, collectivity=commune_b, user=UserFactory(full_name="Samira Elsewhere"))

    assert found(search(client, "samira")) == {"Samira Colleague", "samira.invited@example.ma"}
    assert found(search(client, "samira.invited@")) == {"samira.invited@example.ma"}
    assert colleague.full_name in found(search(client, ""))


def test_the_search_of_another_communes_staff_does_not_reach_this_communes_people(client, commune_a, commune_b):
    RoleAssignmentFactory(role=Role.EDITOR, collectivity=commune_a, user=UserFactory(full_name="Samira of A"))
    client.force_login(RoleAssignmentFactory(role=Role.FOCAL_POINT, collectivity=commune_b).user)

    assert "Samira of A" not in found(search(client, "samira"))
    assert "Samira of A" not in found(search(client, "samira", "bodymember", "user", "bodies"))


@pytest.mark.parametrize("role", [Role.INFORMATION_OFFICER, Role.COUNCIL_MEMBER, None])
def test_people_who_do_not_choose_people_cannot_search_them(client, commune_a, role):
    RoleAssignmentFactory(role=Role.EDITOR, collectivity=commune_a, user=UserFactory(full_name="Samira of A"))
    user = UserFactory() if role is None else RoleAssignmentFactory(role=role, collectivity=commune_a).user
    client.force_login(user)

    response = search(client, "samira")

    assert response.status_code in (302, 403)
    assert "Samira" not in response.content.decode()


def test_a_representative_is_chosen_among_people_linked_to_the_associations_seat(client, focal_point, commune_a):
    from tests.factories import AssociationFactory

    association = AssociationFactory(seat=commune_a)
    person = stranger()
    url = f"/en/admin/accounts/association/{association.pk}/change/"
    data = {
        "name_0": association.name["ar"],
        "name_1": association.name["fr"],
        "registration_date": "2015-03-01",
        "seat": commune_a.pk,
        "representative_links-TOTAL_FORMS": 1,
        "representative_links-INITIAL_FORMS": 0,
        "representative_links-0-user": person.pk,
        "representative_links-0-title": "president",
        "_save": "Save",
    }

    refused = client.post(url, data)

    assert refused.status_code == 200
    assert NOT_LINKED in refused.content.decode() and "Samira" not in refused.content.decode()
    assert not association.representative_links.exists()


def test_an_invitation_is_mailed_with_a_signed_link_the_invited_person_accepts(
    client, focal_point, commune_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/admin/accounts/invitation/add/",
            {"collectivity": commune_a.pk, "email": "Nadia@Example.ma", "_save": "Save"},
        )

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.invited_by, invitation.accepted_at) == ("nadia@example.ma", focal_point, None)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nadia@example.ma"]
    link = re.search(r"https?://\S+/accounts/invitations/\S+/", mail.outbox[0].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]

    someone_else = Client()
    someone_else.force_login(UserFactory(email="other@example.ma"))
    refused = someone_else.post(f"/{path}")
    assert "This invitation was sent to another e-mail address" in refused.content.decode()
    assert "nadia@" not in refused.content.decode()

    nadia = UserFactory(email="nadia@example.ma", full_name="Nadia")
    invitee = Client()
    invitee.force_login(nadia)
    page = invitee.get(f"/{path}")
    assert "invites you to take part in its work" in page.content.decode()
    assert invitee.post(f"/{path}").status_code == 302
    invitation.refresh_from_db()
    assert invitation.accepted_by == nadia and invitation.accepted_at is not None
    assert "Nadia" in found(search(client, "nadia"))


def test_a_forged_or_tampered_invitation_link_leads_nowhere(client):
    client.force_login(UserFactory())
    invitation = Invitation.objects.create(collectivity=CommuneFactory(), email="x@example.ma")
    assert client.get(f"/en/accounts/invitations/{token_for(invitation)}x/").status_code == 404
    assert client.get("/en/accounts/invitations/1/").status_code == 404


def test_accepting_for_an_association_needs_to_represent_it(commune_a):
    person = stranger()
    other = RepresentativeFactory().association
    invitation = Invitation.objects.create(collectivity=commune_a, email=person.email)
    from infitah.accounts.invitations import InvitationRefused

    with pytest.raises(InvitationRefused):
        accept(invitation, person, other)


@pytest.mark.parametrize("page", ["roleassignment/add/", "invitation/add/"])
def test_an_account_number_in_the_address_names_no_one_either(client, focal_point, page):
    person = stranger()

    html = client.get(f"/en/admin/accounts/{page}?user={person.pk}&accepted_by={person.pk}").content.decode()

    assert "Samira" not in html and "samira.stranger" not in html
