from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Demo, Urls
from infitah.core.contributions import MemberSection, NavigationItem
from infitah.core.datasets import Column, Dataset
from infitah.core.pagecache import CacheablePages
from infitah.core.sharedpages import SharedPages
from infitah.core.visibility import Visibility


def declare() -> Capability:
    from infitah.budgets import selectors
    from infitah.budgets.models import Budget

    return Capability(
        urls=(Urls("budgets/", "infitah.budgets.urls"),),
        api="infitah.budgets.api.router",
        demo=Demo("infitah.budgets.demo.load", after=("territories",)),
        rules=("infitah.budgets.rules",),
        contributes=(
            *_page_cache(),
            NavigationItem("budgets", _("Budgets"), "budgets:index", order=55),
            MemberSection("budgets", "budgets/_member_section.html", selectors.member_section, order=40),
            Visibility(Budget, "budgets.view_budget"),
            Dataset(
                key="budgets",
                title=_("Budgets"),
                description=_(
                    "Every line of every published budget of the network's members: the collectivity, the year, the "
                    "section (operating or investment), revenue or expenditure, the chapter, its label, the planned "
                    "amount and the executed amount (empty until known), in dirhams."
                ),
                rows=selectors.dataset_rows,
                columns=(
                    Column("collectivity", lambda line: line.budget.collectivity.code, _("The collectivity's code")),
                    Column("year", lambda line: line.budget.year),
                    Column("section", lambda line: line.section, _("operating or investment")),
                    Column("direction", lambda line: line.direction, _("revenue or expenditure")),
                    Column("chapter", lambda line: line.chapter_code),
                    Column("label_ar", lambda line: line.label_ar),
                    Column("label_fr", lambda line: line.label_fr),
                    Column("planned", lambda line: str(line.planned), _("Planned amount in MAD")),
                    Column(
                        "executed",
                        lambda line: None if line.executed is None else str(line.executed),
                        _("Executed amount in MAD, empty until known"),
                    ),
                    Column("illustrative", lambda line: line.budget.is_illustrative),
                ),
            ),
        ),
    )


def _page_cache() -> tuple:
    """The public pages the same for every anonymous visitor, and the rows no public page shows."""
    return (
        CacheablePages(
            (
                "budgets:index",
                "budgets:member",
                "budgets:compare",
                "budgets:year",
            )
        ),
        # Given to the citizens who read them from one shared copy (core/sharedpages.py).
        SharedPages(("budgets:index", "budgets:year"), to_everyone=True),
    )
