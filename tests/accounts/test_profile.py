"""A signed-in person keeps their profile: name, language, commune, and optional statistics facts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from infitah.accounts.models import Role
from tests.factories import (
    CommuneFactory,
    RegionFactory,
    RepresentativeFactory,
    RoleAssignmentFactory,
)

pytestmark = pytest.mark.django_db


def profile_data(**changes):
    data = {"full_name": "Amina Idrissi", "preferred_language": "ar", "residence": "", "gender": "", "age_band": ""}
    data.update(changes)
    return data


def test_the_profile_needs_a_signed_in_person(client):
    response = client.get("/ar/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"] == "/ar/accounts/login/?next=/ar/accounts/profile/"


def test_saving_the_profile_stores_every_field(client, verified_user):
    commune = CommuneFactory()
    client.force_login(verified_user)
    response = client.post(
        "/ar/accounts/profile/",
        profile_data(full_name="Amina El Idrissi", residence=commune.pk, gender="female", age_band="25_34"),
    )
    assert response.status_code == 302
    verified_user.refresh_from_db()
    assert verified_user.full_name == "Amina El Idrissi"
    assert verified_user.residence == commune
    assert (verified_user.gender, verified_user.age_band) == ("female", "25_34")


def test_gender_and_age_band_are_optional_and_explained(client, verified_user):
    client.force_login(verified_user)
    page = client.get("/ar/accounts/profile/")
    html = page.content.decode()
    assert 'aria-describedby="statistics-note"' in html
    assert 'id="statistics-note"' in html
    assert not page.context["form"].fields["gender"].required
    assert not page.context["form"].fields["age_band"].required

    response = client.post("/ar/accounts/profile/", profile_data(gender="", age_band=""))
    assert response.status_code == 302


def test_choosing_french_redirects_to_the_french_profile_and_is_remembered(client, verified_user):
    client.force_login(verified_user)
    response = client.post("/ar/accounts/profile/", profile_data(preferred_language="fr"))
    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/profile/"
    assert client.cookies["django_language"].value == "fr"
    verified_user.refresh_from_db()
    assert verified_user.preferred_language == "fr"

    page = client.get(response["Location"])
    assert '<html lang="fr" dir="ltr">' in page.content.decode()
    assert client.get("/")["Location"] == "/fr/"


def test_languages_are_offered_under_their_own_names(client, verified_user):
    client.force_login(verified_user)
    html = client.get("/fr/accounts/profile/").content.decode()
    for name in ["العربية", "Français", "English", "ⵜⴰⵎⴰⵣⵉⵖⵜ"]:
        assert name in html


@pytest.mark.parametrize(
    ("field", "value"),
    [("residence", "region"), ("residence", "999999"), ("preferred_language", "de"), ("gender", "other")],
)
def test_bad_input_is_refused_keeps_what_was_typed_and_saves_nothing(client, verified_user, field, value):
    if value == "region":
        value = RegionFactory().pk  # a region is not a commune of residence
    client.force_login(verified_user)
    response = client.post("/ar/accounts/profile/", profile_data(full_name="Typed Name", **{field: value}))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    html = response.content.decode()
    assert 'value="Typed Name"' in html
    assert f'id="id_{field}_error"' in html
    verified_user.refresh_from_db()
    assert verified_user.full_name == "Amina Idrissi"


def test_the_profile_lists_roles_and_represented_associations(client, verified_user):
    commune = CommuneFactory(name={"ar": "جماعة تامنصورت", "fr": "Commune de Tamansourt"})
    RoleAssignmentFactory(user=verified_user, role=Role.EDITOR, collectivity=commune)
    RoleAssignmentFactory(user=verified_user, role=Role.NETWORK_COORDINATOR, collectivity=None)
    link = RepresentativeFactory(user=verified_user, title="présidente")
    client.force_login(verified_user)

    html = client.get("/fr/accounts/profile/").content.decode()

    assert "Commune de Tamansourt" in html
    assert str(Role.EDITOR.label) in html
    assert str(Role.NETWORK_COORDINATOR.label) in html
    assert f'href="/fr/associations/{link.association.pk}/"' in html
    assert "présidente" in html
    assert 'href="/fr/admin/"' in html, "staff find their way to the back office"


def test_the_profile_page_costs_the_same_whatever_one_holds(client, verified_user):
    client.force_login(verified_user)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/ar/accounts/profile/").status_code == 200
        return len(queries)

    RoleAssignmentFactory(user=verified_user, role=Role.EDITOR)
    RepresentativeFactory(user=verified_user)
    few = count()
    for _ in range(5):
        RoleAssignmentFactory(user=verified_user, role=Role.EDITOR)
        RepresentativeFactory(user=verified_user)
    assert count() == few
