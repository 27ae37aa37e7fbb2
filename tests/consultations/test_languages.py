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
