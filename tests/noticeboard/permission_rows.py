"""The notice board's rows of the permission table (tests/core/test_permissions.py) and the objects they name."""

Y, N = True, False

# fmt: off
ROWS = [
    # action                    target                     foc edi inf cou coo adm cit rep ano
    ("noticeboard.view_notice", "published notice in A",   (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("noticeboard.view_notice", "draft notice in A",       (Y, Y, Y, N, N, Y, N, N, N)),
    ("noticeboard.view_notice", "draft notice in B",       (N, N, N, N, N, Y, N, N, N)),
]
# fmt: on


def targets(request, commune_a, commune_b, actors, someone):
    from tests.noticeboard.models import Notice

    return {
        "published notice in A": Notice.objects.create(collectivity=commune_a, title="Open", is_published=True),
        "draft notice in A": Notice.objects.create(collectivity=commune_a, title="Draft"),
        "draft notice in B": Notice.objects.create(collectivity=commune_b, title="Draft"),
    }
