"""A participant who completed a course downloads its certificate in Arabic or French, with a verification code that
anyone may check: the name, the course and the date, nothing else."""

import subprocess

import pytest

from infitah.training import services
from tests.refusals import refused
from tests.training.factories import CourseFactory, attended, enrolment, session

pytestmark = pytest.mark.django_db


def text_of(pdf):
    command = ["/usr/bin/pdftotext", "-", "-"]
    result = subprocess.run(command, input=pdf, capture_output=True, check=True)  # noqa: S603 - fixed command
    return result.stdout.decode()


@pytest.fixture
def completed(people):
    people.trainee.full_name = "Fatima Zahra Idrissi"
    people.trainee.email = "fatima.idrissi@example.ma"
    people.trainee.save()
    course = CourseFactory(
        collectivity=people.commune_a,
        title={"ar": "الحق في الحصول على المعلومات", "fr": "Accès à l'information et loi 31-13"},
    )
    attended(session(course), people.trainee)
    services.enrol(people.trainee, course)
    services.confirm_completions(people.editor, course)
    row = course.enrolments.get()
    return course, row


def test_the_certificate_in_french_and_arabic_names_the_person_course_date_and_code(client, people, completed):
    course, row = completed
    client.force_login(people.trainee)
    french = client.get(f"/fr/training/{course.pk}/certificate/fr/")
    assert french["Content-Type"] == "application/pdf"
    text = text_of(french.content)
    assert "Fatima Zahra Idrissi" in text and "Accès à l'information et loi 31-13" in text
    assert row.certificate_code in text
    assert f"{row.completed_at:%Y}" in text and str(row.completed_at.day) in text
    arabic = text_of(client.get(f"/ar/training/{course.pk}/certificate/ar/").content)
    assert "الحصول" in arabic and row.certificate_code in arabic and "Fatima Zahra Idrissi" in arabic


def test_no_certificate_for_a_person_who_has_not_completed(client, people):
    course = CourseFactory(collectivity=people.commune_a)
    event = session(course)
    enrolment(course, people.trainee)
    attended(event, people.trainee, came=False)
    reason = "A course certificate is given to the people who completed the course."
    client.force_login(people.trainee)
    refused(client.get(f"/en/training/{course.pk}/certificate/fr/"), reason)
    # Attendance that completes the course is not yet a certificate: the organiser confirms it first.
    attended(session(course), people.representative)
    enrolment(course, people.representative)
    client.force_login(people.representative)
    refused(client.get(f"/en/training/{course.pk}/certificate/fr/"), reason)
    # Nor does the organiser download someone else's.
    client.force_login(people.editor)
    refused(client.get(f"/en/training/{course.pk}/certificate/fr/"), reason)


def test_a_certificate_exists_only_in_arabic_and_french(client, people, completed):
    course, _row = completed
    client.force_login(people.trainee)
    assert client.get(f"/fr/training/{course.pk}/certificate/en/").status_code == 404


def test_the_verify_page_confirms_name_course_and_date_and_nothing_else(client, people, completed):
    course, row = completed
    html = client.get(f"/fr/training/verify/{row.certificate_code}/").content.decode()
    assert "Fatima Zahra Idrissi" in html and "Accès à l&#x27;information et loi 31-13" in html
    assert "fatima.idrissi" not in html and "example.ma" not in html
    assert f"/network/members/{people.commune_a.code}" not in html  # nor where the person works
    # A lower-case code, as typed, is the same certificate.
    assert client.get(f"/fr/training/verify/{row.certificate_code.lower()}/").status_code == 200


def test_an_unknown_code_says_so(client, people):
    response = client.get("/en/training/verify/ABCD-EFGH-JKLM/")
    assert response.status_code == 404 and "No certificate has the code" in response.content.decode()
    long = client.get("/en/training/verify/" + "A" * 300 + "/")
    # The page repeats at most 20 characters of what was typed.
    assert long.status_code == 404 and f'<code dir="ltr">{"A" * 20}</code>' in long.content.decode()
