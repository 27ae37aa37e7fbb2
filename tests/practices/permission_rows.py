"""This app's rows of the permission table (tests/core/test_permissions.py) and the objects they name.

ROWS use the table's format: (action, target name, (foc, edi, inf, cou, coo, adm, cit, rep, ano)). The staff roles
are held in commune A only: they adopt B's practice, never A's own.
"""

Y, N = True, False

# fmt: off
ROWS = [
    # action                  target                           foc edi inf cou coo adm cit rep ano
    ("practices.view",        "published practice in A",       (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("practices.view",        "draft practice in A",           (Y, Y, Y, N, Y, Y, N, N, N)),
    ("practices.view",        "returned practice in A",        (Y, Y, Y, N, Y, Y, N, N, N)),
    ("practices.view",        "submitted practice in B",       (N, N, N, N, Y, Y, N, N, N)),
    ("practices.view",        "withdrawn practice in B",       (N, N, N, N, Y, Y, N, N, N)),
    ("practices.submit",      "nothing in particular",         (Y, Y, Y, N, N, Y, N, N, N)),
    ("practices.submit",      "collectivity A",                (Y, Y, Y, N, N, Y, N, N, N)),
    ("practices.submit",      "collectivity B",                (N, N, N, N, N, Y, N, N, N)),
    ("practices.edit",        "draft practice in A",           (Y, Y, Y, N, N, Y, N, N, N)),
    ("practices.edit",        "returned practice in A",        (Y, Y, Y, N, N, Y, N, N, N)),
    ("practices.edit",        "submitted practice in A",       (N, N, N, N, N, Y, N, N, N)),
    ("practices.edit",        "published practice in A",       (N, N, N, N, N, Y, N, N, N)),
    ("practices.edit",        "draft practice in B",           (N, N, N, N, N, Y, N, N, N)),
    ("practices.review",      "nothing in particular",         (N, N, N, N, Y, Y, N, N, N)),
    ("practices.review",      "submitted practice in A",       (N, N, N, N, Y, Y, N, N, N)),
    ("practices.review",      "submitted practice in B",       (N, N, N, N, Y, Y, N, N, N)),
    ("practices.adopt",       "published practice in A",       (N, N, N, N, N, Y, N, N, N)),
    ("practices.adopt",       "published practice in B",       (Y, Y, Y, N, N, Y, N, N, N)),
    ("practices.adopt",       "draft practice in B",           (N, N, N, N, N, Y, N, N, N)),
    ("practices.adopt",       "withdrawn practice in B",       (N, N, N, N, N, Y, N, N, N)),
    ("practices.adopt_for",   "nothing in particular",         (N, N, N, N, N, Y, N, N, N)),
    ("practices.adopt_for",   "collectivity A",                (Y, Y, Y, N, N, Y, N, N, N)),
    ("practices.adopt_for",   "collectivity B",                (N, N, N, N, N, Y, N, N, N)),
    # The shared services on a practice: comments once published, documents while its staff may change it.
    ("participation.comment", "published practice in A",       (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("participation.comment", "draft practice in A",           (N, N, N, N, N, Y, N, N, N)),
    ("participation.follow",  "submitted practice in B",       (N, N, N, N, N, Y, N, N, N)),
    ("participation.attach",  "draft practice in A",           (Y, Y, Y, N, N, Y, N, N, N)),
    ("participation.attach",  "draft practice in B",           (N, N, N, N, N, Y, N, N, N)),
    ("participation.attach",  "published practice in A",       (N, N, N, N, N, Y, N, N, N)),
]
# fmt: on


def targets(request, commune_a, commune_b, actors, someone):
    from infitah.practices.states import Status
    from tests.practices.factories import practice_in

    return {
        "published practice in A": practice_in(commune_a, Status.PUBLISHED),
        "published practice in B": practice_in(commune_b, Status.PUBLISHED),
        "draft practice in A": practice_in(commune_a),
        "draft practice in B": practice_in(commune_b),
        "returned practice in A": practice_in(commune_a, Status.RETURNED),
        "submitted practice in A": practice_in(commune_a, Status.SUBMITTED),
        "submitted practice in B": practice_in(commune_b, Status.SUBMITTED),
        "withdrawn practice in B": practice_in(commune_b, Status.WITHDRAWN),
    }
