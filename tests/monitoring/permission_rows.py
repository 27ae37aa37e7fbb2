"""This app's rows of the permission table (tests/core/test_permissions.py) and the objects they name.

ROWS use the table's format: (action, target name, (foc, edi, inf, cou, coo, adm, cit, rep, ano)).
A's adopted program has the citizen on its follow-up committee (a co-monitor of every commitment) and names the
representative's association, still pending verification, as a co-owner (so not a co-monitor); B's adopted
program has neither. The updates were written by someone else.
"""

Y, N = True, False

# fmt: off
ROWS = [
    # action                        target                        foc edi inf cou coo adm cit rep ano
    ("monitoring.view_update",      "nothing in particular",      (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("monitoring.view_update",      "progress update in A",       (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("monitoring.view_update",      "progress update in B",       (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("monitoring.view_desk",        "nothing in particular",      (Y, Y, Y, N, Y, Y, N, N, N)),
    ("monitoring.view_desk",        "adopted program in A",       (Y, Y, Y, N, Y, Y, Y, N, N)),
    ("monitoring.view_desk",        "adopted program in B",       (N, N, N, N, Y, Y, N, N, N)),
    ("monitoring.write_update",     "nothing in particular",      (Y, Y, N, N, N, Y, N, N, N)),
    ("monitoring.write_update",     "adopted program in A",       (Y, Y, N, N, N, Y, N, N, N)),
    ("monitoring.write_update",     "adopted program in B",       (N, N, N, N, N, Y, N, N, N)),
    ("monitoring.write_update",     "progress update in A",       (Y, Y, N, N, N, Y, N, N, N)),
    ("monitoring.write_update",     "progress update in B",       (N, N, N, N, N, Y, N, N, N)),
    ("monitoring.reply_to_contest", "progress update in A",       (Y, Y, N, N, N, Y, N, N, N)),
    ("monitoring.reply_to_contest", "progress update in B",       (N, N, N, N, N, Y, N, N, N)),
    ("monitoring.manage_follow_up", "adopted program in A",       (Y, Y, N, N, N, Y, N, N, N)),
    ("monitoring.manage_follow_up", "adopted program in B",       (N, N, N, N, N, Y, N, N, N)),
    # Co-monitors review; the staff, whose work is reviewed, never do; a pending association does not co-monitor.
    ("monitoring.review_update",    "nothing in particular",      (N, N, N, N, N, Y, N, N, N)),
    ("monitoring.review_update",    "progress update in A",       (N, N, N, N, N, Y, Y, N, N)),
    ("monitoring.review_update",    "progress update in B",       (N, N, N, N, N, Y, N, N, N)),
]
# fmt: on


def targets(request, commune_a, commune_b, actors, someone):
    """The objects ROWS name, keyed by target name (e.g. "progress update in A")."""
    from infitah.accounts.models import Association
    from tests.monitoring.factories import adopted_program, seat, update_of

    pending = Association.objects.get(representative_links__user=actors["representative"])
    program_a = adopted_program(commune_a, associations=[pending])
    seat(program_a, actors["citizen"])
    program_b = adopted_program(commune_b)
    return {
        "adopted program in A": program_a,
        "adopted program in B": program_b,
        "progress update in A": update_of(program_a, author=someone),
        "progress update in B": update_of(program_b, author=someone),
    }
