"""Invitations by e-mail: how a person who has no link with a collectivity yet comes to have one, by consenting.

The link in the e-mail is signed (it cannot be forged or guessed) and expires; only the account whose e-mail
address received it may accept it.
"""

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from infitah.accounts.models import Association, Invitation, User
from infitah.core.permissions import Refused
from infitah.core.translation import tr

SALT = "infitah.accounts.invitation"
VALID_DAYS = 30


class InvitationRefused(Refused):
    """An invitation that cannot be accepted (expired, already accepted, not yours to answer)."""


def token_for(invitation):
    return signing.dumps(invitation.pk, salt=SALT)


def invitation_from_token(token):
    """The invitation of a link, or None when the link is wrong, expired or its invitation withdrawn."""
    try:
        pk = signing.loads(token, salt=SALT, max_age=VALID_DAYS * 24 * 3600)
    except signing.BadSignature:
        return None
    return Invitation.objects.select_related("collectivity").filter(pk=pk).first()


def invite(by, collectivity, email):
    """Record the invitation and mail its link once the transaction commits."""
    invitation = Invitation.objects.create(collectivity=collectivity, email=email, invited_by=by)
    mail_invitation(invitation)
    return invitation


def mail_invitation(invitation):
    """Mail the invitation's link, in the inviter's language, once the transaction commits."""
    language = translation.get_language()
    transaction.on_commit(lambda: send_invitation_email(invitation, language=language))


def send_invitation_email(invitation, language=None):
    with translation.override(language or settings.LANGUAGE_CODE):
        path = reverse("accounts:invitation", args=[token_for(invitation)])
        link = f"{settings.SITE_URL}{path}"
        collectivity = str(tr(invitation.collectivity.name))
        subject = _("%(collectivity)s invites you to take part in its work on Infitah") % {"collectivity": collectivity}
        body = render_to_string(
            "accounts/invitations/email.txt",
            {"collectivity": collectivity, "link": link, "valid_days": VALID_DAYS},
        )
    send_mail(subject, body, None, [invitation.email])


def accept(invitation: Invitation, user: User, association: Association | None = None) -> Invitation:
    """`user` accepts `invitation` (for themselves, and for `association` when they represent it)."""
    if user.email.strip().lower() != invitation.email:
        raise InvitationRefused(
            _(
                "This invitation was sent to another e-mail address. Log in with the account of the address that "
                "received it (or sign up with that address), then open the link again."
            )
        )
    if invitation.is_accepted:
        raise InvitationRefused(_("This invitation has already been accepted."))
    if association is not None and not association.representative_links.filter(user=user).exists():
        raise InvitationRefused(_("You may answer only for an association you represent."))
    invitation.accepted_by = user
    invitation.accepted_at = timezone.now()
    invitation.association = association
    invitation.save(update_fields=["accepted_by", "accepted_at", "association"])
    return invitation
