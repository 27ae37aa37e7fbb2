"""This app's rows of the permission table (tests/core/test_permissions.py) and the objects they name.

ROWS use the table's format: (action, target name, (foc, edi, inf, cou, coo, adm, cit, rep, ano)). The table's
representative represents an association seated in A, designated for the independent assessment of A's campaign.
"""

Y, N = True, False

# fmt: off
ROWS = [
    # action                          target                                     foc edi inf cou coo adm cit rep ano
    ("evaluation.manage_framework",   "nothing in particular",                   (N, N, N, N, Y, Y, N, N, N)),
    ("evaluation.manage_framework",   "draft framework",                         (N, N, N, N, Y, Y, N, N, N)),
    ("evaluation.manage_campaign",    "nothing in particular",                   (N, N, N, N, Y, Y, N, N, N)),
    ("evaluation.manage_campaign",    "collectivity A",                          (N, N, N, N, Y, Y, N, N, N)),
    ("evaluation.manage_campaign",    "collectivity B",                          (N, N, N, N, Y, Y, N, N, N)),
    # A draft is its party's alone, a platform administrator's neither (the coordinators see only its status); a
    # submitted one is everyone's. Filling is a party's only.
    ("evaluation.view_assessment",    "draft self-assessment in A",              (Y, Y, N, N, N, N, N, N, N)),
    ("evaluation.view_assessment",    "draft independent assessment in A",       (N, N, N, N, N, N, N, Y, N)),
    ("evaluation.view_assessment",    "draft self-assessment in B",              (N, N, N, N, N, N, N, N, N)),
    ("evaluation.view_assessment",    "draft independent assessment in B",       (N, N, N, N, N, N, N, N, N)),
    ("evaluation.view_assessment",    "submitted self-assessment in B",          (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("evaluation.view_assessment",    "draft self-assessment score in A",        (Y, Y, N, N, N, N, N, N, N)),
    ("evaluation.view_assessment",    "draft independent assessment score in A", (N, N, N, N, N, N, N, Y, N)),
    ("evaluation.fill_assessment",    "nothing in particular",                   (Y, Y, N, N, N, N, N, Y, N)),
    ("evaluation.fill_assessment",    "draft self-assessment in A",              (Y, Y, N, N, N, N, N, N, N)),
    ("evaluation.fill_assessment",    "draft independent assessment in A",       (N, N, N, N, N, N, N, Y, N)),
    ("evaluation.fill_assessment",    "draft self-assessment in B",              (N, N, N, N, N, N, N, N, N)),
    ("evaluation.fill_assessment",    "draft independent assessment in B",       (N, N, N, N, N, N, N, N, N)),
    ("evaluation.fill_assessment",    "draft self-assessment score in A",        (Y, Y, N, N, N, N, N, N, N)),
    ("evaluation.fill_assessment",    "draft independent assessment score in A", (N, N, N, N, N, N, N, Y, N)),
    ("evaluation.reconcile",          "nothing in particular",                   (Y, Y, N, N, Y, Y, N, Y, N)),
    ("evaluation.reconcile",          "campaign in A",                           (Y, Y, N, N, Y, Y, N, Y, N)),
    ("evaluation.reconcile",          "campaign in B",                           (N, N, N, N, Y, Y, N, N, N)),
    ("evaluation.record_finding",     "nothing in particular",                   (Y, Y, N, N, N, Y, N, N, N)),
    ("evaluation.record_finding",     "campaign in A",                           (Y, Y, N, N, N, Y, N, N, N)),
    ("evaluation.record_finding",     "campaign in B",                           (N, N, N, N, N, Y, N, N, N)),
    ("evaluation.assess_commitment",  "nothing in particular",                   (N, N, N, N, Y, Y, N, Y, N)),
    ("evaluation.assess_commitment",  "campaign in A",                           (N, N, N, N, Y, Y, N, Y, N)),
    ("evaluation.assess_commitment",  "campaign in B",                           (N, N, N, N, Y, Y, N, N, N)),
    # Evidence files of a score follow its assessment: the coordinators, who moderate these files, get a draft's
    # only once it is submitted.
    ("participation.download_attachment", "file of a draft self-assessment score in A",        (Y, Y, N, N, N, Y, N, N, N)),  # noqa: E501
    ("participation.download_attachment", "file of a draft independent assessment score in A", (N, N, N, N, N, Y, N, Y, N)),  # noqa: E501
    ("participation.download_attachment", "file of a submitted self-assessment score in B",    (Y, Y, Y, Y, Y, Y, Y, Y, Y)),  # noqa: E501
]
# fmt: on


def targets(request, commune_a, commune_b, actors, someone):
    """The objects ROWS name, keyed by target name."""
    from infitah.accounts.models import Representative
    from infitah.evaluation.models import FrameworkStatus, Party
    from tests.evaluation.factories import (
        CampaignFactory,
        FrameworkFactory,
        IndicatorFactory,
        assessment,
        score,
        submitted,
    )

    framework = FrameworkFactory()
    indicator = IndicatorFactory(framework=framework)
    campaign_a = CampaignFactory(framework=framework, collectivity=commune_a)
    campaign_b = CampaignFactory(framework=framework, collectivity=commune_b)
    # The table's representative's association is designated for A's campaign.
    designated = Representative.objects.get(user=actors["representative"]).association
    assessment(campaign_a, Party.INDEPENDENT).associations.set([designated])
    other_b = CampaignFactory(framework=framework, collectivity=commune_b, year=2023)
    draft_self_score = score(assessment(campaign_a, Party.SELF), indicator, 2)
    draft_independent_score = score(assessment(campaign_a, Party.INDEPENDENT), indicator, 3)
    return {
        "draft framework": FrameworkFactory(status=FrameworkStatus.DRAFT),
        "campaign in A": campaign_a,
        "campaign in B": campaign_b,
        "draft self-assessment in A": assessment(campaign_a, Party.SELF),
        "draft independent assessment in A": assessment(campaign_a, Party.INDEPENDENT),
        "draft self-assessment in B": assessment(campaign_b, Party.SELF),
        "draft independent assessment in B": assessment(campaign_b, Party.INDEPENDENT),
        "submitted self-assessment in B": submitted(assessment(other_b, Party.SELF)),
        "draft self-assessment score in A": draft_self_score,
        "draft independent assessment score in A": draft_independent_score,
        "file of a draft self-assessment score in A": _evidence_file(draft_self_score, someone),
        "file of a draft independent assessment score in A": _evidence_file(draft_independent_score, someone),
        "file of a submitted self-assessment score in B": _evidence_file(
            score(assessment(other_b, Party.SELF), indicator, 1), someone
        ),
    }


def _evidence_file(score, uploader):
    """An evidence file attached to `score` (by someone holding no role, so that no column is its uploader)."""
    from infitah.participation.models import Attachment
    from infitah.participation.targets import target_fields

    return Attachment.objects.create(
        file="attachments/evidence.pdf",
        original_name="evidence.pdf",
        extension="pdf",
        mime_type="application/pdf",
        size=9,
        uploaded_by=uploader,
        **target_fields(score),
    )
