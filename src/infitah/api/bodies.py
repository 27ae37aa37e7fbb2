"""Advisory bodies, their members (public fields only) and their opinions."""

from ninja import Router

router = Router(tags=["advisory bodies"])
