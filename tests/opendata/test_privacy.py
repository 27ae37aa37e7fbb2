"""No dataset publishes personal data: no column names a national ID, an e-mail, a phone, a postal address or a
private person's name. Walked over every registered dataset, so a later app's dataset is checked by declaring."""

import re

import pytest

from infitah.core.datasets import datasets

# Parts of a column name that say it holds personal data (English, the names' language; and the usual French).
DENY = re.compile(
    r"(^|_)("
    r"cin|cnie|national_id|id_number|identity|passport"
    r"|e_?mail|courriel|phone|telephone|mobile|gsm|fax"
    r"|address|adresse|street|postal|zip"
    r"|first_?name|last_?name|full_?name|surname|given_name|birth|born|gender|sex"
    r"|person|citizen|requester|signer|signatory|author|user|username|ip"
    r")($|_)"
)

# Reviewed exceptions, each with why it is not personal data published without consent.
REVIEWED = {
    # The requester's name only when they chose to show it in the register (publish_name), empty otherwise: tested
    # in tests/information/test_privacy.py.
    ("information-requests", "requester"),
}


def test_the_deny_list_catches_what_it_is_for():
    for name in ("email", "contact_email", "requester_name", "phone", "national_id", "postal_address", "signer"):
        assert DENY.search(name), name
    for name in ("collectivity", "title", "signatures", "population", "principles", "member_since"):
        assert not DENY.search(name), name


@pytest.mark.parametrize("chosen", datasets(), ids=lambda chosen: chosen.key)
def test_no_dataset_has_a_personal_data_column(chosen):
    named = [
        column.name
        for column in chosen.columns
        if DENY.search(column.name.lower()) and (chosen.key, column.name) not in REVIEWED
    ]
    assert named == []


@pytest.mark.parametrize("chosen", datasets(), ids=lambda chosen: chosen.key)
def test_every_column_name_is_a_stable_identifier(chosen):
    names = [column.name for column in chosen.columns]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", name) for name in names)
