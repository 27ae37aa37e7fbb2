"""People who attended a training download a participation certificate in Arabic or French."""

import subprocess

import pytest

from infitah.events.models import EventKind
from tests.events.factories import EventFactory, RegistrationFactory, in_days
from tests.refusals import refused

# pdftotext comes from poppler-utils, which .ci/run installs: a machine without it fails here, loudly.
pytestmark = pytest.mark.django_db


def text_of(pdf):
    command = ["/usr/bin/pdftotext", "-", "-"]
    result = subprocess.run(command, input=pdf, capture_output=True, check=True)  # noqa: S603 - fixed command
    return result.stdout.decode()


@pytest.fixture
def training(people):
    return EventFactory(
        collectivity=people.commune_a,
        kind=EventKind.TRAINING,
        title={"ar": "تكوين حول الحكومة المنفتحة", "fr": "Formation sur le gouvernement ouvert"},
        starts_at=in_days(-10, 10),
        ends_at=in_days(-10, 12),
    )


def test_an_attendee_gets_the_certificate_in_french_and_arabic(client, people, training):
    people.citizen.full_name = "Fatima Zahra"
    people.citizen.save()
    RegistrationFactory(event=training, user=people.citizen, attended=True)
    client.force_login(people.citizen)

    french = client.get(f"/en/events/{training.pk}/certificate/fr/")
    assert french["Content-Type"] == "application/pdf"
    text = text_of(french.content)
    assert "Fatima Zahra" in text and "Formation sur le gouvernement ouvert" in text

    arabic = text_of(client.get(f"/en/events/{training.pk}/certificate/ar/").content)
    assert "تكوين" in arabic and "حول" in arabic


def test_no_certificate_without_attendance_or_for_a_workshop(client, people, training):
    RegistrationFactory(event=training, user=people.citizen, attended=False)
    client.force_login(people.citizen)
    reason = "A certificate is given to the people who attended a training."
    refused(client.get(f"/en/events/{training.pk}/certificate/fr/"), reason)
    workshop = EventFactory(kind=EventKind.WORKSHOP)
    RegistrationFactory(event=workshop, user=people.citizen, attended=True)
    refused(client.get(f"/en/events/{workshop.pk}/certificate/fr/"), reason)
