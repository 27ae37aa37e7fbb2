"""The accounts app's part of a person's data (see accounts/personal_data.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from allauth.account.models import EmailAddress

from infitah.accounts.models import Representative, RoleAssignment
from infitah.accounts.personal_data import PersonalData, rows

if TYPE_CHECKING:
    from infitah.accounts.models import User


def export_account(user: User) -> dict[str, Any]:
    return {
        "email": user.email,
        "full_name": user.full_name,
        "preferred_language": user.preferred_language,
        "residence": user.residence_id,
        "gender": user.gender,
        "age_band": user.age_band,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "email_addresses": rows(EmailAddress.objects.filter(user=user), ["email", "verified", "primary"]),
    }


def export_roles(user: User) -> list[dict[str, Any]]:
    return rows(RoleAssignment.objects.filter(user=user), ["role", "collectivity", "granted_at"])


def export_representations(user: User) -> list[dict[str, Any]]:
    return rows(Representative.objects.filter(user=user), ["association", "title"])


def erase(user: User) -> None:
    RoleAssignment.objects.filter(user=user).delete()
    Representative.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()


PERSONAL_DATA = (
    PersonalData("account", export_account, erase, order=0),
    PersonalData("roles", export_roles, order=1),
    PersonalData("associations_represented", export_representations, order=2),
)
