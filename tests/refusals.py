"""What a refused person reads: the 403 page in the site's layout with the reason, not only a status code."""

from html import unescape

# The general explanation (the back office, and rules that give no reason of their own), in English and French.
GENERAL = "Your account does not give you access to this page or this action."
GENERAL_FR = "Votre compte ne vous donne pas accès à cette page ni à cette action."


def refused(response, reason=GENERAL):
    """Assert a 403 page that says `reason`; return its text."""
    assert response.status_code == 403, response.status_code
    text = unescape(response.content.decode())
    assert reason in text, text[:3000]
    return text
