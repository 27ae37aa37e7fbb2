"""Associations: a citizen registers one, staff verify it, the public sees verified ones (names, never e-mails)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from infitah.accounts.models import Association, Role
from tests.factories import (
    AssociationFactory,
    CommuneFactory,
    ProvinceFactory,
    RegionFactory,
    RepresentativeFactory,
    RoleAssignmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def verified(**kwargs):
    return AssociationFactory(is_verified=True, verified_at=timezone.now(), **kwargs)


def registration(place, **changes):
    data = {
        "name_0": "جمعية الشباب من أجل الانفتاح",
        "name_1": "Association des jeunes pour l'ouverture",
        "name_2": "",
        "name_3": "",
        "registration_date": "2016-05-12",
        "seat": place.pk,
        "description_0": "",
        "description_1": "Suivi citoyen du budget communal.",
        "description_2": "",
        "description_3": "",
        "title": "Présidente",
    }
    data.update(changes)
    return data


# Registering


def test_registering_needs_a_signed_in_person(client):
    response = client.get("/ar/associations/register/")
    assert response.status_code == 302
    assert response["Location"].startswith("/ar/accounts/login/?next=/ar/associations/register/")


def test_a_citizen_registers_an_association_and_becomes_its_representative(client, verified_user):
    seat = CommuneFactory()
    client.force_login(verified_user)

    response = client.post("/fr/associations/register/", registration(seat))

    association = Association.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/fr/associations/{association.pk}/"
    assert association.name == {
        "ar": "جمعية الشباب من أجل الانفتاح",
        "fr": "Association des jeunes pour l'ouverture",
    }
    assert association.registration_date == datetime.date(2016, 5, 12)
    assert association.seat == seat
    assert association.description == {"fr": "Suivi citoyen du budget communal."}
    assert not association.is_verified
    link = association.representative_links.get()
    assert (link.user, link.title) == (verified_user, "Présidente")

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert page.context["association"] == association
    assert "tag-warning" in page.content.decode(), "the page says it is pending verification"


def test_a_name_in_french_only_is_enough(client, verified_user):
    client.force_login(verified_user)
    client.post("/ar/associations/register/", registration(CommuneFactory(), name_0=""))
    assert Association.objects.get().name == {"fr": "Association des jeunes pour l'ouverture"}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name_0": "", "name_1": "", "name_2": "Youth for openness"}, "name"),
        ({"registration_date": "2999-01-01"}, "registration_date"),
        ({"registration_date": "31/02/2016"}, "registration_date"),
        ({"seat": "999999"}, "seat"),
        ({"name_1": "x" * 301}, "name"),
    ],
)
def test_bad_input_is_explained_next_to_the_field_and_keeps_what_was_typed(client, verified_user, changes, field):
    seat = CommuneFactory()
    client.force_login(verified_user)
    data = registration(seat, **changes)

    response = client.post("/ar/associations/register/", data)

    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert 'aria-invalid="true"' in html
    assert "Suivi citoyen du budget communal." in html
    assert 'value="Présidente"' in html
    if field != "name":
        assert f'value="{data["name_0"]}"' in html
    if field != "seat":
        assert f'<option value="{seat.pk}" selected>' in html
    assert not Association.objects.exists()


def test_a_future_registration_date_gets_a_clear_message(client, verified_user):
    client.force_login(verified_user)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post("/en/associations/register/", registration(CommuneFactory(), registration_date=tomorrow))
    assert response.context["form"].errors["registration_date"] == ["The registration date cannot be in the future."]


def test_todays_registration_date_is_accepted(client, verified_user):
    client.force_login(verified_user)
    client.post("/ar/associations/register/", registration(CommuneFactory(), registration_date=timezone.localdate()))
    assert Association.objects.get().registration_date == timezone.localdate()


# Who sees a pending association


def test_a_pending_association_is_not_public(client):
    pending = RepresentativeFactory().association
    assert client.get(f"/ar/associations/{pending.pk}/").status_code == 404
    client.force_login(UserFactory())
    assert client.get(f"/ar/associations/{pending.pk}/").status_code == 404
    assert pending not in client.get("/ar/associations/").context["page"].object_list


def test_a_pending_association_is_seen_by_its_representative_and_the_staff_of_its_seat(client):
    link = RepresentativeFactory()
    pending = link.association
    url = f"/ar/associations/{pending.pk}/"
    client.force_login(link.user)
    assert client.get(url).status_code == 200

    focal_point = RoleAssignmentFactory(role=Role.FOCAL_POINT, collectivity=pending.seat).user
    client.force_login(focal_point)
    page = client.get(url)
    assert page.status_code == 200
    assert f'href="/ar/admin/accounts/association/{pending.pk}/change/"' in page.content.decode()

    client.force_login(RoleAssignmentFactory(role=Role.FOCAL_POINT).user)  # focal point elsewhere
    assert client.get(url).status_code == 404


def test_once_verified_it_is_public(client):
    association = AssociationFactory()
    focal_point = RoleAssignmentFactory(role=Role.FOCAL_POINT, collectivity=association.seat).user
    association.verify(by=focal_point)
    response = client.get(f"/fr/associations/{association.pk}/")
    assert response.status_code == 200
    assert "tag-ok" in response.content.decode()
    assert association in client.get("/fr/associations/").context["page"].object_list


def test_an_unknown_association_is_a_page_not_found(client):
    response = client.get("/fr/associations/424242/")
    assert response.status_code == 404
    assert "core/404.html" in [t.name for t in response.templates]


# Public pages


def test_the_association_page_shows_what_the_public_needs(client):
    seat = CommuneFactory(name={"ar": "جماعة تسلطانت", "fr": "Commune de Tassoultante"})
    association = verified(
        seat=seat, name={"ar": "جمعية النخيل", "fr": "Association Nakhil"}, registration_date=datetime.date(2012, 3, 4)
    )
    RepresentativeFactory(association=association, user=UserFactory(full_name="Khadija Ait Lahcen"), title="Trésorière")

    html = client.get(f"/fr/associations/{association.pk}/").content.decode()

    assert "Association Nakhil" in html
    assert "Commune de Tassoultante" in html
    assert "2012" in html
    assert "Khadija Ait Lahcen" in html
    assert "Trésorière" in html


def test_public_pages_never_show_an_email_address(client):
    association = verified()
    RepresentativeFactory(association=association, user=UserFactory(email="khadija.private@example.ma"))
    # Someone who gave no name must not be shown by the start of their address either.
    RepresentativeFactory(association=association, user=UserFactory(email="hidden.person@example.ma", full_name=""))

    for url in [f"/ar/associations/{association.pk}/", "/ar/associations/", f"/fr/associations/{association.pk}/"]:
        html = client.get(url).content.decode()
        assert "@" not in html, url
        assert "khadija.private" not in html
        assert "hidden.person" not in html


def test_the_list_shows_only_verified_associations(client):
    shown = verified()
    AssociationFactory()  # pending
    response = client.get("/ar/associations/")
    assert list(response.context["page"].object_list) == [shown]


def test_the_list_filters_by_region_including_communes_and_provinces_in_it(client):
    region = RegionFactory()
    in_commune = verified(seat=CommuneFactory(parent=ProvinceFactory(parent=region)))
    in_province = verified(seat=ProvinceFactory(parent=region))
    in_region = verified(seat=region)
    verified()  # elsewhere

    response = client.get("/fr/associations/", {"region": region.code})

    assert set(response.context["page"].object_list) == {in_commune, in_province, in_region}


def test_the_list_filters_by_seat(client):
    seat = CommuneFactory()
    here = verified(seat=seat)
    verified()
    response = client.get("/fr/associations/", {"seat": seat.code})
    assert list(response.context["page"].object_list) == [here]


def test_an_unknown_filter_value_is_explained_not_a_crash(client):
    verified()
    response = client.get("/fr/associations/", {"region": "NOPE"})
    assert response.status_code == 200
    assert response.context["form"].errors["region"]


def test_the_list_is_paginated(client):
    seat = CommuneFactory()
    for _ in range(31):
        verified(seat=seat)
    first = client.get("/ar/associations/", {"seat": seat.code})
    second = client.get("/ar/associations/", {"seat": seat.code, "page": 2})
    assert len(first.context["page"].object_list) == 30
    assert len(second.context["page"].object_list) == 1
    assert f"seat={seat.code}&amp;page=2" in first.content.decode()


def test_the_list_costs_the_same_number_of_queries_for_3_or_40_associations(client):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/ar/associations/").status_code == 200
        return len(queries)

    for _ in range(3):
        verified()
    few = count()
    for _ in range(37):
        verified()
    assert count() == few


def test_the_association_page_costs_the_same_for_1_or_10_representatives(client):
    association = verified()
    RepresentativeFactory(association=association)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/ar/associations/{association.pk}/").status_code == 200
        return len(queries)

    few = count()
    RepresentativeFactory.create_batch(9, association=association)
    assert count() == few


def test_associations_are_in_the_main_navigation(client):
    html = client.get("/ar/").content.decode()
    assert 'href="/ar/associations/"' in html
