"""What the platform holds about a person, for "download my data" and "delete my account" (law 09-08: the
rights of access, rectification and opposition).

Each app that keeps something about a person declares it in its capability (core.capabilities), in one entry:
a key, a function returning JSON-ready data for a user, and optionally a function erasing what must go when the
account is deleted. Contributions and comments stay (a consultation's record is public), shown under
"former participant"; the account itself is then emptied by `delete_account`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from infitah.core.capabilities import accepts


@dataclass(frozen=True)
class PersonalData:
    key: str
    export: Callable
    erase: Callable | None = None
    order: int = 100


registry: dict[str, PersonalData] = {}


def register(entry):
    registry[entry.key] = entry


accepts(PersonalData, register)


def ordered():
    return sorted(registry.values(), key=lambda entry: (entry.order, entry.key))


def rows(queryset, fields):
    """Plain values of the given fields (related objects as their id, dates in ISO 8601) for the export."""
    return [
        {field: value.isoformat() if hasattr(value, "isoformat") else value for field, value in row.items()}
        for row in queryset.values(*fields)
    ]


def export(user):
    data = {"generated_at": timezone.now().isoformat(), "platform": "Infitah"}
    for entry in ordered():
        data[entry.key] = entry.export(user)
    return data


ERASED_EMAIL_DOMAIN = "former-participant.invalid"


def delete_account(user):
    """Erase the person's personal data and close the account; what they contributed stays, anonymous.

    The user row is kept (contributions and comments point to it) but holds nothing personal any more. Its
    password becomes unusable, which also ends every session the person had open: Django checks a hash of the
    password on each request of a session.
    """
    with transaction.atomic():
        for entry in ordered():
            if entry.erase is not None:
                entry.erase(user)
        user.email = f"erased-{user.pk}@{ERASED_EMAIL_DOMAIN}"
        user.full_name = ""
        user.residence = None
        user.gender = ""
        user.age_band = ""
        user.is_active = False
        user.is_staff = False
        user.is_superuser = False
        user.set_unusable_password()
        user.save()
        user.groups.clear()
        user.user_permissions.clear()
