"""The proactive-publication catalogue's rows of the permission table (tests/core/test_permissions.py).

Its staff (focal point, editors, information officers) keep their collectivity's catalogue, never another's; an
elected member, a coordinator, a citizen read it like everyone (the pages need no rule to read)."""

Y, N = True, False

# fmt: off
ROWS = [
    # action                           target                          foc edi inf cou coo adm cit rep ano
    ("information.edit_publication",   "nothing in particular",        (Y, Y, Y, N, N, Y, N, N, N)),
    ("information.edit_publication",   "collectivity A",               (Y, Y, Y, N, N, Y, N, N, N)),
    ("information.edit_publication",   "collectivity B",               (N, N, N, N, N, Y, N, N, N)),
    ("information.edit_publication",   "publication entry in A",       (Y, Y, Y, N, N, Y, N, N, N)),
    ("information.edit_publication",   "publication entry in B",       (N, N, N, N, N, Y, N, N, N)),
]
# fmt: on


def targets(request, commune_a, commune_b, actors, someone):
    from tests.information.publication_factories import entry

    return {
        "publication entry in A": entry(commune_a),
        "publication entry in B": entry(commune_b),
    }
