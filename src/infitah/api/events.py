"""Workshops, meetings and trainings with their agendas."""

from ninja import Router

router = Router(tags=["events"])
