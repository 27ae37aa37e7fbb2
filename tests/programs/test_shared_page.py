"""A program's page is shared by everyone signed in (core/sharedpages.py): what a reader's powers add to it (the
staff's actions, a consultation to open, a co-owning association still waiting for verification) is rendered for
them in the copy another reader's visit made, and never shown to a reader without that power."""

import pytest

from infitah.accounts.models import Role
from infitah.core.sharedpages import HEADER
from tests.core.page_cache_helpers import (  # noqa: F401 -- page_cache: a fixture
    page_cache,
    rendered_for,
    signed_in_client,
    without_tokens,
)
from tests.factories import AssociationFactory, RepresentativeFactory, RoleAssignmentFactory, UserFactory
from tests.programs.factories import AxisFactory, CommitmentFactory, ProgramFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

STAFF_ACTIONS = ("Edit the draft", "Change the phase", "Publish a version", "Open a public consultation")


@pytest.fixture
def program():
    program = ProgramFactory(title={"en": "Open Tanger"})
    commitment = CommitmentFactory(axis=AxisFactory(program=program))
    commitment.associations.add(AssociationFactory(name={"en": "Verified Friends"}, is_verified=True))
    commitment.associations.add(AssociationFactory(name={"en": "Pending <i>Friends</i>"}, is_verified=False))
    return program


def page_of(user, program) -> tuple[str, str]:
    response = signed_in_client(user).get(f"/en/programs/{program.pk}/")
    assert response.status_code == 200
    return response[HEADER], without_tokens(response.content)


def test_a_focal_point_reads_their_programs_page_from_the_copy_with_their_actions(settings, program):
    focal_point = UserFactory(full_name="Focal Point")
    RoleAssignmentFactory(user=focal_point, role=Role.FOCAL_POINT, collectivity=program.collectivity)
    made, citizens = page_of(UserFactory(), program)
    assert made == "miss" and not any(action in citizens for action in STAFF_ACTIONS)

    given, focal_points = page_of(focal_point, program)

    assert given == "hit"
    assert "Focal Point" in focal_points and all(action in focal_points for action in STAFF_ACTIONS)
    assert "Open Tanger" in focal_points and "infitah-p" not in focal_points
    assert focal_points == rendered_for(settings, focal_point, f"/en/programs/{program.pk}/")
    assert not any(action in page_of(UserFactory(), program)[1] for action in STAFF_ACTIONS)


def test_a_pending_association_is_named_to_its_representative_alone(program):
    pending = program.axes.get().commitments.get().associations.get(is_verified=False)
    representative = UserFactory()
    RepresentativeFactory(user=representative, association=pending)
    page_of(UserFactory(), program)

    given, theirs = page_of(representative, program)
    _, citizens = page_of(UserFactory(), program)

    assert given == "hit"
    assert "Verified Friends" in theirs and "Pending &lt;i&gt;Friends&lt;/i&gt;" in theirs
    assert "Verified Friends" in citizens and "Pending" not in citizens


def test_a_commitments_page_from_the_copy_gives_each_reader_the_actions_and_co_owners_their_powers_show(
    settings, program
):
    commitment = program.axes.get().commitments.get()
    focal_point, elsewhere, representative = UserFactory(), UserFactory(), UserFactory()
    RoleAssignmentFactory(user=focal_point, role=Role.FOCAL_POINT, collectivity=program.collectivity)
    RoleAssignmentFactory(user=elsewhere, role=Role.EDITOR)  # the staff of another member
    RepresentativeFactory(user=representative, association=commitment.associations.get(is_verified=False))
    url = f"/en/programs/commitments/{commitment.pk}/"
    made = signed_in_client(UserFactory()).get(url)
    assert made[HEADER] == "miss"

    pages = {}
    for name, person in (("focal", focal_point), ("elsewhere", elsewhere), ("representative", representative)):
        response = signed_in_client(person).get(url)
        assert response[HEADER] == "hit", name
        assert without_tokens(response.content) == rendered_for(settings, person, url), name
        pages[name] = response.content.decode()
    citizens = signed_in_client(UserFactory()).get(url).content.decode()

    assert "Edit this commitment" in pages["focal"] and "Edit this commitment" not in pages["elsewhere"]
    assert "Copy into my program" in pages["elsewhere"]
    assert "Pending &lt;i&gt;Friends&lt;/i&gt;" in pages["representative"]
    assert "Edit this commitment" not in citizens and "Copy into my program" not in citizens
    assert "Verified Friends" in citizens and "Pending" not in citizens


def test_the_programs_list_is_shared_with_whoever_may_read_no_program_in_preparation(settings):
    """The list is given from the copy everyone signed in shares to a reader with a power who may read no program in
    preparation (the link to start one is theirs alone); a reader who may read one (its collectivity's staff and
    council, the network coordinators) has it rendered, with it."""
    from infitah.programs.phases import Phase
    from tests.core.page_cache_helpers import read_from_one_copy

    public = ProgramFactory(title={"en": "Open Tanger"}, phase=Phase.DRAFTING)
    draft = ProgramFactory(title={"en": "Draft Fes"}, phase=Phase.PREPARATION)
    editor, council_member, drafting_staff = UserFactory(), UserFactory(), UserFactory()
    RoleAssignmentFactory(user=editor, role=Role.EDITOR, collectivity=public.collectivity)
    RoleAssignmentFactory(user=council_member, role=Role.COUNCIL_MEMBER, collectivity=public.collectivity)
    RoleAssignmentFactory(user=drafting_staff, role=Role.EDITOR, collectivity=draft.collectivity)
    readers = {"citizen": UserFactory(), "editor": editor, "council member": council_member}
    pages = read_from_one_copy(settings, readers, ["/en/programs/"])

    start = 'href="/en/admin/programs/program/add/"'
    assert {name: (start in page, "Open Tanger" in page, "Draft Fes" in page) for name, (page,) in pages.items()} == {
        "citizen": (False, True, False),
        "editor": (True, True, False),
        "council member": (False, True, False),
    }
    response = signed_in_client(drafting_staff).get("/en/programs/")
    assert HEADER not in response and "Draft Fes" in response.content.decode() and start in response.content.decode()
    coordinator = UserFactory()
    RoleAssignmentFactory(user=coordinator, role=Role.NETWORK_COORDINATOR, collectivity=None)
    response = signed_in_client(coordinator).get("/en/programs/")
    assert HEADER not in response and "Draft Fes" in response.content.decode()
