"""Staff create API tokens on their account page, see the secret once, and revoke them; the API knows a token's
user from its secret alone, and refuses a revoked, expired or unknown one with a 401 problem."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from infitah.api import tokens
from infitah.api.models import ApiToken
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db
PUBLISH = "/api/v1/events/{}/publish"


def bearer(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_the_secret_is_shown_once_and_only_its_keyed_hash_is_stored(client, people):
    client.force_login(people.editor)
    response = client.post(reverse("api:tokens"), {"name": "Events script", "lifetime": "30"})
    assert response.status_code == 200
    secret = response.context["secret"]
    assert secret.startswith("inf_") and secret in response.content.decode()
    token = ApiToken.objects.get(user=people.editor)
    assert token.name == "Events script"
    assert secret not in token.secret_hash and token.secret_hash == tokens.secret_hash(secret)
    assert timedelta(days=29) < token.expires - timezone.now() <= timedelta(days=30)
    # Shown once: the page read again names the token, never its secret.
    page = client.get(reverse("api:tokens")).content.decode()
    assert "Events script" in page and secret not in page


def test_a_token_authenticates_its_user_and_records_when_it_was_used(people):
    token, secret = tokens.issue(people.editor, "script")
    assert token.last_used is None
    found = tokens.authenticate(secret)
    assert found == token and found.user == people.editor
    token.refresh_from_db()
    assert token.last_used is not None


@pytest.mark.parametrize(
    "secret",
    ["", "inf_", "inf__x", "nonsense", "inf_000000000000_wrong", "Bearer inf_abc_def", "inf_" + "a" * 40 + "_x"],
)
def test_unknown_or_malformed_secrets_find_nothing(people, secret):
    tokens.issue(people.editor, "script")
    assert tokens.authenticate(secret) is None


def test_a_right_prefix_with_a_wrong_secret_finds_nothing(people):
    token, secret = tokens.issue(people.editor, "script")
    assert tokens.authenticate(secret[:-1] + ("A" if secret[-1] != "A" else "B")) is None


def _problem_401(response):
    assert response.status_code == 401, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["status"] == 401


def test_revoked_expired_unknown_or_missing_tokens_are_refused_with_401(client, people):
    event = EventFactory(collectivity=people.commune_a, is_published=False)
    revoked, revoked_secret = tokens.issue(people.editor, "old")
    tokens.revoke(revoked)
    _expired, expired_secret = tokens.issue(people.editor, "expired", expires=timezone.now() - timedelta(seconds=1))
    for headers in (bearer(revoked_secret), bearer(expired_secret), bearer("inf_abc_def"), {}):
        _problem_401(client.post(PUBLISH.format(event.pk), **headers))
    event.refresh_from_db()
    assert not event.is_published


def test_a_signed_in_session_does_not_write_through_the_api(client, people):
    """Writes take tokens only: a page's session cannot be used by another site to write (no CSRF to forge)."""
    event = EventFactory(collectivity=people.commune_a, is_published=False)
    client.force_login(people.editor)
    _problem_401(client.post(PUBLISH.format(event.pk)))


def test_a_deactivated_account_s_token_is_refused(client, people):
    _token, secret = tokens.issue(people.editor, "script")
    people.editor.is_active = False
    people.editor.save()
    assert tokens.authenticate(secret) is None


def test_staff_revoke_their_token_and_it_stops_working(client, people):
    token, secret = tokens.issue(people.editor, "script")
    client.force_login(people.editor)
    response = client.post(reverse("api:revoke_token", args=[token.pk]))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked is not None
    assert tokens.authenticate(secret) is None


def test_nobody_revokes_another_person_s_token(client, people):
    token, _secret = tokens.issue(people.editor, "script")
    client.force_login(people.other_focal_point)
    assert client.post(reverse("api:revoke_token", args=[token.pk])).status_code == 404
    assert client.post(reverse("api:revoke_token", args=[2**63])).status_code == 404
    token.refresh_from_db()
    assert token.revoked is None


def test_citizens_have_no_tokens_page(client, people):
    client.force_login(people.citizen)
    assert client.get(reverse("api:tokens")).status_code == 403
    assert client.post(reverse("api:tokens"), {"name": "x", "lifetime": "30"}).status_code == 403
    assert not ApiToken.objects.exists()


def test_the_tokens_page_needs_a_sign_in(client):
    response = client.get(reverse("api:tokens"))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("role", ["focal_point", "editor", "information_officer", "coordinator"])
def test_staff_and_coordinators_open_the_page_from_their_menu(client, people, role):
    client.force_login(getattr(people, role))
    page = client.get(reverse("api:tokens")).content.decode()
    assert reverse("api:tokens") in page


def test_a_token_name_with_markup_is_shown_as_text(client, people):
    tokens.issue(people.editor, "<script>alert(1)</script>")
    client.force_login(people.editor)
    page = client.get(reverse("api:tokens")).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_an_invalid_form_creates_nothing_and_says_why(client, people):
    client.force_login(people.editor)
    response = client.post(reverse("api:tokens"), {"name": "", "lifetime": "9999"})
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"name", "lifetime"}
    assert not ApiToken.objects.exists()
