"""The staff pages' shared block: who may edit, and the one way the audit log keeps values before and after."""

import datetime
import zoneinfo

import pytest
from django.contrib.auth.models import Group

from infitah.core.permissions import Refused
from infitah.participation.audit import field_values
from infitah.participation.parts import editable_or_refused
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_object_comes_back_to_those_who_may_and_the_others_are_told_why(citizen, commune_a):
    coordinator = UserFactory(is_superuser=True)
    assert editable_or_refused(coordinator, "participation.moderate", commune_a, "Not you.") is commune_a
    with pytest.raises(Refused) as told:
        editable_or_refused(citizen, "participation.moderate", commune_a, "Not you.")
    assert told.value.reason == "Not you."
    with pytest.raises(Refused) as ruled:
        editable_or_refused(citizen, "participation.moderate", commune_a)
    assert str(ruled.value.reason).startswith("Only the staff of the collectivity concerned")


def test_values_are_kept_as_keys_sorted_keys_and_instants_in_utc(commune_a):
    casablanca = zoneinfo.ZoneInfo("Africa/Casablanca")
    joined = datetime.datetime(2024, 7, 1, 9, 30, tzinfo=casablanca)
    person = UserFactory.build(residence=commune_a, date_joined=joined)
    assert field_values(person, ["groups", "residence", "date_joined"]) == {
        "groups": [],  # not saved yet: no relation to ask about
        "residence": commune_a.pk,
        "date_joined": joined.astimezone(datetime.UTC).isoformat(),
    }
    person.save()
    first, second = Group.objects.create(name="a"), Group.objects.create(name="b")
    person.groups.add(second)
    person.groups.add(first)
    person.refresh_from_db()
    values = field_values(person, ["groups", "date_joined"])
    assert values["groups"] == [first.pk, second.pk]
    assert values["date_joined"] == field_values(UserFactory.build(date_joined=joined), ["date_joined"])["date_joined"]
