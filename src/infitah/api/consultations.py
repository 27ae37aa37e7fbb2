"""Public consultations, their public contributions and the collectivity's responses."""

from ninja import Router

router = Router(tags=["consultations"])
