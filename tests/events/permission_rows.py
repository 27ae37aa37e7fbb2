"""This app's rows of the permission table (tests/core/test_permissions.py) and the objects they name.

ROWS use the table's format: (action, target name, (foc, edi, inf, cou, coo, adm, cit, rep, ano)).
"""

Y, N = True, False

# fmt: off
ROWS = [
    # action                    target                                       foc edi inf cou coo adm cit rep ano
    ("events.view_event",       "published event in A",                      (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("events.view_event",       "published event in B",                      (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("events.view_event",       "unpublished event in A",                    (Y, Y, Y, Y, Y, Y, N, N, N)),
    ("events.view_event",       "unpublished event in B",                    (N, N, N, N, Y, Y, N, N, N)),
    ("events.view_event",       "unpublished network event",                 (N, N, N, N, Y, Y, N, N, N)),
    ("events.manage_event",     "nothing in particular",                     (Y, Y, N, N, Y, Y, N, N, N)),
    ("events.manage_event",     "collectivity A",                            (Y, Y, N, N, N, Y, N, N, N)),
    ("events.manage_event",     "collectivity B",                            (N, N, N, N, N, Y, N, N, N)),
    ("events.manage_event",     "published event in A",                      (Y, Y, N, N, N, Y, N, N, N)),
    ("events.manage_event",     "published event in B",                      (N, N, N, N, N, Y, N, N, N)),
    ("events.manage_event",     "unpublished network event",                 (N, N, N, N, Y, Y, N, N, N)),
    ("events.view_attendance",  "nothing in particular",                     (Y, Y, Y, Y, Y, Y, N, N, N)),
    ("events.view_attendance",  "published event in A",                      (Y, Y, Y, Y, Y, Y, N, N, N)),
    ("events.view_attendance",  "published event in B",                      (N, N, N, N, Y, Y, N, N, N)),
    ("events.register",         "published event in A",                      (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("events.register",         "published event in B",                      (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("events.register",         "unpublished event in A",                    (N, N, N, N, N, Y, N, N, N)),
    ("events.register",         "unpublished event in B",                    (N, N, N, N, N, Y, N, N, N)),
    ("events.get_certificate",  "citizen's attended training in A",          (Y, Y, N, N, N, Y, Y, N, N)),
    ("events.get_certificate",  "citizen's attended training in B",          (N, N, N, N, N, Y, Y, N, N)),
    ("events.get_certificate",  "citizen's workshop registration in A",      (N, N, N, N, N, Y, N, N, N)),
    ("events.get_certificate",  "citizen's workshop registration in B",      (N, N, N, N, N, Y, N, N, N)),
]
# fmt: on


def targets(request, commune_a, commune_b, actors, someone):
    """The objects ROWS name, keyed by target name (e.g. "open consultation in A")."""
    from infitah.events.models import EventKind
    from tests.events.factories import EventFactory, RegistrationFactory

    citizen = actors["citizen"]

    def attended(kind, collectivity):
        event = EventFactory(collectivity=collectivity, kind=kind)
        return RegistrationFactory(event=event, user=citizen, attended=True)

    return {
        "published event in A": EventFactory(collectivity=commune_a),
        "published event in B": EventFactory(collectivity=commune_b),
        "unpublished event in A": EventFactory(collectivity=commune_a, is_published=False),
        "unpublished event in B": EventFactory(collectivity=commune_b, is_published=False),
        "unpublished network event": EventFactory(collectivity=None, is_published=False),
        "citizen's attended training in A": attended(EventKind.TRAINING, commune_a),
        "citizen's attended training in B": attended(EventKind.TRAINING, commune_b),
        "citizen's workshop registration in A": attended(EventKind.WORKSHOP, commune_a),
        "citizen's workshop registration in B": attended(EventKind.WORKSHOP, commune_b),
    }
