"""This app's rows of the permission table (tests/core/test_permissions.py) and the objects they name.

ROWS use the table's format: (action, target name, (foc, edi, inf, cou, coo, adm, cit, rep, ano)).
"draft/open petition in A/B" have someone else as their agent; the citizen is the agent of "citizen's draft in A"
and is the only actor with a verified e-mail address (signing needs one).
"""

Y, N = True, False

# fmt: off
ROWS = [
    # action                           target                          foc edi inf cou coo adm cit rep ano
    ("petitions.draft",                "collectivity A",               (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("petitions.draft",                "collectivity B",               (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("petitions.view",                 "open petition in A",           (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("petitions.view",                 "draft petition in A",          (N, N, N, N, N, Y, N, N, N)),
    ("petitions.view",                 "draft petition in B",          (N, N, N, N, N, Y, N, N, N)),
    ("petitions.view",                 "citizen's draft in A",         (N, N, N, N, N, Y, Y, N, N)),
    ("petitions.edit_draft",           "draft petition in A",          (N, N, N, N, N, Y, N, N, N)),
    ("petitions.edit_draft",           "draft petition in B",          (N, N, N, N, N, Y, N, N, N)),
    ("petitions.edit_draft",           "citizen's draft in A",         (N, N, N, N, N, Y, Y, N, N)),
    ("petitions.act_as_agent",         "open petition in A",           (N, N, N, N, N, Y, N, N, N)),
    ("petitions.act_as_agent",         "open petition in B",           (N, N, N, N, N, Y, N, N, N)),
    ("petitions.act_as_agent",         "citizen's draft in A",         (N, N, N, N, N, Y, Y, N, N)),
    ("petitions.sign",                 "open petition in A",           (N, N, N, N, N, Y, Y, N, N)),
    ("petitions.sign",                 "open petition in B",           (N, N, N, N, N, Y, Y, N, N)),
    ("petitions.rule_on",              "open petition in A",           (Y, N, N, Y, N, Y, N, N, N)),
    ("petitions.rule_on",              "open petition in B",           (N, N, N, N, N, Y, N, N, N)),
    ("petitions.view_signatures",      "open petition in A",           (Y, N, N, Y, N, Y, N, N, N)),
    ("petitions.view_signatures",      "open petition in B",           (N, N, N, N, N, Y, N, N, N)),
]
# fmt: on


def targets(request, commune_a, commune_b, actors, someone):
    """The objects ROWS name, keyed by target name."""
    from allauth.account.models import EmailAddress

    from infitah.petitions import services
    from tests.petitions.factories import MONDAY, drafted

    citizen = actors["citizen"]
    EmailAddress.objects.create(user=citizen, email=citizen.email, verified=True, primary=True)
    open_a = services.open_signing(someone, drafted(commune_a, someone), today=MONDAY)
    open_b = services.open_signing(someone, drafted(commune_b, someone), today=MONDAY)
    return {
        "open petition in A": open_a,
        "open petition in B": open_b,
        "draft petition in A": drafted(commune_a, someone),
        "draft petition in B": drafted(commune_b, someone),
        "citizen's draft in A": drafted(commune_a, citizen),
    }
