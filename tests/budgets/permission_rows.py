"""Budgets' rows of the permission table (tests/core/test_permissions.py).

The staff of a collectivity (focal point, editors, information officers) keep its budgets and see its drafts, never
another's; everyone reads a published budget; nobody else sees a draft."""

Y, N = True, False

# fmt: off
ROWS = [
    # action                     target                      foc edi inf cou coo adm cit rep ano
    ("budgets.manage_budget",    "nothing in particular",    (Y, Y, Y, N, N, Y, N, N, N)),
    ("budgets.manage_budget",    "collectivity A",           (Y, Y, Y, N, N, Y, N, N, N)),
    ("budgets.manage_budget",    "collectivity B",           (N, N, N, N, N, Y, N, N, N)),
    ("budgets.manage_budget",    "draft budget in A",        (Y, Y, Y, N, N, Y, N, N, N)),
    ("budgets.manage_budget",    "draft budget in B",        (N, N, N, N, N, Y, N, N, N)),
    ("budgets.view_budget",      "published budget in B",    (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("budgets.view_budget",      "draft budget in A",        (Y, Y, Y, N, N, Y, N, N, N)),
    ("budgets.view_budget",      "draft budget in B",        (N, N, N, N, N, Y, N, N, N)),
]
# fmt: on


def targets(request, commune_a, commune_b, actors, someone):
    from infitah.budgets.models import BudgetStatus
    from tests.budgets.factories import budget

    return {
        "draft budget in A": budget(commune_a, status=BudgetStatus.DRAFT, lines=1),
        "draft budget in B": budget(commune_b, status=BudgetStatus.DRAFT, lines=1),
        "published budget in B": budget(commune_b, lines=1),
    }
