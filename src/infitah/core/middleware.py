import re

from django.conf import settings
from django.utils import translation

from infitah.core.translation import LRI, PDI, RLI, SOURCE_LANGUAGE


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


class InterfaceFallbackMiddleware:
    """On a page in a language whose interface is partly translated (settings.INTERFACE_FALLBACKS: Tamazight),
    each string shown in its fallback language comes marked with Unicode isolates (core.translation.isolate);
    here, in the page's text, each becomes <span lang=… dir=…>, so it is read in its own language and laid out
    in its own direction. In a title, an attribute, an <option> or a <textarea>, where no markup may go, the
    isolates stay: they keep the direction right."""

    RAW_TEXT = re.compile(r"<(title|option|textarea|script|style)\b", re.I)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = (translation.get_language() or "").split("-")[0]
        if (
            language in getattr(settings, "INTERFACE_FALLBACKS", {})
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
        ):
            content = response.content.decode(response.charset)
            if RLI in content or LRI in content:
                response.content = mark_fallback_text(content, settings.INTERFACE_FALLBACKS[language])
                if response.has_header("Content-Length"):
                    response["Content-Length"] = str(len(response.content))
        return response


TOKENS = re.compile(r"(<[^>]*>)")
ISOLATES = re.compile(f"([{RLI}{LRI}{PDI}])")


def mark_fallback_text(html, fallback):
    """`html` with each isolate of its text turned into a <span> saying the language (RLI: `fallback`, LRI: the
    English source); isolates inside tags and raw-text elements are left as they are."""
    spans = {RLI: (fallback, "rtl"), LRI: (SOURCE_LANGUAGE, "ltr")}
    out, open_spans, raw_until = [], 0, None
    for token in TOKENS.split(html):
        if token.startswith("<"):
            out.append(token)
            if raw_until:
                if token.lower().startswith(f"</{raw_until}"):
                    raw_until = None
            else:
                match = InterfaceFallbackMiddleware.RAW_TEXT.match(token)
                raw_until = match.group(1).lower() if match else None
            continue
        if raw_until or not token:
            out.append(token)
            continue
        for piece in ISOLATES.split(token):
            if piece in spans:
                lang, direction = spans[piece]
                out.append(f'<span lang="{lang}" dir="{direction}">')
                open_spans += 1
            elif piece == PDI and open_spans:
                out.append("</span>")
                open_spans -= 1
            else:
                out.append(piece)
    return "".join(out)
