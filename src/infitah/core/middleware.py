from django.conf import settings
from django.utils import translation


class PreferredLanguageMiddleware:
    """On a URL without a language prefix, redirect to the language a signed-in user chose in the profile.

    Django's LocaleMiddleware already honours the language cookie; this puts the profile ahead of the
    browser's Accept-Language for signed-in users.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and getattr(user, "preferred_language", "")
            and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
            and translation.get_language_from_path(request.path_info) is None
        ):
            request.COOKIES[settings.LANGUAGE_COOKIE_NAME] = user.preferred_language
        return self.get_response(request)
