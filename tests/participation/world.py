"""A participation target for the tests: advisory bodies stand in for the consultations' contributions.

The body of kind "other" is closed (its gate refuses), every other kind is open. Registered for one test
at a time with `discussions(request)` or the `discussions` fixture, so nothing leaks into other tests.
"""

import pytest

from infitah.bodies.models import AdvisoryBody, BodyKind
from infitah.participation.targets import FEATURES, VIEW, ParticipationTarget, register_target, unregister_target

CLOSED = "This discussion is closed."


def gate(user, body, feature):
    if feature == VIEW:
        return None
    return CLOSED if body.kind == BodyKind.OTHER else None


DISCUSSION = ParticipationTarget(
    model=AdvisoryBody,
    features=FEATURES,
    gate=gate,
    url=lambda body: f"/ar/discussions/{body.pk}/",
)
LABEL = "bodies.advisorybody"


def register_discussions(request):
    register_target(DISCUSSION)
    request.addfinalizer(lambda: unregister_target(AdvisoryBody))


@pytest.fixture
def discussions(request):
    register_discussions(request)
    return DISCUSSION


def participation_targets(request, commune_a, commune_b, citizen, someone):
    """The objects the permission table (tests/core/test_permissions.py) asks the participation rules about."""
    from django.contrib.contenttypes.models import ContentType

    from infitah.participation.audit import audit
    from infitah.participation.models import Attachment, Comment
    from tests.factories import AdvisoryBodyFactory

    register_discussions(request)
    targets = {}
    for side, commune in (("A", commune_a), ("B", commune_b)):
        discussion = AdvisoryBodyFactory(collectivity=commune, kind=BodyKind.YOUTH)
        on_it = {
            "content_type": ContentType.objects.get_for_model(discussion),
            "object_id": discussion.pk,
            "collectivity": commune,
        }
        targets[f"open discussion in {side}"] = discussion
        targets[f"closed discussion in {side}"] = AdvisoryBodyFactory(collectivity=commune, kind=BodyKind.OTHER)
        targets[f"comment in {side}"] = Comment.objects.create(author=someone, body="An opinion", **on_it)
        targets[f"citizen's comment in {side}"] = Comment.objects.create(author=citizen, body="Mine", **on_it)
        targets[f"hidden comment in {side}"] = Comment.objects.create(
            author=someone, body="Insult", is_hidden=True, hidden_category="abuse", **on_it
        )
        targets[f"audit entry of {side}"] = audit(someone, "test.action", discussion)
        targets[f"attachment in {side}"] = Attachment.objects.create(
            file="attachments/x.pdf",
            original_name="x.pdf",
            extension="pdf",
            mime_type="application/pdf",
            size=9,
            uploaded_by=someone,
            **on_it,
        )
        targets[f"hidden attachment in {side}"] = Attachment.objects.create(
            file="attachments/y.pdf",
            original_name="y.pdf",
            extension="pdf",
            mime_type="application/pdf",
            size=9,
            uploaded_by=someone,
            is_hidden=True,
            **on_it,
        )
    targets["network-wide audit entry"] = audit(someone, "test.action", None)
    return targets
