"""Signing through the form: the law's declarations, the ID number checked with the core's message and never
written back into a page once the signature is given, one signature per person, the communes of the council only,
a verified e-mail address, limits per account and per address, and withdrawing before the deposit."""

import pytest
from django.urls import reverse

from infitah.petitions.models import Signature
from tests.factories import UserFactory
from tests.petitions.factories import signed
from tests.petitions.pages import collecting, deposited

pytestmark = pytest.mark.django_db


def sign_url(petition):
    return reverse("petitions:sign", args=[petition.pk])


def form(people, **fields):
    return {
        "full_name": "Amina Alaoui",
        "national_id": "AB123456",
        "basis": "residence",
        "commune": people.commune_a.pk,
        "confirm": "on",
        **fields,
    }


def test_a_signature_is_counted_and_the_number_never_comes_back(client, people):
    petition = collecting(people)
    client.force_login(people.signer())
    response = client.post(sign_url(petition), form(people), follow=True)
    html = response.content.decode()
    assert "Your signature is counted" in html and "1 signature of 100 required" in html
    assert "AB123456" not in html and "AB••••56" not in html
    assert Signature.objects.get(petition=petition).id_masked == "AB••••56"


def test_a_malformed_number_is_explained_and_shown_again_only_in_the_signers_field(client, people):
    petition = collecting(people)
    client.force_login(people.signer())
    response = client.post(sign_url(petition), form(people, national_id="123456", full_name="Amina <b>A</b>"))
    html = response.content.decode()
    assert "one or two letters followed by digits, for example AB123456" in html
    assert 'name="national_id"' in html and 'value="123456"' in html
    assert html.count("123456") - html.count("AB123456") == 1  # only in the field (the message's example aside)
    assert not Signature.objects.exists()


def test_signing_twice_is_refused_clearly(client, people):
    petition = collecting(people)
    signed(petition, people.signer(), "ab-123456", people.commune_a)
    client.force_login(people.signer())
    html = client.post(sign_url(petition), form(people)).content.decode()
    assert "one signature per person" in html
    assert Signature.objects.count() == 1
    client.post(sign_url(petition), form(people, national_id="CD1"))
    html = client.get(sign_url(petition), follow=True).content.decode()
    assert "You have signed this petition." in html
    html = client.post(sign_url(petition), form(people, national_id="CD2")).content.decode()
    assert "one signature per person" in html and Signature.objects.count() == 2


def test_only_the_communes_of_the_council_are_offered_and_accepted(client, people):
    petition = collecting(people, people.region)
    client.force_login(people.signer())
    html = client.get(sign_url(petition)).content.decode()
    assert f'value="{people.commune_1.pk}"' in html and f'value="{people.commune_2.pk}"' in html
    assert f'value="{people.commune_a.pk}"' not in html
    response = client.post(sign_url(petition), form(people, commune=people.commune_a.pk))
    assert "Select a valid choice" in response.content.decode() and not Signature.objects.exists()


def test_a_deposited_petition_and_an_unverified_account_cannot_sign(client, people):
    petition = deposited(people)
    client.force_login(people.signer())
    response = client.post(sign_url(petition), form(people, national_id="QQ1"), follow=True)
    assert "not open for signatures" in response.content.decode()
    assert not Signature.objects.filter(id_masked="QQ1").exists()
    open_one = collecting(people)
    client.force_login(UserFactory())
    html = client.post(sign_url(open_one), form(people)).content.decode()
    assert "verified e-mail address" in html and not Signature.objects.filter(petition=open_one).exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, people):
    petition = collecting(people)
    response = client.get(sign_url(petition))
    assert response.status_code == 302 and "login" in response.url


def test_signatures_are_limited_per_account_and_per_address(client, people, settings):
    settings.INFITAH_SIGNING_LIMITS = {"per_account": 2, "per_address": 3}
    petitions = [collecting(people) for _ in range(4)]
    signer = people.signer()
    client.force_login(signer)
    for i, petition in enumerate(petitions[:2]):
        client.post(sign_url(petition), form(people, national_id=f"AB{i + 1}"))
    html = client.post(sign_url(petitions[2]), form(people, national_id="AB9")).content.decode()
    assert "Too many signatures from your account or your connection" in html
    assert Signature.objects.filter(signer=signer).count() == 2
    client.force_login(people.signer())  # another account from the same address: one more, then the address's limit
    client.post(sign_url(petitions[2]), form(people, national_id="CD1"))
    html = client.post(sign_url(petitions[3]), form(people, national_id="CD2")).content.decode()
    assert "Too many signatures" in html
    assert Signature.objects.count() == 3


def test_a_signer_withdraws_before_the_deposit_not_after(client, people):
    petition = collecting(people)
    signer = people.signer()
    signed(petition, signer, "AB1", people.commune_a)
    client.force_login(signer)
    html = client.post(reverse("petitions:unsign", args=[petition.pk]), follow=True).content.decode()
    assert "Your signature is withdrawn" in html and not Signature.objects.exists()
    petition = deposited(people)
    signer = Signature.objects.filter(petition=petition).first().signer
    client.force_login(signer)
    html = client.post(reverse("petitions:unsign", args=[petition.pk]), follow=True).content.decode()
    assert "only be withdrawn while the petition collects signatures" in html
    assert Signature.objects.filter(petition=petition, signer=signer).exists()
