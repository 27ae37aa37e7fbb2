"""The budgets demo: an illustrative budget of the Marrakech-Safi region for 2025 (with its execution) and 2026
(planned only), about twenty-five chapters each, loaded after the territories' demo. Every figure is invented for
the demonstration (`is_illustrative`, and a note on each page). `load()` only adds what is missing."""

from __future__ import annotations

from decimal import Decimal

from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.budgets.demo.content import CHAPTERS, REGION
from infitah.budgets.models import Budget, BudgetLine, BudgetStatus
from infitah.territories.models import Collectivity

SOURCE = "Données illustratives de démonstration — بيانات توضيحية للعرض"


def load(stdout: OutputWrapper | None = None) -> list[tuple[str, str]]:
    region = Collectivity.objects.filter(code=REGION).first()
    if region is None or Budget.objects.filter(collectivity=region, is_illustrative=True).exists():
        return []
    with transaction.atomic():
        for year, growth, executed in ((2025, Decimal(1), True), (2026, Decimal("1.06"), False)):
            budget = Budget.objects.create(
                collectivity=region,
                year=year,
                status=BudgetStatus.PUBLISHED,
                source_note=SOURCE,
                is_illustrative=True,
                published_at=timezone.now(),
            )
            BudgetLine.objects.bulk_create(
                BudgetLine(
                    budget=budget,
                    section=section,
                    direction=direction,
                    chapter_code=code,
                    label_ar=label_ar,
                    label_fr=label_fr,
                    planned=(planned * growth).quantize(Decimal("1000")),
                    executed=(planned * rate).quantize(Decimal("0.01")) if executed else None,
                )
                for section, direction, code, label_ar, label_fr, planned, rate in CHAPTERS
                if year == 2026 or not code.endswith("N")  # chapters new in 2026
            )
    if stdout is not None:
        stdout.write(_("Budgets: an illustrative budget of Marrakech-Safi for 2025 and 2026."))
    return []
