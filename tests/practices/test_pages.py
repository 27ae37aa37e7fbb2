"""The library's pages as visitors, staff and coordinators read them: what is public, what stays private, what each
may do, escaped text, and query counts that do not grow with the rows."""

import pytest
from django.urls import reverse
from django.utils import translation

from infitah.practices.models import Adoption, Practice
from infitah.practices.states import Status
from tests.clients import page, queries
from tests.factories import CommuneFactory, MembershipFactory, RegionFactory
from tests.practices.factories import adoption_of, commitment_of, practice_in

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"
LIST = reverse("practices:list")


def detail(practice):
    return reverse("practices:detail", args=[practice.pk])


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.WITHDRAWN])
def test_a_practice_not_published_is_invisible_to_the_public_and_to_other_members(client, people, status):
    practice = practice_in(people.commune_a, status, title={"fr": "Pratique privée"})
    assert "Pratique privée" not in page(client, LIST)
    page(client, detail(practice), status=404)
    for outsider in (people.other_focal_point, people.citizen, people.council_member):
        client.force_login(outsider)
        page(client, detail(practice), status=404)
    for insider in (people.editor, people.coordinator):
        client.force_login(insider)
        assert "Pratique privée" in page(client, detail(practice))


def test_absurd_ids_are_not_found(client, people):
    page(client, "/en/practices/999999999/", status=404)
    page(client, "/en/practices/99999999999999999999999/", status=404)


def test_the_public_reads_a_published_practice_with_its_documents_and_adoptions(client, people):
    practice = practice_in(people.commune_a, Status.PUBLISHED, title={"fr": "Ateliers de co-création"})
    adopter = CommuneFactory(name={"fr": "Commune adoptante"})
    adoption_of(practice, adopter, commitment_of(adopter))
    html = page(client, detail(practice))
    assert "Ateliers de co-création" in html and "Commune adoptante" in html
    assert 'class="comment-form' in html or "Log in" in html  # the shared comments, open once published


def test_every_text_typed_by_people_is_escaped(client, people):
    practice = practice_in(
        people.commune_a,
        Status.PUBLISHED,
        title={"fr": SCRIPT},
        summary={"fr": SCRIPT},
        context={"fr": SCRIPT},
        partners={"fr": SCRIPT},
        results={"fr": SCRIPT},
        contact_name=SCRIPT,
    )
    adopter = CommuneFactory()
    Adoption.objects.create(practice=practice, collectivity=adopter, commitment=commitment_of(adopter), note=SCRIPT)
    for url in (detail(practice), LIST):
        html = page(client, url)
        assert "<script>alert" not in html and "&lt;script&gt;alert" in html


def test_the_list_filters_by_principle_kind_region_collectivity_and_folded_words(client, people):
    region = RegionFactory()
    in_region = CommuneFactory(parent=region)
    practice_in(
        in_region,
        Status.PUBLISHED,
        title={"ar": "المساءلة في الميزانية"},
        principles=["accountability"],
    )
    practice_in(people.commune_a, Status.PUBLISHED, title={"fr": "Café citoyen"}, principles=["citizen_participation"])
    assert "المساءلة" in page(client, LIST + "?q=المسائلة")  # the seed's two spellings
    assert "Café citoyen" in page(client, LIST + "?q=cafe")
    assert "Café citoyen" not in page(client, LIST + "?principle=accountability")
    assert "المساءلة" in page(client, LIST + f"?region={region.code}")
    assert "Café citoyen" not in page(client, LIST + f"?region={region.code}")
    assert "Café citoyen" in page(client, LIST + f"?collectivity={people.commune_a.code}")
    with translation.override("en"):
        english_list = reverse("practices:list")
    assert "No practice matches" in page(client, english_list + "?kind=region")


def test_nonsense_filters_are_ignored_not_an_error(client, people):
    practice_in(people.commune_a, Status.PUBLISHED, title={"fr": "Visible"})
    assert "Visible" in page(client, LIST + "?principle=%27;DROP&region=zzz&page=-4")
    page(client, LIST + "?q=" + "x" * 5000)


def test_the_list_costs_the_same_queries_for_2_or_25_practices(client, people, django_assert_max_num_queries):
    for _n in range(2):
        adoption_of(practice_in(people.commune_a, Status.PUBLISHED), CommuneFactory())
    few = queries(client, LIST)
    for _n in range(23):
        adoption_of(practice_in(CommuneFactory(), Status.PUBLISHED), CommuneFactory())
    with django_assert_max_num_queries(few):
        client.get(LIST)


def test_a_practice_page_costs_the_same_queries_for_1_or_8_adoptions(client, people, django_assert_max_num_queries):
    practice = practice_in(people.commune_a, Status.PUBLISHED)
    adoption_of(practice, CommuneFactory())
    client.force_login(people.citizen)
    few = queries(client, detail(practice))
    for _n in range(7):
        adoption_of(practice, CommuneFactory())
    with django_assert_max_num_queries(few):
        client.get(detail(practice))


def test_staff_write_a_draft_and_submit_it_and_a_coordinator_publishes_it(client, people):
    client.force_login(people.editor)
    response = client.post(
        reverse("practices:submit"),
        {
            "collectivity": people.commune_a.pk,
            "title_0": "ورشات الخلق المشترك",
            "summary_0": "ورشات مع المجتمع المدني",
            "principles": ["citizen_participation"],
            "contact_name": "Service de la communication",
            "contact_address": "communication@commune.example",
        },
    )
    practice = Practice.objects.get()
    assert response.status_code == 302 and practice.status == Status.DRAFT
    client.post(reverse("practices:act", args=[practice.pk, "submit"]))
    practice.refresh_from_db()
    assert practice.status == Status.SUBMITTED
    client.force_login(people.coordinator)
    assert "ورشات الخلق المشترك" in page(client, reverse("accounts:home"))  # waiting for the coordinator
    client.post(reverse("practices:act", args=[practice.pk, "publish"]))
    practice.refresh_from_db()
    assert practice.status == Status.PUBLISHED
    client.logout()
    assert "ورشات الخلق المشترك" in page(client, LIST)


def test_staff_of_b_cannot_write_for_a_nor_open_a_practice_of_a_to_change_it(client, people):
    client.force_login(people.other_focal_point)
    response = client.post(
        reverse("practices:submit"),
        {"collectivity": people.commune_a.pk, "title_1": "Forged", "summary_1": "x", "principles": ["transparency"]},
    )
    assert response.status_code == 200 and not Practice.objects.exists()
    draft = practice_in(people.commune_a)
    page(client, reverse("practices:edit", args=[draft.pk]), status=404)
    published = practice_in(people.commune_a, Status.PUBLISHED)
    page(client, reverse("practices:edit", args=[published.pk]), status=404)
    client.post(reverse("practices:act", args=[published.pk, "withdraw"]), {"note": "forged"})
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED


def test_citizens_and_visitors_may_not_write_practices(client, people):
    page(client, reverse("practices:submit"), status=302)  # to the login page
    client.force_login(people.citizen)
    page(client, reverse("practices:submit"), status=404)


def test_a_returned_practice_shows_its_note_to_its_staff_and_waits_for_them(client, people):
    practice = practice_in(
        people.commune_a, Status.RETURNED, review_note="Ajoutez les résultats.", submitted_by=people.editor
    )
    client.force_login(people.editor)
    assert "Ajoutez les résultats." in page(client, detail(practice))
    from infitah.practices import waiting

    assert [item.url for item in waiting.returned(people.editor)] == [detail(practice)]
    assert waiting.returned(people.other_focal_point) == []
    assert waiting.to_review(people.editor) == []


def test_the_adoption_form_offers_only_ones_own_commitments_and_refuses_a_forged_one(client, people):
    practice = practice_in(people.commune_a, Status.PUBLISHED)
    own = commitment_of(people.commune_b)
    others = commitment_of(people.commune_a)
    client.force_login(people.other_focal_point)
    url = reverse("practices:adopt", args=[practice.pk])
    html = page(client, url)
    assert f'value="{own.pk}"' in html and f'value="{others.pk}"' not in html
    response = client.post(url, {"collectivity": people.commune_b.pk, "commitment": others.pk, "note": "x"})
    assert response.status_code == 200 and not Adoption.objects.exists()
    response = client.post(url, {"collectivity": people.commune_a.pk, "commitment": own.pk})
    assert response.status_code == 200 and not Adoption.objects.exists()
    response = client.post(url, {"collectivity": people.commune_b.pk, "commitment": own.pk, "note": "Adapté."})
    assert response.status_code == 302
    assert Adoption.objects.get().commitment == own


def test_the_commitment_page_says_it_was_adapted_from_the_practice(client, people):
    practice = practice_in(people.commune_a, Status.PUBLISHED, title={"fr": "Budget participatif"})
    commitment = commitment_of(people.commune_b)
    adoption_of(practice, people.commune_b, commitment)
    html = page(client, reverse("programs:commitment", args=[commitment.pk]))
    assert "Adapted from the practice" in html and "Budget participatif" in html
    practice.status = Status.WITHDRAWN
    practice.save()
    assert "Budget participatif" not in page(client, reverse("programs:commitment", args=[commitment.pk]))


def test_a_members_page_shows_what_it_shared_and_adopted(client, people, django_assert_max_num_queries):
    MembershipFactory(collectivity=people.commune_b)
    practice_in(people.commune_b, Status.PUBLISHED, title={"fr": "Partagée par B"})
    practice_in(people.commune_b, Status.DRAFT, title={"fr": "Brouillon de B"})
    adoption_of(practice_in(people.commune_a, Status.PUBLISHED, title={"fr": "Adoptée par B"}), people.commune_b)
    url = reverse("territories:member", args=[people.commune_b.code])
    html = page(client, url)
    assert "Partagée par B" in html and "Adoptée par B" in html and "Brouillon de B" not in html
    few = queries(client, url)
    for _n in range(6):
        practice_in(people.commune_b, Status.PUBLISHED)
        adoption_of(practice_in(CommuneFactory(), Status.PUBLISHED), people.commune_b)
    with django_assert_max_num_queries(few):
        client.get(url)
