from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from infitah.core.site import on_site, public_site


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        # Links go to the public address (INFITAH_SITE_URL), not to whichever host name the request came in by.
        for key, value in list(context.items()):
            if key.endswith("_url") and isinstance(value, str) and value.startswith(("http://", "https://")):
                context[key] = on_site(value)
        context.setdefault("current_site", public_site())
        # Mail goes out in the language the person is using the site in (or chose in the profile).
        user = context.get("user")
        language = getattr(user, "preferred_language", "") or translation.get_language()
        with translation.override(language):
            super().send_mail(template_prefix, email, context)
