"""The querysets of the budget pages, built in one place, each at a fixed number of queries whatever the number of
members, budgets and lines."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, QuerySet

from infitah.budgets import figures
from infitah.budgets.models import Budget, BudgetLine, BudgetStatus, Direction, Section
from infitah.territories.models import Collectivity, Membership

GROUPS = [(section, direction) for section in Section for direction in Direction]


def published() -> QuerySet[Budget]:
    return Budget.objects.published().select_related("collectivity")


@dataclass
class MemberYears:
    collectivity: Collectivity
    years: list[int]


MEMBERS_PER_PAGE = 30


def network_index(page_number: str | None) -> Page:
    """One page of the network's current members, those that published a budget first, each with the years it
    published (three queries, whatever the size of the network)."""
    published_any = Budget.objects.published().filter(collectivity=OuterRef("collectivity"))
    memberships = (
        Membership.objects.current()
        .select_related("collectivity")
        .annotate(has_published=Exists(published_any))
        .order_by("-has_published", "collectivity__kind", "collectivity__code")
    )
    page = Paginator(memberships, MEMBERS_PER_PAGE).get_page(page_number)
    members = [membership.collectivity for membership in page.object_list]
    years: dict[int, list[int]] = defaultdict(list)
    rows = Budget.objects.published().filter(collectivity__in=members).values_list("collectivity_id", "year")
    for collectivity_id, year in rows.order_by("-year"):
        years[collectivity_id].append(year)
    page.object_list = [MemberYears(c, years.get(c.pk, [])) for c in members]
    return page


def member_budgets(collectivity: Collectivity) -> list[dict[str, Any]]:
    """A member's published budgets, newest first, with their totals (two queries)."""
    budgets = list(Budget.objects.published().filter(collectivity=collectivity).order_by("-year"))
    lines = BudgetLine.objects.filter(budget__in=budgets).only(
        "budget_id", "section", "direction", "chapter_code", "planned", "executed"
    )
    by_budget: dict[int, list[BudgetLine]] = defaultdict(list)
    for line in lines:
        by_budget[line.budget_id].append(line)
    return [{"budget": budget, **summary(by_budget[budget.pk])} for budget in budgets]


def summary(lines: list[BudgetLine]) -> dict[str, Any]:
    """The totals of a budget's lines per direction and per (section, direction)."""
    grouped = figures.totals(lines)
    by_direction = {
        direction: figures.total(line for line in lines if line.direction == direction) for direction in Direction
    }
    return {
        "revenue": by_direction[Direction.REVENUE],
        "expenditure": by_direction[Direction.EXPENDITURE],
        "groups": [
            {
                "section": section,
                "direction": direction,
                "total": grouped.get((section, direction), figures.Total(figures.ZERO, None)),
            }
            for section, direction in GROUPS
        ],
    }


def budget_of(collectivity: Collectivity, year: int, status: str = BudgetStatus.PUBLISHED) -> Budget | None:
    return (
        Budget.objects.filter(collectivity=collectivity, year=year, status=status)
        .select_related("collectivity")
        .first()
    )


def lines_of(budget: Budget) -> list[BudgetLine]:
    return list(budget.lines.order_by("section", "direction", "chapter_code"))


def published_years(collectivity: Collectivity) -> list[int]:
    return list(
        Budget.objects.published().filter(collectivity=collectivity).order_by("-year").values_list("year", flat=True)
    )


def staff_budgets(collectivity: Collectivity) -> list[Budget]:
    """Every budget of the collectivity, drafts included, for its staff's back office (one query)."""
    return list(Budget.objects.filter(collectivity=collectivity).order_by("-year", "status"))


def member_section(request: Any, collectivity: Collectivity) -> dict[str, Any]:
    """The budget block of a member's page: the latest published year's totals (two queries)."""
    budget = Budget.objects.published().filter(collectivity=collectivity).order_by("-year").first()
    if budget is None:
        return {"collectivity": collectivity, "budget": None}
    return {"collectivity": collectivity, "budget": budget, **summary(list(budget.lines.all()))}


def dataset_rows() -> QuerySet[BudgetLine]:
    """Every line of every published budget (the open-data dataset)."""
    return (
        BudgetLine.objects.filter(budget__status=BudgetStatus.PUBLISHED)
        .select_related("budget__collectivity")
        .order_by("budget__collectivity__code", "budget__year", "section", "direction", "chapter_code", "pk")
    )
