"""What a reader of a consultation sees in each language: a plain title, status words as adjectives, people's
names isolated from the sentence around them, Arabic plurals."""

import re

import pytest

from tests.consultations.factories import ConsultationFactory

pytestmark = pytest.mark.django_db


def title_of(page):
    return re.search(r"<title>(.*?)</title>", page, re.S).group(1)


def test_the_title_of_a_consultation_in_another_language_is_plain_text(client, program):
    consultation = ConsultationFactory(program=program, title={"ar": "استشارة حول الميزانية"})
    page = client.get(consultation.get_absolute_url()).content.decode()  # an English page
    assert "<" not in title_of(page)
    assert "استشارة حول الميزانية" in title_of(page)
    # In the page itself, the Arabic title is marked as Arabic, right to left.
    assert '<h1><span lang="ar" dir="rtl">استشارة حول الميزانية</span></h1>' in page


@pytest.mark.parametrize(
    ("language", "adjective", "verb"), [("ar", "مفتوحة", "فتح"), ("fr", "Ouverte", "Ouvrir"), ("en", "Open", None)]
)
def test_an_open_consultation_is_tagged_with_the_adjective_not_the_verb(
    client, consultation, language, adjective, verb
):
    for address in (f"/{language}/consultations/", f"/{language}/consultations/{consultation.pk}/"):
        page = client.get(address).content.decode()
        assert f'<span class="tag tag-ok">{adjective}</span>' in page
        if verb:
            assert f">{verb}<" not in page


@pytest.mark.parametrize(("language", "adjective"), [("ar", "مغلقة"), ("fr", "Clôturée")])
def test_a_closed_consultation_is_tagged_closed(client, consultation, language, adjective):
    import datetime

    from django.utils import timezone

    consultation.opens_at = timezone.now() - datetime.timedelta(days=20)
    consultation.closes_at = timezone.now() - datetime.timedelta(hours=1)
    consultation.save()
    page = client.get(f"/{language}/consultations/{consultation.pk}/").content.decode()
    assert f'<span class="tag">{adjective}</span>' in page
    # The state filter of the list offers the same adjectives.
    listing = client.get(f"/{language}/consultations/").content.decode()
    assert f">{adjective}</option>" in listing


def test_an_arabic_name_on_a_french_page_is_isolated_from_the_date_beside_it(client, consultation):
    from tests.consultations.factories import ContributionFactory
    from tests.factories import UserFactory

    author = UserFactory(full_name="يوسف العمراني")
    contribution = ContributionFactory(consultation=consultation, author=author)
    for address in (contribution.get_absolute_url().replace("/en/", "/fr/"), f"/fr/consultations/{consultation.pk}/"):
        page = client.get(address).content.decode()
        assert "<bdi>يوسف العمراني</bdi> · <time" in page


@pytest.mark.parametrize(
    ("count", "shown", "not_shown"),
    [
        (1, "<p>مساهمة واحدة حتى الآن.", "1 مساهمة"),
        (2, "<p>مساهمتان حتى الآن.", "2 مساهمتان"),
        (3, "<p>3 مساهمات حتى الآن.", None),
        (11, "<p>11 مساهمة حتى الآن.", None),
    ],
)
def test_arabic_counts_of_contributions_use_the_arabic_plural_forms(client, consultation, count, shown, not_shown):
    from tests.consultations.factories import ContributionFactory

    ContributionFactory.create_batch(count, consultation=consultation)
    page = client.get(f"/ar/consultations/{consultation.pk}/").content.decode()
    assert shown in page
    if not_shown:
        assert not_shown not in page


def test_arabic_pages_write_dates_with_the_arabic_comma(client, consultation):
    page = client.get(f"/ar/consultations/{consultation.pk}/").content.decode()
    dates = re.search(r'<p class="consultation-dates">(.*?)</p>', page, re.S).group(1)
    assert re.search(r"\d{4}، \d{2}:\d{2}", dates)
    assert not re.search(r"\d, \d", dates)
    french = client.get(f"/fr/consultations/{consultation.pk}/").content.decode()
    assert re.search(
        r"\d{4}, \d{2}:\d{2}", re.search(r'<p class="consultation-dates">(.*?)</p>', french, re.S).group(1)
    )


def test_what_people_write_takes_its_own_direction(client, consultation):
    from tests.consultations.factories import ContributionFactory

    contribution = ContributionFactory(consultation=consultation, body="Publier le budget chaque année.")
    page = client.get(contribution.get_absolute_url().replace("/en/", "/ar/")).content.decode()
    assert '<div class="contribution-body pre-line" dir="auto">Publier le budget chaque année.</div>' in page
