from django.conf import settings
from django.utils import translation

from infitah.core.chrome import navigation_links
from infitah.core.contributions import account_menu, ordered


def interface(request):
    lang = translation.get_language() or settings.LANGUAGE_CODE
    return {
        "LANGUAGE_DIRECTION": "rtl" if translation.get_language_bidi() else "ltr",
        "INTERFACE_LANGUAGES": [
            {"code": code, "name": settings.LANGUAGE_NAMES_LOCAL.get(code, name), "current": code == lang}
            for code, name in settings.LANGUAGES
        ],
        # The same for every visitor of a language: reversed and translated once per process and language.
        "NAVIGATION": navigation_links(),
        "ACCOUNT_MENU": ordered(account_menu),
    }
