from allauth.account import app_settings
from django import template

register = template.Library()


@register.simple_tag
def email_confirmation_days():
    """How many days a link to confirm an e-mail address stays valid (ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS)."""
    return app_settings.EMAIL_CONFIRMATION_EXPIRE_DAYS
