"""People choose a collectivity by its name, in Arabic or French and however they spell it, or by its code; a
name shared by several collectivities is answered with the list to choose from."""

import pytest
from django import forms
from django.utils import translation

from infitah.territories.choosing import CollectivityField, match
from infitah.territories.models import Collectivity
from tests.factories import AdvisoryBodyFactory, CommuneFactory, ProvinceFactory

CANDIDATES = [
    (1, "07", {"ar": "جهة مراكش آسفي", "fr": "Région de Marrakech-Safi"}),
    (2, "04", {"ar": "جهة الرباط سلا القنيطرة", "fr": "Région de Rabat-Salé-Kénitra"}),
    (3, "01003", {"ar": "إقليم تطوان", "fr": "Province de Tétouan"}),
    (4, "05001001", {"ar": "جماعة الدار البيضاء", "fr": "Commune de Casablanca"}),
    (5, "05001", {"ar": "عمالة الدار البيضاء", "fr": "Préfecture de Casablanca"}),
]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("07", [1]),  # the code
        ("جهة مراكش آسفي", [1]),  # the name as written
        ("جهه مراكش اسفي", [1]),  # ة/ه and آ/ا
        ("مراكش آسفي", [1]),  # without "region"
        ("Marrakech-Safi", [1]),
        ("marrakech safi", [1]),  # case and hyphen
        ("Rabat-Sale-Kenitra", [2]),  # no accents
        ("القنيطره", [2]),  # ة typed as ه
        ("اقليم تطوان", [3]),  # إ typed as ا
        ("tetouan", [3]),
        ("TÉTOUAN", [3]),
        ("Casablanca", [4, 5]),  # two collectivities: the person must choose
        ("الدار البيضاء", [4, 5]),
        ("Commune de Casablanca", [4]),  # the full name is exact
        ("جماعة الدار البيضاء", [4]),
        ("Agadir", []),
        ("", []),
    ],
)
def test_a_name_in_any_spelling_or_the_code_finds_the_collectivity(typed, found):
    assert match(typed, CANDIDATES) == found


class ChooseForm(forms.Form):
    collectivity = CollectivityField()


def chosen(typed):
    form = ChooseForm({"collectivity": typed})
    assert form.is_valid(), form.errors
    return form.cleaned_data["collectivity"]


@pytest.mark.django_db
def test_the_field_finds_the_region_however_it_is_spelt():
    for typed in ("07", "جهة مراكش آسفي", "مراكش اسفي", "Marrakech-Safi", "marrakech safi"):
        assert chosen(typed).code == "07", typed
    assert chosen("") is None


@pytest.mark.django_db
def test_an_ambiguous_name_lists_the_choices_and_an_unknown_one_says_so():
    province = ProvinceFactory(code="P-LAR", name={"ar": "إقليم العرائش", "fr": "Province de Larache"})
    commune = CommuneFactory(code="C-LAR", parent=province, name={"ar": "جماعة العرائش", "fr": "Commune de Larache"})
    with translation.override("en"):
        form = ChooseForm({"collectivity": "larache"})
        assert not form.is_valid()
        (message,) = form.errors["collectivity"]
    assert "Several collectivities match “larache”" in message
    assert "Province de Larache (P-LAR)" in message or "إقليم العرائش (P-LAR)" in message
    assert "(C-LAR)" in message
    assert chosen("جماعة العرائش") == commune
    assert chosen("C-LAR") == commune
    with translation.override("en"):
        form = ChooseForm({"collectivity": "Atlantide"})
        assert not form.is_valid()
        assert form.errors["collectivity"] == ["No territorial collectivity is named or coded “Atlantide”."]


@pytest.mark.django_db
def test_the_bodies_and_consultations_filters_take_a_name_and_keep_it_on_error(client):
    region = Collectivity.objects.get(code="07")
    AdvisoryBodyFactory(collectivity=region, name={"ar": "هيئة المساواة", "fr": "Instance de l'égalité"})
    AdvisoryBodyFactory(name={"ar": "هيئة أخرى", "fr": "Autre instance"})
    html = client.get("/fr/bodies/", {"collectivity": "مراكش اسفي"}).content.decode()
    assert "Instance de l&#x27;égalité" in html and "Autre instance" not in html
    assert '<datalist id="id_collectivity-choices">' in html and "Région de Marrakech-Safi" in html
    html = client.get("/fr/bodies/", {"collectivity": "Atlantide"}).content.decode()
    assert "Aucune collectivité territoriale ne porte le nom ou le code « Atlantide »." in html
    assert 'value="Atlantide"' in html, "what was typed stays in the field"
    html = client.get("/fr/consultations/", {"collectivity": "Marrakech Safi"}).content.decode()
    assert 'value="Marrakech Safi"' in html and "errorlist" not in html
