"""The budgets demo: Marrakech-Safi's illustrative budget for 2025 (with its execution) and 2026, loaded once."""

import pytest
from django.urls import reverse

from infitah.budgets import demo
from infitah.budgets.models import Budget
from infitah.territories import demo as territories_demo

pytestmark = pytest.mark.django_db


def test_the_demo_publishes_two_illustrative_years_of_marrakech_safi_once(client):
    territories_demo.load()
    demo.load()
    demo.load()
    budgets = Budget.objects.filter(collectivity__code="07").order_by("year")
    assert [(b.year, b.is_illustrative, b.is_published) for b in budgets] == [(2025, True, True), (2026, True, True)]
    first, second = budgets
    assert 20 <= first.lines.count() <= 30 and second.lines.count() > first.lines.count()
    assert not first.lines.filter(executed__isnull=True).exists()
    assert not second.lines.filter(executed__isnull=False).exists()
    html = client.get(reverse("budgets:year", args=["07", 2025])).content.decode()
    assert "Illustrative demonstration figures" in html
    assert client.get(reverse("budgets:compare", args=["07"])).status_code == 200
