from allauth.account.adapter import get_adapter
from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError

from infitah.accounts import throttle
from infitah.core import quicksql


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

    def get_user(self, user_id):
        """The signed-in person of every request, read as SQL built once per process (core.quicksql): what Django's
        backend reads through the ORM, at a tenth of its cost."""
        model = get_user_model()
        try:
            pk = model._meta.pk.to_python(user_id)
        except ValidationError:
            return None
        user = quicksql.instance(model, **{model._meta.pk.name: pk})
        return user if user is not None and self.user_can_authenticate(user) else None
