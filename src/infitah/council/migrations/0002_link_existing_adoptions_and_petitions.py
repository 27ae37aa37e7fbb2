"""Every council adoption recorded before this app becomes a decision of its session (ordinary in the month of
`adopted_on` when the law allows it), and every petition on an agenda (`session_month`) an agenda point of the
session of that month. The receivers keep it so afterwards (council.signals)."""

from django.db import migrations


def link_existing(apps, schema_editor):
    from infitah.council.links import link_everything

    link_everything(
        CouncilAdoption=apps.get_model("programs", "CouncilAdoption"),
        Petition=apps.get_model("petitions", "Petition"),
        Session=apps.get_model("council", "Session"),
        AgendaPoint=apps.get_model("council", "AgendaPoint"),
        Decision=apps.get_model("council", "Decision"),
    )


def unlink(apps, schema_editor):
    for name in ("Decision", "AgendaPoint", "Session"):
        apps.get_model("council", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("council", "0001_initial"),
        ("petitions", "0002_shipped_thresholds"),
        ("programs", "0001_initial"),
    ]

    operations = [migrations.RunPython(link_existing, unlink)]
