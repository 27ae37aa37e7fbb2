"""Benchmark data: the network with N member communes spread over the twelve shipped regions.

Written through the ORM so it works on any database the settings point at. `ensure_members(total)` only adds
what is missing, so the same database grows from 10 to 1,000 members between two measurements.

    INFITAH_DATA_DIR=/tmp/bench python bench/data.py 1000
"""

import datetime
import os
import sys

REGION_CODES = [f"{number:02d}" for number in range(1, 13)]
FOUNDED_ON = datetime.date(2022, 10, 21)
NETWORK_NAME = {
    "ar": "الشبكة المغربية للجماعات الترابية المنفتحة",
    "fr": "Réseau marocain des collectivités territoriales ouvertes",
}
NETWORK_DESCRIPTION = {
    "ar": "فضاء للحوار ولتبادل التجارب من أجل تكريس مبادئ الانفتاح.",
    "fr": "Un espace de dialogue et d'échange d'expériences pour consacrer les principes de l'ouverture.",
}
PARTNERS = ["DGCT", "AMRM", "IMPACT"]
COMMITMENTS = 5


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infitah.settings")
    import django

    django.setup()


def ensure_network():
    from infitah.territories.models import CharterCommitment, Network, Partner

    if not Network.objects.exists():
        Network.objects.create(name=NETWORK_NAME, description=NETWORK_DESCRIPTION, founded_on=FOUNDED_ON)
    for order, acronym in enumerate(PARTNERS, start=1):
        Partner.objects.get_or_create(acronym=acronym, defaults={"name": {"fr": acronym}, "order": order})
    for number in range(1, COMMITMENTS + 1):
        CharterCommitment.objects.get_or_create(
            number=number,
            defaults={"title": {"ar": f"الالتزام {number}", "fr": f"Engagement {number}"}, "text": {"fr": "…"}},
        )


def bench_provinces():
    """One benchmark province under each shipped region (codes BP01…BP12)."""
    from infitah.territories.models import Collectivity, CollectivityKind, ProvinceType, build_search_key

    provinces = {}
    for region in Collectivity.objects.filter(kind=CollectivityKind.REGION, code__in=REGION_CODES):
        name = {"ar": f"إقليم الاختبار {region.code}", "fr": f"Province de test {region.code}"}
        provinces[region.code], _created = Collectivity.objects.get_or_create(
            code=f"BP{region.code}",
            defaults={
                "kind": CollectivityKind.PROVINCE,
                "province_type": ProvinceType.PROVINCE,
                "name": name,
                "parent": region,
                "search_key": build_search_key(name, f"BP{region.code}"),
            },
        )
    if len(provinces) != len(REGION_CODES):
        raise SystemExit("The twelve regions are missing: run `infitah migrate` first.")
    return [provinces[code] for code in REGION_CODES]


def commune_code(number):
    return f"BC{number:05d}"


def ensure_members(total):
    """Make the network have at least `total` member communes (numbered BC00000, BC00001, …)."""
    from django.db import transaction

    from infitah.territories.models import Collectivity, CollectivityKind, Membership, build_search_key

    with transaction.atomic():
        ensure_network()
        provinces = bench_provinces()
        present = Membership.objects.filter(collectivity__code__startswith="BC").count()
        communes = []
        for number in range(present, total):
            code = commune_code(number)
            name = {"ar": f"جماعة الاختبار {number}", "fr": f"Commune de test {number}"}
            communes.append(
                Collectivity(
                    kind=CollectivityKind.COMMUNE,
                    code=code,
                    name=name,
                    parent=provinces[number % len(provinces)],
                    population=10_000 + number,
                    census_year=2014,
                    search_key=build_search_key(name, code),  # bulk_create skips save(), which builds it
                )
            )
        Collectivity.objects.bulk_create(communes, batch_size=500)
        created = Collectivity.objects.filter(code__in=[commune.code for commune in communes])
        Membership.objects.bulk_create(
            [Membership(collectivity=commune, joined_on=FOUNDED_ON, cohort={"en": "bench"}) for commune in created],
            batch_size=500,
        )
        from infitah.core.pagestamps import pages_changed

        pages_changed()  # bulk_create sends no signal: the cached pages would go on showing the old network
    return Membership.objects.filter(collectivity__code__startswith="BC").count()


if __name__ == "__main__":
    setup_django()
    print(ensure_members(int(sys.argv[1]) if len(sys.argv) > 1 else 10))
