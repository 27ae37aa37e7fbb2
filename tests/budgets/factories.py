"""Budgets and their lines for the tests."""

from decimal import Decimal

from django.utils import timezone

from infitah.budgets.models import Budget, BudgetLine, BudgetStatus


def budget(collectivity, year=2025, status=BudgetStatus.PUBLISHED, lines=3, executed=True, **fields):
    made = Budget.objects.create(
        collectivity=collectivity,
        year=year,
        status=status,
        published_at=timezone.now() if status == BudgetStatus.PUBLISHED else None,
        **fields,
    )
    for number in range(lines):
        line(
            made,
            f"{number + 1}.10",
            planned=Decimal(1000 * (number + 1)),
            executed=Decimal(900 * (number + 1)) if executed else None,
        )
    return made


def line(
    budget, chapter="1.10", section="operating", direction="expenditure", planned=Decimal(1000), executed=None, **fields
):
    values = {"label_ar": "فصل", "label_fr": f"Chapitre {chapter}", **fields}
    return BudgetLine.objects.create(
        budget=budget,
        section=section,
        direction=direction,
        chapter_code=chapter,
        planned=planned,
        executed=executed,
        **values,
    )
