from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.auth.hashers import make_password
from django.contrib.sites.shortcuts import get_current_site
from django.utils import translation
from django.utils.crypto import get_random_string

from infitah.accounts import tasks, throttle
from infitah.accounts.models import User
from infitah.core.site import on_site, public_site


def owner_of(email):
    """The account that uses this e-mail address, if any (addresses are stored lower-case)."""
    return User.objects.filter(email__iexact=(email or "").strip()).first()


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        # Links go to the public address (INFITAH_SITE_URL), not to whichever host name the request came in by.
        for key, value in list(context.items()):
            if key.endswith("_url") and isinstance(value, str) and value.startswith(("http://", "https://")):
                context[key] = on_site(value)
        context.setdefault("current_site", public_site())
        # Mail goes to an account's owner in the language chosen in their profile; to an address without an
        # account, in the language the person is using the site in.
        user = context.get("user") or owner_of(email)
        language = getattr(user, "preferred_language", "") or translation.get_language()
        request = allauth_context.request
        full_context = {"request": request, "email": email, "current_site": get_current_site(request), **context}
        with translation.override(language):
            message = self.render_mail(template_prefix, email, full_context)
        tasks.send_account_mail.enqueue(
            message.subject,
            message.body,
            message.from_email,
            list(message.to),
            [list(alternative) for alternative in getattr(message, "alternatives", [])],
        )

    def send_account_already_exists_mail(self, email):
        # Someone tried to sign up with an address that has an account (ACCOUNT_PREVENT_ENUMERATION): the page
        # they see says nothing; the owner is told, with links in their own language.
        owner = owner_of(email)
        # A new account costs a password hash: so does this answer, or its speed would tell the address is taken.
        make_password(get_random_string(32))
        language = getattr(owner, "preferred_language", "") or translation.get_language()
        with translation.override(language):
            super().send_account_already_exists_mail(email)

    # Login throttling (accounts/throttle.py) replaces allauth's login_failed rate limit, which locked an
    # account for everyone, its owner included, after five failures from anywhere. The authentication backend
    # counts the failures (for the back office's login form too); here a refusal gets allauth's message.
    def pre_authenticate(self, request, **credentials):
        address = self.get_client_ip(request)
        account = credentials.get("email") or credentials.get("username") or ""
        if not throttle.may_try(throttle.recent_failures(address, account), throttle.limits()):
            raise self.validation_error("too_many_login_attempts")
