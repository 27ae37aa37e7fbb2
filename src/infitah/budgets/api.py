"""Public, read-only budgets under /api/v1/budgets: the published budgets with their totals, and one budget's lines
(paged). Never a draft. Every answer costs a fixed number of queries whatever the number of lines."""

from datetime import datetime
from decimal import Decimal
from typing import Annotated

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema
from ninja.errors import HttpError

from infitah.api.problems import Code
from infitah.api.routers import AppRouter
from infitah.budgets import selectors
from infitah.budgets.models import FIRST_YEAR, LAST_YEAR, Budget, BudgetLine, Direction, Section

router = AppRouter("budgets", tags=["budgets"])

Year = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]


class BudgetOut(Schema):
    collectivity_code: str
    year: int
    source_note: str
    republication_note: str = Field(description="Why a published budget was replaced (empty for a first publication)")
    published_at: datetime | None
    is_illustrative: bool

    @staticmethod
    def resolve_collectivity_code(obj: Budget) -> str:
        return obj.collectivity.code


class TotalOut(Schema):
    section: Section
    direction: Direction
    planned: Decimal
    executed: Decimal | None = Field(description="Null while no line of the group has a known execution")
    execution_rate: float | None = Field(description="Executed over planned (1 = 100%); null when not known")


class BudgetDetailOut(BudgetOut):
    totals: list[TotalOut]

    @staticmethod
    def resolve_totals(obj: Budget) -> list[dict]:
        groups = selectors.summary(list(obj.lines.all()))["groups"]
        return [
            {
                "section": group["section"],
                "direction": group["direction"],
                "planned": group["total"].planned,
                "executed": group["total"].executed,
                "execution_rate": None if group["total"].rate is None else float(group["total"].rate),
            }
            for group in groups
        ]


class BudgetLineOut(Schema):
    section: Section
    direction: Direction
    chapter: str
    label_ar: str
    label_fr: str
    planned: Decimal = Field(description="MAD")
    executed: Decimal | None = Field(description="MAD; null until the execution is known")

    @staticmethod
    def resolve_chapter(obj: BudgetLine) -> str:
        return obj.chapter_code


@router.paged(
    "budgets",
    BudgetOut,
    summary="The published budgets, newest year first",
    ordering={"id": "pk", "year": "year", "published_at": "published_at"},
)
def list_budgets(
    request: HttpRequest,
    collectivity: Code | None = Query(None, description="Only the budgets of the collectivity with this code"),
    year: Year | None = None,
) -> QuerySet[Budget]:
    budgets = selectors.published().order_by("-year", "collectivity__code")
    if collectivity:
        budgets = budgets.filter(collectivity__code=collectivity)
    if year:
        budgets = budgets.filter(year=year)
    return budgets


def _budget(code: str, year: int) -> Budget:
    budget = selectors.published().filter(collectivity__code=code, year=year).first()
    if budget is None:
        raise HttpError(
            404, _("No budget of %(year)s is published for the collectivity %(code)s.") % {"year": year, "code": code}
        )
    return budget


@router.one("budgets/{code}/{year}", BudgetDetailOut, summary="One published budget with its totals")
def get_budget(request: HttpRequest, code: Code, year: Year) -> Budget:
    return _budget(code, year)


@router.paged(
    "budgets/{code}/{year}/lines",
    BudgetLineOut,
    summary="The lines of one published budget",
    not_found=True,
    ordering={"id": "pk", "planned": "planned", "executed": "executed"},
)
def list_lines(request: HttpRequest, code: Code, year: Year) -> QuerySet[BudgetLine]:
    return _budget(code, year).lines.order_by("section", "direction", "chapter_code", "pk")
