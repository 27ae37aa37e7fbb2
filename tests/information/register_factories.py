"""Requests in every shape the register shows, made through the services (filed, answered, refused, late...)."""

import datetime

from infitah.information import services, states
from infitah.information.models import Ground
from tests.information.factories import MONDAY, filed_request


def days(number):
    return MONDAY + datetime.timedelta(days=number)


def answered(collectivity, officer, *, on=MONDAY, after=2, response="The report is attached.", **fields):
    request = filed_request(collectivity, on=on, **fields)
    return services.perform(
        officer, request, states.ANSWER, response=response, today=on + datetime.timedelta(days=after)
    )


def refused(collectivity, officer, *, on=MONDAY, after=3, ground=Ground.PRIVATE_LIFE, **fields):
    request = filed_request(collectivity, on=on, **fields)
    return services.perform(
        officer,
        request,
        states.REFUSE,
        response="This names a person's health.",
        ground=ground,
        today=on + datetime.timedelta(days=after),
    )


def hidden(collectivity, officer, **fields):
    request = filed_request(collectivity, **fields)
    services.set_visibility(officer, request, is_public=False, reason="Names a private person")
    request.refresh_from_db()
    return request
