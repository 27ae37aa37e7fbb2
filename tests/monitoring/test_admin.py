"""The back office lists the progress updates of the staff's own collectivity, read-only."""

import pytest

from tests.monitoring.factories import update_of

pytestmark = pytest.mark.django_db


def test_staff_read_their_collectivitys_updates_only(client, people):
    own = update_of(people.program, author=people.editor)
    other = update_of(people.program_b, author=people.other_focal_point)
    client.force_login(people.information_officer)
    listing = client.get("/en/admin/monitoring/progressupdate/").content.decode()
    assert f"/admin/monitoring/progressupdate/{own.pk}/change/" in listing
    assert f"/admin/monitoring/progressupdate/{other.pk}/change/" not in listing
    page = client.get(f"/en/admin/monitoring/progressupdate/{own.pk}/change/")
    assert page.status_code == 200 and own.get_absolute_url() in page.content.decode()
    assert client.get(f"/en/admin/monitoring/progressupdate/{other.pk}/change/").status_code in (302, 403, 404)
    response = client.post(f"/en/admin/monitoring/progressupdate/{own.pk}/change/", {"percent": "99"})
    own.refresh_from_db()
    assert own.percent == 30 and response.status_code in (302, 403)
