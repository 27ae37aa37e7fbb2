"""This app's rows of the permission table (tests/core/test_permissions.py) and the objects they name."""

Y, N = True, False

# fmt: off
ROWS = [
    # action               target                  foc edi inf cou coo adm cit rep ano
    ("resources.view",     "network resource",     (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("resources.view",     "resource of B",        (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("resources.publish",  "nothing in particular", (Y, Y, Y, N, Y, Y, N, N, N)),
    ("resources.publish",  "network resource",     (N, N, N, N, Y, Y, N, N, N)),
    ("resources.publish",  "resource of A",        (Y, Y, Y, N, N, Y, N, N, N)),
    ("resources.publish",  "resource of B",        (N, N, N, N, N, Y, N, N, N)),
    ("resources.publish",  "collectivity A",       (Y, Y, Y, N, N, Y, N, N, N)),
    ("resources.publish",  "collectivity B",       (N, N, N, N, N, Y, N, N, N)),
]
# fmt: on


def targets(request, commune_a, commune_b, actors, someone):
    from infitah.resources.models import Resource

    def resource(publisher):
        return Resource.objects.create(title={"fr": "Guide"}, description={"fr": "Un guide"}, publisher=publisher)

    return {
        "network resource": resource(None),
        "resource of A": resource(commune_a),
        "resource of B": resource(commune_b),
    }
