"""In the browser: a focal point gives a role by typing part of a name; the search offers the people linked to
their commune and no one else."""

from playwright.sync_api import expect

from infitah.accounts.invitations import accept
from infitah.accounts.models import Invitation, Role, RoleAssignment
from tests.factories import CommuneFactory, UserFactory


def test_a_focal_point_finds_a_linked_person_by_name_and_gives_them_a_role(page, verified_user_factory, log_in):
    commune_a, commune_b = CommuneFactory(), CommuneFactory()
    focal_point = verified_user_factory(email="focal@example.ma")
    RoleAssignment.objects.create(user=focal_point, role=Role.FOCAL_POINT, collectivity=commune_a)
    invited = UserFactory(full_name="Samira Invitée")
    accept(Invitation.objects.create(collectivity=commune_a, email=invited.email), invited)
    UserFactory(full_name="Samira Inconnue")
    elsewhere = UserFactory(full_name="Samira Ailleurs")
    RoleAssignment.objects.create(user=elsewhere, role=Role.EDITOR, collectivity=commune_b)

    log_in("focal@example.ma", language="fr")
    page.goto("/fr/admin/accounts/roleassignment/add/")
    page.locator("#id_user").locator("xpath=..").locator(".select2-selection").click()
    page.locator(".select2-search__field").fill("Samira")
    options = page.locator(".select2-results__option")
    expect(options).to_have_text(["Samira Invitée"])
    options.first.click()
    page.locator("#id_role").select_option(Role.EDITOR.value)
    page.locator("#id_collectivity").locator("xpath=..").locator(".select2-selection").click()
    page.locator(".select2-results__option").first.click()
    page.locator("input[name=_save]").click()

    expect(page.locator(".messagelist")).to_contain_text("Samira Invitée")
    assert RoleAssignment.objects.filter(user=invited, role=Role.EDITOR, collectivity=commune_a).exists()
