"""This app's rows of the permission table (tests/core/test_permissions.py) and the objects they name.

ROWS use the table's format: (action, target name, (foc, edi, inf, cou, coo, adm, cit, rep, ano)).
Communes A and B are made network members here, so A's staff and council members are forum members; the
representative represents a *pending* association, so is not. The table's "citizen" sits on advisory bodies of A
and B (tests/bodies/permission_rows.py), and advisory-body members are forum members: they write. A citizen with
no seat only reads (tests/forum/test_rules.py). The threads and replies are
someone else's (editing is the author's: tests/forum/test_rules.py).
"""

Y, N = True, False

# fmt: off
ROWS = [
    # action            target                                   foc edi inf cou coo adm cit rep ano
    ("forum.view",      "nothing in particular",                 (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("forum.view",      "public forum category",                 (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("forum.view",      "members-only forum category",           (Y, Y, Y, Y, Y, Y, Y, N, N)),
    ("forum.view",      "forum thread written for A",            (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("forum.view",      "forum thread written for B",            (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("forum.view",      "members-only forum thread",             (Y, Y, Y, Y, Y, Y, Y, N, N)),
    ("forum.view",      "forum reply in a members-only thread",  (Y, Y, Y, Y, Y, Y, Y, N, N)),
    ("forum.post",      "nothing in particular",                 (Y, Y, Y, Y, Y, Y, Y, N, N)),
    ("forum.post",      "public forum category",                 (Y, Y, Y, Y, Y, Y, Y, N, N)),
    ("forum.post",      "members-only forum category",           (Y, Y, Y, Y, Y, Y, Y, N, N)),
    ("forum.post",      "forum thread written for A",            (Y, Y, Y, Y, Y, Y, Y, N, N)),
    ("forum.post",      "forum thread written for B",            (Y, Y, Y, Y, Y, Y, Y, N, N)),
    ("forum.post",      "hidden forum thread",                   (N, N, N, N, N, Y, N, N, N)),
    ("forum.moderate",  "nothing in particular",                 (N, N, N, N, Y, Y, N, N, N)),
    ("forum.moderate",  "forum thread written for A",            (N, N, N, N, Y, Y, N, N, N)),
    ("forum.moderate",  "forum thread written for B",            (N, N, N, N, Y, Y, N, N, N)),
    ("forum.edit",      "forum thread written for A",            (N, N, N, N, N, Y, N, N, N)),
    ("forum.edit",      "forum thread written for B",            (N, N, N, N, N, Y, N, N, N)),
    ("forum.edit",      "forum reply in a members-only thread",  (N, N, N, N, N, Y, N, N, N)),
    # Moderating a thread through participation's tools: the coordinators, never the staff of the collectivity
    # the author wrote for (the forum belongs to the network).
    ("participation.moderate", "forum thread written for A",     (N, N, N, N, Y, Y, N, N, N)),
    ("participation.report",   "forum thread written for A",     (Y, Y, Y, Y, Y, Y, Y, Y, N)),
]
# fmt: on


def targets(request, commune_a, commune_b, actors, someone):
    """The objects ROWS name, keyed by target name."""
    from tests.factories import MembershipFactory
    from tests.forum.factories import CategoryFactory, PostFactory, ThreadFactory

    MembershipFactory(collectivity=commune_a)
    MembershipFactory(collectivity=commune_b)
    public = CategoryFactory()
    private = CategoryFactory(members_only=True)
    private_thread = ThreadFactory(category=private, author=someone, collectivity=commune_a)
    return {
        "public forum category": public,
        "members-only forum category": private,
        "forum thread written for A": ThreadFactory(category=public, author=someone, collectivity=commune_a),
        "forum thread written for B": ThreadFactory(category=public, author=someone, collectivity=commune_b),
        "members-only forum thread": private_thread,
        "forum reply in a members-only thread": PostFactory(thread=private_thread, author=someone),
        "hidden forum thread": ThreadFactory(category=public, author=someone, is_hidden=True),
    }
