from infitah.territories.models import Collectivity
from tests.noticeboard.models import Notice


def load(stdout=None):
    """One published notice of Marrakech-Safi (region code 07), once."""
    region = Collectivity.objects.get(code="07")
    Notice.objects.get_or_create(
        collectivity=region, title="Notice board open", defaults={"text": "Demo notice.", "is_published": True}
    )
    return []
