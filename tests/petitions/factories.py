"""Petitions made through the services, so that every test object is one the platform could have made."""

import datetime

from infitah.petitions import services

MONDAY = datetime.date(2026, 1, 12)


def drafted(collectivity, agent, **fields):
    values = {
        "today": MONDAY,
        "title": "A shaded square by the market",
        "subject": "Plant trees and install benches on the market square.",
        "reasons": "Summer heat on the square; no shade for the elderly.",
        "objectives": "Shade and seating for the market's users by next summer.",
        "respects_constitution": True,
        **fields,
    }
    return services.draft_petition(agent, collectivity, **values)


def signed(petition, signer, number, commune, *, basis="residence", name="Amina Alaoui"):
    return services.sign(signer, petition, full_name=name, national_id=number, basis=basis, commune=commune)
