"""Ship the twelve regions (decree 2-15-40 of 20 February 2015) with their Arabic and French names."""

import csv
from pathlib import Path

from django.db import migrations

REGIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "regions.csv"


def search_key(names, code):
    # Frozen copy of the key builder at the time of this migration; later saves rebuild it.
    from infitah.core.arabic import normalise

    return " ".join([normalise(text) for text in names.values() if text] + [code.lower()])


def add_regions(apps, schema_editor):
    Collectivity = apps.get_model("territories", "Collectivity")
    with REGIONS_FILE.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            names = {lang: row[f"name_{lang}"] for lang in ("ar", "fr", "en", "zgh") if row[f"name_{lang}"]}
            Collectivity.objects.update_or_create(
                code=row["code"],
                defaults={
                    "kind": "region",
                    "name": names,
                    "population": int(row["population"]) if row["population"] else None,
                    "census_year": int(row["census_year"]) if row["census_year"] else None,
                    "search_key": search_key(names, row["code"]),
                },
            )


def remove_regions(apps, schema_editor):
    apps.get_model("territories", "Collectivity").objects.filter(kind="region", parent=None).delete()


class Migration(migrations.Migration):
    dependencies = [("territories", "0001_initial")]
    operations = [migrations.RunPython(add_regions, remove_regions)]
