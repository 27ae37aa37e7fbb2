"""The law's signature thresholds (petitions.thresholds.SHIPPED_BANDS) as data an administrator edits. The bands are
copied here, not imported: a migration must keep meaning what it meant when written."""

import datetime

from django.db import migrations

PUBLISHED = datetime.date(2015, 7, 23)
BANDS = [
    # kind, signatures, min, max, arrondissements, province share, source, to verify
    ("region", 300, None, 999_999, None, 5, "Organic law 111-14, arts. 120–122", False),
    ("region", 400, 1_000_000, 3_000_000, None, 5, "Organic law 111-14, arts. 120–122", False),
    ("region", 500, 3_000_001, None, None, 5, "Organic law 111-14, arts. 120–122", False),
    ("province", 300, None, None, None, 0, "Organic law 112-14, arts. 114–116", True),
    ("commune", 400, None, None, True, 0, "Organic law 113-14, arts. 121–125", True),
    ("commune", 100, None, 34_999, False, 0, "Organic law 113-14, arts. 121–125", False),
    ("commune", 200, 35_000, None, False, 0, "Organic law 113-14, arts. 121–125", False),
]


def ship(apps, schema_editor):
    ThresholdRule = apps.get_model("petitions", "ThresholdRule")
    for kind, signatures, low, high, arrondissements, share, source, to_verify in BANDS:
        ThresholdRule.objects.create(
            kind=kind,
            signatures=signatures,
            population_min=low,
            population_max=high,
            arrondissements=arrondissements,
            province_share=share,
            effective_from=PUBLISHED,
            source=source,
            to_verify=to_verify,
        )


def unship(apps, schema_editor):
    apps.get_model("petitions", "ThresholdRule").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("petitions", "0001_signatures_and_rulings")]
    operations = [migrations.RunPython(ship, unship)]
