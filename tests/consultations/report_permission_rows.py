"""This app's rows of the permission table (tests/core/test_permissions.py) and the objects they name.

ROWS use the table's format: (action, target name, (foc, edi, inf, cou, coo, adm, cit, rep, ano)).
"""

ROWS = []


def targets(request, commune_a, commune_b, actors, someone):
    """The objects ROWS name, keyed by target name (e.g. "open consultation in A")."""
    return {}
