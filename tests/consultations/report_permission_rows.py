"""The consultation report's rows of the permission table (tests/core/test_permissions.py).

Public once the consultation has closed; before, only the staff of its collectivity (information officer
included) and the network's coordinators. The "open consultation in A/B" targets are consultations.permission_rows'.
"""

Y, N = True, False

# fmt: off
ROWS = [
    # action                              target                            foc edi inf cou coo adm cit rep ano
    ("consultations.view_report",         "nothing in particular",          (Y, Y, Y, N, Y, Y, N, N, N)),
    ("consultations.view_report",         "open consultation in A",         (Y, Y, Y, N, Y, Y, N, N, N)),
    ("consultations.view_report",         "open consultation in B",         (N, N, N, N, Y, Y, N, N, N)),
    ("consultations.view_report",         "closed consultation in A",       (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("consultations.view_report",         "closed consultation in B",       (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
]
# fmt: on


def targets(request, commune_a, commune_b, actors, someone):
    import datetime

    from django.utils import timezone

    from tests.consultations.factories import ConsultationFactory, published_program

    past = timezone.now() - datetime.timedelta(days=1)
    return {
        f"closed consultation in {side}": ConsultationFactory(
            program=published_program(commune), opens_at=past - datetime.timedelta(days=9), closes_at=past
        )
        for side, commune in (("A", commune_a), ("B", commune_b))
    }
