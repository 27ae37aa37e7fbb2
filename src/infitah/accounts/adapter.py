from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from infitah.accounts.models import User


def owner_of(email):
    """The account that uses this e-mail address, if any (addresses are stored lower-case)."""
    return User.objects.filter(email__iexact=(email or "").strip()).first()


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        # Mail goes to an account's owner in the language chosen in their profile; to an address without an
        # account, in the language the person is using the site in.
        user = context.get("user") or owner_of(email)
        language = getattr(user, "preferred_language", "") or translation.get_language()
        with translation.override(language):
            super().send_mail(template_prefix, email, context)

    def send_account_already_exists_mail(self, email):
        # Someone tried to sign up with an address that has an account (ACCOUNT_PREVENT_ENUMERATION): the page
        # they see says nothing; the owner is told, with links in their own language.
        owner = owner_of(email)
        language = getattr(owner, "preferred_language", "") or translation.get_language()
        with translation.override(language):
            super().send_account_already_exists_mail(email)
