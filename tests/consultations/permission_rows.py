"""This app's rows of the permission table (tests/core/test_permissions.py) and the objects they name.

ROWS use the table's format: (action, target name, (foc, edi, inf, cou, coo, adm, cit, rep, ano)).
The staff of A open, change and answer A's consultations only; anyone signed in contributes, except to a
residents-only consultation (nobody in the table declared a residence); the information officer reads the
back office. The "public program in A/B", "draft program in A" and "closed program in A" targets are the core
table's own.
"""

Y, N = True, False

# fmt: off
ROWS = [
    ("consultations.open_consultation",   "nothing in particular",              (Y, Y, N, N, N, Y, N, N, N)),
    ("consultations.open_consultation",   "public program in A",                (Y, Y, N, N, N, Y, N, N, N)),
    ("consultations.open_consultation",   "public program in B",                (N, N, N, N, N, Y, N, N, N)),
    ("consultations.open_consultation",   "draft program in A",                 (N, N, N, N, N, Y, N, N, N)),
    ("consultations.open_consultation",   "closed program in A",                (N, N, N, N, N, Y, N, N, N)),
    ("consultations.change_consultation", "nothing in particular",              (Y, Y, N, N, N, Y, N, N, N)),
    ("consultations.change_consultation", "open consultation in A",             (Y, Y, N, N, N, Y, N, N, N)),
    ("consultations.change_consultation", "open consultation in B",             (N, N, N, N, N, Y, N, N, N)),
    ("consultations.contribute",          "nothing in particular",              (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("consultations.contribute",          "open consultation in A",             (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("consultations.contribute",          "open consultation in B",             (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("consultations.contribute",          "residents-only consultation in A",   (N, N, N, N, N, Y, N, N, N)),
    ("consultations.contribute",          "residents-only consultation in B",   (N, N, N, N, N, Y, N, N, N)),
    ("consultations.answer",              "nothing in particular",              (Y, Y, N, N, N, Y, N, N, N)),
    ("consultations.answer",              "contribution in A",                  (Y, Y, N, N, N, Y, N, N, N)),
    ("consultations.answer",              "contribution in B",                  (N, N, N, N, N, Y, N, N, N)),
    ("consultations.answer",              "open consultation in A",             (Y, Y, N, N, N, Y, N, N, N)),
    ("consultations.answer",              "open consultation in B",             (N, N, N, N, N, Y, N, N, N)),
    ("consultations.view_backoffice",     "nothing in particular",              (Y, Y, Y, N, Y, Y, N, N, N)),
    ("consultations.view_backoffice",     "open consultation in A",             (Y, Y, Y, N, Y, Y, N, N, N)),
    ("consultations.view_backoffice",     "open consultation in B",             (N, N, N, N, Y, Y, N, N, N)),
    ("consultations.view_backoffice",     "contribution in A",                  (Y, Y, Y, N, Y, Y, N, N, N)),
    ("consultations.view_backoffice",     "contribution in B",                  (N, N, N, N, Y, Y, N, N, N)),
    # The participation services on contributions: open while the consultation is, moderated by A's staff.
    ("participation.support",             "contribution in A",                  (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("participation.support",             "contribution in B",                  (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("participation.support",             "closed consultation's contribution in A", (N, N, N, N, N, Y, N, N, N)),
    ("participation.support",             "closed consultation's contribution in B", (N, N, N, N, N, Y, N, N, N)),
    ("participation.comment",             "hidden contribution in A",           (N, N, N, N, N, Y, N, N, N)),
    ("participation.comment",             "hidden contribution in B",           (N, N, N, N, N, Y, N, N, N)),
    ("participation.moderate",            "contribution in A",                  (Y, Y, Y, N, Y, Y, N, N, N)),
    # A hidden contribution's text: its author and the moderators of its collectivity (coordinators everywhere).
    ("participation.read_hidden",         "nothing in particular",              (N, N, N, N, N, Y, N, N, N)),
    ("participation.read_hidden",         "hidden contribution in A",           (Y, Y, Y, N, Y, Y, N, N, N)),
    ("participation.read_hidden",         "hidden contribution in B",           (N, N, N, N, Y, Y, N, N, N)),
    ("participation.read_hidden",         "citizen's hidden contribution in A", (Y, Y, Y, N, Y, Y, Y, N, N)),
    ("participation.read_hidden",         "citizen's hidden contribution in B", (N, N, N, N, Y, Y, Y, N, N)),
    # Editing or withdrawing a contribution: its author (while open, checked by the service).
    ("consultations.change_contribution", "nothing in particular",              (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("consultations.change_contribution", "contribution in A",                  (N, N, N, N, N, Y, N, N, N)),
    ("consultations.change_contribution", "contribution in B",                  (N, N, N, N, N, Y, N, N, N)),
    ("consultations.change_contribution", "citizen's contribution in A",        (N, N, N, N, N, Y, Y, N, N)),
    ("consultations.change_contribution", "citizen's contribution in B",        (N, N, N, N, N, Y, Y, N, N)),
    ("participation.moderate",            "contribution in B",                  (N, N, N, N, Y, Y, N, N, N)),
]
# fmt: on


def targets(request, commune_a, commune_b, actors, someone):
    """The objects ROWS name, keyed by target name (e.g. "open consultation in A")."""
    import datetime

    from django.utils import timezone

    from tests.consultations.factories import ConsultationFactory, ContributionFactory, published_program

    past = timezone.now() - datetime.timedelta(days=1)
    found = {}
    for side, commune in (("A", commune_a), ("B", commune_b)):
        program = published_program(commune)
        consultation = ConsultationFactory(program=program)
        found[f"open consultation in {side}"] = consultation
        found[f"residents-only consultation in {side}"] = ConsultationFactory(program=program, residents_only=True)
        found[f"contribution in {side}"] = ContributionFactory(consultation=consultation, author=someone)
        found[f"hidden contribution in {side}"] = ContributionFactory(
            consultation=consultation, author=someone, is_hidden=True
        )
        found[f"citizen's contribution in {side}"] = ContributionFactory(
            consultation=consultation, author=actors["citizen"]
        )
        found[f"citizen's hidden contribution in {side}"] = ContributionFactory(
            consultation=consultation, author=actors["citizen"], is_hidden=True
        )
        closed = ConsultationFactory(program=program, opens_at=past - datetime.timedelta(days=9), closes_at=past)
        found[f"closed consultation's contribution in {side}"] = ContributionFactory(
            consultation=closed, author=someone
        )
    return found
