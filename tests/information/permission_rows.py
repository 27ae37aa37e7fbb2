"""This app's rows of the permission table (tests/core/test_permissions.py) and the objects they name.

ROWS use the table's format: (action, target name, (foc, edi, inf, cou, coo, adm, cit, rep, ano)).
The citizen filed "citizen's request in A"; "request in A/B" were filed by someone else; "hidden request in A" is one
A's officers kept out of the public register.
"""

Y, N = True, False

# fmt: off
ROWS = [
    # action                           target                          foc edi inf cou coo adm cit rep ano
    ("information.file_request",       "collectivity A",               (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("information.file_request",       "collectivity B",               (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("information.view_request",       "request in A",                 (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("information.view_request",       "request in B",                 (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("information.view_request",       "hidden request in A",          (N, N, Y, N, N, Y, N, N, N)),
    ("information.view_identity",      "request in A",                 (N, N, Y, N, N, Y, N, N, N)),
    ("information.view_identity",      "request in B",                 (N, N, N, N, N, Y, N, N, N)),
    ("information.view_identity",      "citizen's request in A",       (N, N, Y, N, N, Y, Y, N, N)),
    ("information.handle_request",     "nothing in particular",        (N, N, Y, N, N, Y, N, N, N)),
    ("information.handle_request",     "request in A",                 (N, N, Y, N, N, Y, N, N, N)),
    ("information.handle_request",     "request in B",                 (N, N, N, N, N, Y, N, N, N)),
    ("information.handle_request",     "citizen's request in A",       (N, N, Y, N, N, Y, N, N, N)),
    ("information.act_as_requester",   "request in A",                 (N, N, N, N, N, Y, N, N, N)),
    ("information.act_as_requester",   "request in B",                 (N, N, N, N, N, Y, N, N, N)),
    ("information.act_as_requester",   "citizen's request in A",       (N, N, N, N, N, Y, Y, N, N)),
]
# fmt: on


def targets(request, commune_a, commune_b, actors, someone):
    """The objects ROWS name, keyed by target name."""
    from infitah.information import services
    from tests.information.factories import filed_request

    hidden = filed_request(commune_a, someone)
    officer = actors["information_officer"]
    services.set_visibility(officer, hidden, is_public=False, reason="Names a private person")
    return {
        "request in A": filed_request(commune_a, someone),
        "request in B": filed_request(commune_b, someone),
        "hidden request in A": hidden,
        "citizen's request in A": filed_request(commune_a, actors["citizen"]),
    }
