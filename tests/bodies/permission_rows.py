"""This app's rows of the permission table (tests/core/test_permissions.py) and the objects they name.

ROWS use the table's format: (action, target name, (foc, edi, inf, cou, coo, adm, cit, rep, ano)).
The citizen sits on one body in A and one in B, and has left a third: a seat, not a role, lets a person submit
that body's opinions. The table's "advisory body of A/B" targets are bodies where nobody in particular sits.
"""

Y, N = True, False

# fmt: off
ROWS = [
    # action                         target                                    foc edi inf cou coo adm cit rep ano
    ("bodies.manage_members",        "nothing in particular",                  (Y, Y, N, N, Y, Y, N, N, N)),
    ("bodies.manage_members",        "advisory body of A",                     (Y, Y, N, N, Y, Y, N, N, N)),
    ("bodies.manage_members",        "advisory body of B",                     (N, N, N, N, Y, Y, N, N, N)),
    ("bodies.manage_members",        "body member in A",                       (Y, Y, N, N, Y, Y, N, N, N)),
    ("bodies.manage_members",        "body member in B",                       (N, N, N, N, Y, Y, N, N, N)),
    ("bodies.record_on_behalf",      "nothing in particular",                  (Y, Y, N, N, N, Y, N, N, N)),
    ("bodies.record_on_behalf",      "advisory body of A",                     (Y, Y, N, N, N, Y, N, N, N)),
    ("bodies.record_on_behalf",      "advisory body of B",                     (N, N, N, N, N, Y, N, N, N)),
    # Submitting "at all" (no body named): staff anywhere, and whoever sits on some body.
    ("bodies.submit_opinion",        "nothing in particular",                  (Y, Y, N, N, N, Y, Y, N, N)),
    ("bodies.submit_opinion",        "advisory body of A",                     (Y, Y, N, N, N, Y, N, N, N)),
    ("bodies.submit_opinion",        "advisory body of B",                     (N, N, N, N, N, Y, N, N, N)),
    ("bodies.submit_opinion",        "body of A where the citizen sits",       (Y, Y, N, N, N, Y, Y, N, N)),
    ("bodies.submit_opinion",        "body of B where the citizen sits",       (N, N, N, N, N, Y, Y, N, N)),
    ("bodies.submit_opinion",        "body of A the citizen has left",         (Y, Y, N, N, N, Y, N, N, N)),
    ("bodies.acknowledge_opinion",   "nothing in particular",                  (Y, Y, N, N, N, Y, N, N, N)),
    ("bodies.acknowledge_opinion",   "opinion in A",                           (Y, Y, N, N, N, Y, N, N, N)),
    ("bodies.acknowledge_opinion",   "opinion in B",                           (N, N, N, N, N, Y, N, N, N)),
    ("bodies.acknowledge_opinion",   "citizen's opinion in A",                 (Y, Y, N, N, N, Y, N, N, N)),
    ("bodies.answer_opinion",        "nothing in particular",                  (Y, Y, N, N, N, Y, N, N, N)),
    ("bodies.answer_opinion",        "opinion in A",                           (Y, Y, N, N, N, Y, N, N, N)),
    ("bodies.answer_opinion",        "opinion in B",                           (N, N, N, N, N, Y, N, N, N)),
    ("bodies.answer_opinion",        "citizen's opinion in A",                 (Y, Y, N, N, N, Y, N, N, N)),
    # Opinions about commitments (issue 10): the member who submitted it does not change them afterwards.
    ("bodies.link_commitments",      "nothing in particular",                  (Y, Y, N, N, N, Y, N, N, N)),
    ("bodies.link_commitments",      "opinion in A",                           (Y, Y, N, N, N, Y, N, N, N)),
    ("bodies.link_commitments",      "opinion in B",                           (N, N, N, N, N, Y, N, N, N)),
    ("bodies.link_commitments",      "citizen's opinion in A",                 (Y, Y, N, N, N, Y, N, N, N)),
]
# fmt: on


def targets(request, commune_a, commune_b, actors, someone):
    """The objects ROWS name, keyed by target name (e.g. "opinion in A")."""
    import datetime

    from infitah.bodies.models import BodyKind
    from tests.bodies.factories import BodyMemberFactory, OpinionFactory
    from tests.factories import AdvisoryBodyFactory

    citizen = actors["citizen"]
    objects = {}
    for side, commune in (("A", commune_a), ("B", commune_b)):
        sits = AdvisoryBodyFactory(collectivity=commune, kind=BodyKind.EQUALITY)
        BodyMemberFactory(body=sits, user=citizen, full_name="")
        objects[f"body of {side} where the citizen sits"] = sits
        objects[f"body member in {side}"] = BodyMemberFactory(body=sits, user=someone, full_name="")
        objects[f"opinion in {side}"] = OpinionFactory(body=AdvisoryBodyFactory(collectivity=commune))
    left = AdvisoryBodyFactory(collectivity=commune_a, kind=BodyKind.ECONOMIC)
    BodyMemberFactory(
        body=left,
        user=citizen,
        joined_on=datetime.date(2020, 1, 1),
        left_on=datetime.date(2021, 1, 1),
    )
    objects["body of A the citizen has left"] = left
    own = objects["body of A where the citizen sits"]
    objects["citizen's opinion in A"] = OpinionFactory(body=own, member=own.members.get(user=citizen))
    return objects
