"""This app's rows of the permission table (tests/core/test_permissions.py) and the objects they name.

ROWS use the table's format: (action, target name, (foc, edi, inf, cou, coo, adm, cit, rep, ano)).
"""

Y, N = True, False

# fmt: off
ROWS = [
    # action                   target                             foc edi inf cou coo adm cit rep ano
    ("council.view_session",   "published session in A",          (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("council.view_session",   "published session in B",          (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("council.view_session",   "unpublished session in A",        (Y, Y, Y, Y, Y, Y, N, N, N)),
    ("council.view_session",   "unpublished session in B",        (N, N, N, N, Y, Y, N, N, N)),
    ("council.view_session",   "decision of unpublished session in A", (Y, Y, Y, Y, Y, Y, N, N, N)),
    ("council.manage_session", "nothing in particular",           (Y, Y, N, N, N, Y, N, N, N)),
    ("council.manage_session", "collectivity A",                  (Y, Y, N, N, N, Y, N, N, N)),
    ("council.manage_session", "collectivity B",                  (N, N, N, N, N, Y, N, N, N)),
    ("council.manage_session", "published session in A",          (Y, Y, N, N, N, Y, N, N, N)),
    ("council.manage_session", "unpublished session in B",        (N, N, N, N, N, Y, N, N, N)),
    ("council.manage_session", "decision of unpublished session in A", (Y, Y, N, N, N, Y, N, N, N)),
]
# fmt: on


def targets(request, commune_a, commune_b, actors, someone):
    """The objects ROWS name, keyed by target name."""
    from tests.council.factories import decision, session

    hidden_a = session(commune_a, is_published=False)
    return {
        "published session in A": session(commune_a),
        "published session in B": session(commune_b),
        "unpublished session in A": hidden_a,
        "unpublished session in B": session(commune_b, is_published=False),
        "decision of unpublished session in A": decision(hidden_a),
    }
