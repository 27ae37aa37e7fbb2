"""Every e-mail and feed links to the platform's public address (INFITAH_SITE_URL), whatever host name a request
came in by; without the setting, to the address `infitah serve` / `infitah demo` were started on."""

import io
import os
import re
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import call_command

from infitah.core.site import on_site, served_site_url
from tests.factories import UserFactory

PUBLIC = "https://infitah.example.ma"


@pytest.mark.parametrize(
    ("host", "port", "expected"),
    [
        ("127.0.0.1", 8000, "http://127.0.0.1:8000"),
        ("infitah.local", 8080, "http://infitah.local:8080"),
        ("0.0.0.0", 8000, "http://127.0.0.1:8000"),  # noqa: S104 - every address: link to this machine
        ("::1", 9000, "http://[::1]:9000"),
    ],
)
def test_a_server_without_a_set_address_links_to_where_it_listens(host, port, expected):
    assert served_site_url(host, port) == expected


def test_an_address_is_moved_to_the_public_site(settings):
    settings.SITE_URL = PUBLIC
    assert on_site("http://10.0.0.5:8000/ar/x/?a=1#b") == f"{PUBLIC}/ar/x/?a=1#b"


@pytest.mark.parametrize(("preset", "expected"), [(None, "http://127.0.0.1:8123"), (PUBLIC, PUBLIC)])
def test_serve_hands_its_address_to_the_web_processes_and_the_worker(preset, expected):
    environment = {k: v for k, v in os.environ.items() if k != "INFITAH_SITE_URL"}
    if preset:
        environment["INFITAH_SITE_URL"] = preset
    # os.execv would replace this process by gunicorn: stop there instead, and look at the environment it gets.
    with (
        mock.patch.dict(os.environ, environment, clear=True),
        mock.patch("os.execv", side_effect=SystemExit) as execv,
        pytest.raises(SystemExit),
    ):
        try:
            call_command("serve", host="127.0.0.1", port=8123, no_collectstatic=True, stdout=io.StringIO())
        finally:
            assert os.environ["INFITAH_SITE_URL"] == expected
    assert execv.called


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


@pytest.mark.django_db
def test_the_password_reset_mail_links_to_the_public_address(client, settings):
    settings.SITE_URL = PUBLIC
    user = UserFactory(email="amina@example.ma")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.post("/ar/accounts/password/reset/", {"email": user.email})
    assert link_in(mail.outbox[0]).startswith(f"{PUBLIC}/ar/accounts/password/reset/key/")
    assert "testserver" not in mail.outbox[0].body


@pytest.mark.django_db
def test_the_signup_confirmation_mail_links_to_the_public_address(client, settings):
    settings.SITE_URL = PUBLIC
    password = "a long sentence nobody guesses 42"
    client.post(
        "/fr/accounts/signup/",
        {"email": "yassine@example.ma", "password1": password, "password2": password, "full_name": "Yassine"},
    )
    assert link_in(mail.outbox[0]).startswith(f"{PUBLIC}/fr/accounts/confirm-email/")
