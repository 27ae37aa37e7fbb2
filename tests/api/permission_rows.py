"""This app's rows of the permission table (tests/core/test_permissions.py) and the objects they name.

ROWS use the table's format: (action, target name, (foc, edi, inf, cou, coo, adm, cit, rep, ano)).
A token is managed by its owner only ("the editor's token"); "a citizen's token" was made before they lost a role.
"""

Y, N = True, False

# fmt: off
ROWS = [
    # action               target                    foc edi inf cou coo adm cit rep ano
    ("api.manage_tokens",  "nothing in particular",  (Y, Y, Y, N, Y, Y, N, N, N)),
    ("api.manage_tokens",  "the editor's token",     (N, Y, N, N, N, Y, N, N, N)),
    ("api.manage_tokens",  "a citizen's token",      (N, N, N, N, N, Y, N, N, N)),
]
# fmt: on


def targets(request, commune_a, commune_b, actors, someone):
    from infitah.api import tokens

    return {
        "the editor's token": tokens.issue(actors["editor"], "script")[0],
        "a citizen's token": tokens.issue(actors["citizen"], "script")[0],
    }
