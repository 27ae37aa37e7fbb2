"""What bench/load.py's simulated people need, in the cluster's database: the demo data (`infitah demo --no-serve`),
accounts with one known password, and the plan of what they visit (public pages, open contributions, events open to
registration, published reports). Django must be set up for the cluster's environment before calling these."""

from __future__ import annotations

import io
from typing import Any

PASSWORD = "load test passphrase 2026"  # noqa: S105 - throw-away accounts of a throw-away database
ACCOUNTS = 300


def seed_accounts(count: int = ACCOUNTS) -> list[str]:
    """`count` verified accounts sharing one password hash: hashing once, not `count` times, keeps seeding quick."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password

    from infitah.accounts.models import User

    password = make_password(PASSWORD)
    emails = [f"load{number}@example.ma" for number in range(count)]
    users = User.objects.bulk_create(
        [User(email=email, full_name=f"Load {number}", password=password) for number, email in enumerate(emails)]
    )
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users]
    )
    return emails


def plan(emails: list[str]) -> dict[str, Any]:
    """The targets of the load mix, chosen the way the platform itself decides (its gates and permissions)."""
    from django.utils import timezone

    from infitah.accounts.models import User
    from infitah.consultations.gate import contribution_gate
    from infitah.consultations.models import Consultation, Contribution
    from infitah.core.permissions import can
    from infitah.events.forms import Category
    from infitah.events.models import Event
    from infitah.territories.models import Membership

    someone = User.objects.get(email=emails[0])
    open_contributions = [
        contribution
        for contribution in Contribution.objects.select_related("consultation").order_by("pk")[:400]
        if contribution_gate(someone, contribution, "comment") is None
    ][:20]
    now = timezone.now()
    events = [
        event.pk
        for event in Event.objects.order_by("pk")
        if event.registration_open(now) and can(someone, "events.register", event)
    ]
    anonymous = None
    reports = [
        f"/en/consultations/{consultation.pk}/report.csv"
        for consultation in Consultation.objects.order_by("pk")
        if can(anonymous, "consultations.view_report", consultation)
    ]
    members = [
        f"/en/network/members/{membership.collectivity.code}/"
        for membership in Membership.objects.select_related("collectivity").order_by("pk")[:10]
    ]
    consultations = [f"/en/consultations/{pk}/" for pk in Consultation.objects.values_list("pk", flat=True)[:5]]
    event_pages = [f"/en/events/{pk}/" for pk in Event.objects.values_list("pk", flat=True)[:5]]
    return {
        "password": PASSWORD,
        "accounts": emails,
        "category": Category.CITIZEN.value,
        "contribution_target": Contribution._meta.label_lower,
        "contributions": [contribution.pk for contribution in open_contributions],
        "contribution_pages": [
            contribution.get_absolute_url().replace("/ar/", "/en/", 1) for contribution in open_contributions
        ],
        "events": events,
        "reports": reports,
        "public_pages": [
            "/ar/",
            "/en/",
            "/fr/network/",
            "/en/network/charter/",
            "/en/programs/",
            "/en/consultations/",
            "/en/events/",
            "/en/bodies/",
            *members,
            *consultations,
            *event_pages,
        ],
    }


def seed() -> dict[str, Any]:
    from django.core.management import call_command

    call_command("demo", no_serve=True, stdout=io.StringIO())
    return plan(seed_accounts())
