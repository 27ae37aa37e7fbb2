"""The tracker's rows of the permission table (tests/core/test_permissions.py).

A program's tracker is public once the council adopted a version of the public program; before that, it is read
by those who read the program (a draft program: its collectivity's staff and council members, the coordinators).
The "public/draft program in A/B" targets are the core table's own.
"""

Y, N = True, False

# fmt: off
ROWS = [
    # action                     target                    foc edi inf cou coo adm cit rep ano
    ("monitoring.view_tracker",  "nothing in particular",  (Y, Y, Y, Y, Y, Y, N, N, N)),
    ("monitoring.view_tracker",  "tracked program in A",   (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("monitoring.view_tracker",  "tracked program in B",   (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("monitoring.view_tracker",  "public program in A",    (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("monitoring.view_tracker",  "draft program in A",     (Y, Y, Y, Y, Y, Y, N, N, N)),
    ("monitoring.view_tracker",  "draft program in B",     (N, N, N, N, Y, Y, N, N, N)),
]
# fmt: on


def targets(request, commune_a, commune_b, actors, someone):
    from tests.monitoring.tracker_factories import adopted_program

    return {
        "tracked program in A": adopted_program(commune_a),
        "tracked program in B": adopted_program(commune_b),
    }
