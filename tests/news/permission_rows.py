"""This app's rows of the permission table (tests/core/test_permissions.py) and the objects they name.

ROWS use the table's format: (action, target name, (foc, edi, inf, cou, coo, adm, cit, rep, ano)).
The focal point and editor of A write A's news; the coordinators the network's; nobody else writes, and a draft,
scheduled or withdrawn item is read only by those who may write it.
"""

Y, N = True, False

# fmt: off
ROWS = [
    # action              target                          foc edi inf cou coo adm cit rep ano
    ("news.manage",       "nothing in particular",        (Y, Y, N, N, Y, Y, N, N, N)),
    ("news.manage",       "collectivity A",               (Y, Y, N, N, N, Y, N, N, N)),
    ("news.manage",       "collectivity B",               (N, N, N, N, N, Y, N, N, N)),
    ("news.manage",       "news of A",                    (Y, Y, N, N, N, Y, N, N, N)),
    ("news.manage",       "news of B",                    (N, N, N, N, N, Y, N, N, N)),
    ("news.manage",       "network news",                 (N, N, N, N, Y, Y, N, N, N)),
    ("news.view_item",    "news of A",                    (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("news.view_item",    "network news",                 (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("news.view_item",    "draft news of A",              (Y, Y, N, N, N, Y, N, N, N)),
    ("news.view_item",    "scheduled news of A",          (Y, Y, N, N, N, Y, N, N, N)),
    ("news.view_item",    "withdrawn news of A",          (Y, Y, N, N, N, Y, N, N, N)),
    ("news.view_item",    "draft news of B",              (N, N, N, N, N, Y, N, N, N)),
    ("news.view_item",    "draft network news",           (N, N, N, N, Y, Y, N, N, N)),
]
# fmt: on


def targets(request, commune_a, commune_b, actors, someone):
    """The objects ROWS name, keyed by target name."""
    from tests.news.factories import draft, news_item, scheduled, withdrawn

    return {
        "news of A": news_item(commune_a),
        "news of B": news_item(commune_b),
        "network news": news_item(None),
        "draft news of A": draft(commune_a),
        "scheduled news of A": scheduled(commune_a),
        "withdrawn news of A": withdrawn(commune_a),
        "draft news of B": draft(commune_b),
        "draft network news": draft(None),
    }
