"""Writing to a member collectivity: who receives the message, how often one may write, and the sending.

The page never shows a person's address: it names the role (the focal point) and shows only the address the
collectivity published itself (`Collectivity.contact_email`). Messages go to the collectivity's focal points and to
that published address, with the writer's address as Reply-To.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from infitah.accounts.models import Role

# How many messages one address (network or e-mail) may send in a window, whatever the collectivity.
MESSAGES_PER_WINDOW = 5
WINDOW_SECONDS = 3600


def focal_points(collectivity):
    return list(
        get_user_model().objects.filter(
            is_active=True,
            role_assignments__role=Role.FOCAL_POINT,
            role_assignments__collectivity=collectivity,
        )
    )


def may_receive(collectivity, people=None):
    """Is there anyone to read a message to this collectivity?"""
    return bool(collectivity.contact_email or (people if people is not None else focal_points(collectivity)))


def client_ip(request):
    """The writer's network address as the login limits see it (allauth's, which honours the trusted proxies
    configured with ALLAUTH_TRUSTED_PROXY_COUNT behind a reverse proxy)."""
    from allauth.account.adapter import get_adapter
    from django.core.exceptions import PermissionDenied

    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return None


def over_limit(keys):
    """True when any of `keys` (the writer's network address, their e-mail) already sent its share in the window;
    otherwise counts this message against each of them."""
    keys = [f"contact-rate:{key}" for key in keys if key]
    if any((cache.get(key) or 0) >= MESSAGES_PER_WINDOW for key in keys):
        return True
    for key in keys:
        if cache.add(key, 1, WINDOW_SECONDS) is False:
            try:
                cache.incr(key)
            except ValueError:  # expired in between
                cache.set(key, 1, WINDOW_SECONDS)
    return False


def send(collectivity, *, name, email, subject, message, page_url):
    """Mail the message to each focal point in their language, and to the published address in Arabic."""
    recipients = [
        (person.email, person.preferred_language or settings.LANGUAGE_CODE) for person in focal_points(collectivity)
    ]
    if collectivity.contact_email:
        recipients.append((collectivity.contact_email, settings.LANGUAGE_CODE))
    seen = set()
    for address, language in recipients:
        if address.lower() in seen:
            continue
        seen.add(address.lower())
        with translation.override(language):
            body = render_to_string(
                "territories/email/contact.txt",
                {
                    "collectivity": collectivity,
                    "name": name,
                    "email": email,
                    "subject": subject,
                    "message": message,
                    "page_url": page_url,
                },
            )
            EmailMessage(
                f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}", body, None, [address], reply_to=[email]
            ).send()
    return len(seen)
