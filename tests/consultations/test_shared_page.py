"""A consultation's page is shared by the citizens who read it (core/sharedpages.py): what it offers each of them to
contribute (the forms, the "Comment on this axis" links, or why not) is their own, whoever's read made the copy."""

import re

import pytest
from django.test import Client

from infitah.core.sharedpages import HEADER
from tests.consultations.factories import ConsultationFactory, ContributionFactory, snapshot_keys
from tests.core.page_cache_helpers import rendered_for, without_tokens
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.INFITAH_PAGE_CACHE_SECONDS = 60


def reader(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_resident_and_an_outsider_each_read_their_own_way_to_contribute_from_one_copy(
    settings, page_cache, people, program
):
    consultation = ConsultationFactory(program=program, residents_only=True)
    url = consultation.get_absolute_url()

    made = reader(people.outsider).get(url)
    given = reader(people.citizen).get(url)

    assert (made[HEADER], given[HEADER]) == ("miss", "hit")
    outsider_page, resident_page = made.content.decode(), given.content.decode()
    assert "for residents of" in outsider_page
    assert 'id="comment-form"' not in outsider_page and "Comment on this axis" not in outsider_page
    assert 'id="comment-form"' in resident_page and "for residents of" not in resident_page
    axis_key, commitment_keys = snapshot_keys(consultation)
    assert f'href="?about=axis:{axis_key}#contribute"' in resident_page
    for key in commitment_keys:
        assert f'href="?about=commitment:{key}#contribute"' in resident_page
    assert without_tokens(made.content) == rendered_for(settings, people.outsider, url)
    assert without_tokens(given.content) == rendered_for(settings, people.citizen, url)


def test_the_place_a_citizen_chose_to_comment_on_is_chosen_in_their_form(settings, page_cache, consultation):
    _axis_key, commitment_keys = snapshot_keys(consultation)
    url = f"{consultation.get_absolute_url()}?about=commitment:{commitment_keys[1]}"
    first, second = UserFactory(), UserFactory()
    reader(first).get(url)

    given = reader(second).get(url)

    assert given[HEADER] == "hit"
    assert f'<option value="commitment:{commitment_keys[1]}" selected>' in given.content.decode()
    assert without_tokens(given.content) == rendered_for(settings, second, url)


def test_an_anonymous_visitor_is_asked_to_log_in_and_given_no_link_to_a_form(page_cache, consultation):
    page = Client().get(consultation.get_absolute_url()).content.decode()
    assert "Log in to contribute" in page
    assert "Comment on this axis" not in page and 'id="comment-form"' not in page


def test_a_contribution_posted_from_the_shared_page_is_shown_to_the_next_reader(page_cache, consultation):
    author, other = UserFactory(), UserFactory()
    assert reader(other).get(consultation.get_absolute_url())[HEADER] == "miss"

    posted = reader(author).post(consultation.get_absolute_url(), {"form": "comment", "comment-body": "رأي المواطن"})

    assert posted.status_code == 302
    page = reader(other).get(consultation.get_absolute_url())
    assert page[HEADER] == "miss"  # the copy was stale: made again
    assert "رأي المواطن" in page.content.decode()


def test_the_staff_read_their_tools_from_the_copy_citizens_share_and_citizens_never_see_them(
    settings, page_cache, consultation, people
):
    ContributionFactory(consultation=consultation, body="رأي أول")
    url = consultation.get_absolute_url()
    citizen = UserFactory()

    made = reader(citizen).get(url)
    given = reader(people.editor).get(url)

    assert (made[HEADER], given[HEADER]) == ("miss", "hit")
    staff_page, citizen_page = given.content.decode(), made.content.decode()
    for tool in (
        "Edit the consultation",
        "Answer the contributions",
        "The consultation report",
        'class="moderation-link"',
    ):
        assert tool in staff_page, tool
        assert tool not in citizen_page, tool
    assert "Log in to contribute" not in staff_page
    assert without_tokens(given.content) == rendered_for(settings, people.editor, url)
    assert without_tokens(made.content) == rendered_for(settings, citizen, url)


def support_box(page: str, contribution) -> str:
    """The text of a contribution's Support box as a reader sees it."""
    start = page.rindex("<p", 0, page.index(f'id="supports-consultationscontribution-{contribution.pk}"'))
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page[start : page.index("</div>", start)])).strip()


def test_each_citizen_reads_their_own_support_on_the_contributions_loaded_once_for_the_copy(
    settings, page_cache, consultation
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from infitah.participation import supports

    liked, other = (ContributionFactory(consultation=consultation, kind="proposal") for _ in range(2))
    karim, salma, maker = UserFactory(), UserFactory(), UserFactory()
    supports.support(karim, liked)
    url = consultation.get_absolute_url()
    reader(maker).get(url)

    karims = reader(karim).get(url)
    with CaptureQueriesContext(connection) as salmas_read:
        salmas = reader(salma).get(url)

    assert (karims[HEADER], salmas[HEADER]) == ("hit", "hit")
    karim_page, salma_page = karims.content.decode(), salmas.content.decode()
    karims_box = support_box(karim_page, liked)
    assert "including yours" in karims_box and "Withdraw my support" in karims_box
    assert "including yours" not in support_box(karim_page, other)
    assert support_box(salma_page, liked).startswith("1 support") and "including yours" not in salma_page
    assert not [query for query in salmas_read.captured_queries if '"consultations_contribution"' in query["sql"]]
    assert without_tokens(karims.content) == rendered_for(settings, karim, url)
    assert without_tokens(salmas.content) == rendered_for(settings, salma, url)


def test_a_support_given_shows_its_count_to_the_next_reader_and_as_theirs_to_its_giver(page_cache, consultation):
    contribution = ContributionFactory(consultation=consultation, kind="proposal")
    salma, later = UserFactory(), UserFactory()
    url = consultation.get_absolute_url()
    salma_client = reader(salma)
    assert support_box(salma_client.get(url).content.decode(), contribution).startswith("0 supports")

    given = salma_client.post(
        f"/en/participation/supports/consultations.contribution/{contribution.pk}/",
        {"action": "support", "next": url},
    )

    assert given.status_code == 302
    assert "including yours" in support_box(salma_client.get(url).content.decode(), contribution)
    laters = support_box(reader(later).get(url).content.decode(), contribution)
    assert laters.startswith("1 support") and "including yours" not in laters


def test_moderators_share_one_rendering_of_each_moderate_link_and_the_staff_of_another_member_are_given_none(
    settings, page_cache, consultation
):
    from infitah.accounts.models import Role
    from tests.factories import RoleAssignmentFactory

    contribution = ContributionFactory(consultation=consultation, kind="proposal")
    first, second, elsewhere = UserFactory(), UserFactory(), UserFactory()
    for moderator in (first, second):
        RoleAssignmentFactory(user=moderator, role=Role.EDITOR, collectivity=consultation.collectivity)
    RoleAssignmentFactory(user=elsewhere, role=Role.EDITOR)
    url = consultation.get_absolute_url()
    link = f"/moderate/consultations.contribution/{contribution.pk}/"
    reader(UserFactory()).get(url)

    pages = {name: reader(person).get(url) for name, person in (("first", first), ("second", second))}
    pages["elsewhere"] = reader(elsewhere).get(url)

    for name, person in (("first", first), ("second", second), ("elsewhere", elsewhere)):
        assert pages[name][HEADER] == "hit", name
        assert without_tokens(pages[name].content) == rendered_for(settings, person, url), name
    assert link in pages["second"].content.decode() and "Edit the consultation" in pages["second"].content.decode()
    assert link not in pages["elsewhere"].content.decode()
    assert "Edit the consultation" not in pages["elsewhere"].content.decode()
