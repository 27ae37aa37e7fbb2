from allauth.account.adapter import get_adapter
from allauth.account.auth_backends import AuthenticationBackend
from django.core.exceptions import PermissionDenied

from infitah.accounts import throttle


class ThrottledAuthenticationBackend(AuthenticationBackend):
    """allauth's backend (the account found by e-mail) behind the login throttle (accounts/throttle.py), so that
    every login form is throttled alike: allauth's pages and the back office's."""

    def authenticate(self, request, **credentials):
        if request is None or not credentials.get("password"):
            return super().authenticate(request, **credentials)
        address = get_adapter().get_client_ip(request)
        account = credentials.get("email") or credentials.get("username") or ""
        if not throttle.may_try(throttle.recent_failures(address, account), throttle.limits()):
            raise PermissionDenied  # Django's authenticate() then answers "no such user", without checking
        user = super().authenticate(request, **credentials)
        if user is None:
            throttle.record_failure(address, account)
        else:
            throttle.record_success(address, account)
        return user
