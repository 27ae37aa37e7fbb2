"""Checks over every template's source, so that a new page keeps the language rules the old ones follow."""

import re
from pathlib import Path

import pytest

import infitah

TEMPLATES = sorted(Path(infitah.__file__).parent.glob("*/templates/**/*.html"))
TITLE_BLOCK = re.compile(r"{% block (?:title|head_title|description) %}(.*?){% endblock", re.S)
ATTRIBUTE = re.compile(r'\b[\w-]+="([^"]*)"')


def test_templates_are_found():
    assert len(TEMPLATES) > 50


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(Path(infitah.__file__).parent)))
def test_titles_and_attributes_take_plain_text(path):
    """`{% tr %}` and `|bdi` add markup (<span lang dir>, <bdi>): in a <title> or an attribute it would show as
    is. There, `|tr` gives the plain text."""
    source = path.read_text()
    for title in TITLE_BLOCK.findall(source):
        assert "{% tr " not in title, f"{path.name}: the title takes {{{{ value|tr }}}}, not {{% tr value %}}"
        assert "|bdi" not in title, f"{path.name}: a title cannot hold a <bdi>"
    for value in ATTRIBUTE.findall(source):
        assert "{% tr " not in value, f"{path.name}: an attribute takes {{{{ value|tr }}}}, not {{% tr value %}}"
        assert "|bdi" not in value, f"{path.name}: an attribute cannot hold a <bdi>"


SOURCES = sorted(
    path
    for path in Path(infitah.__file__).parent.glob("**/*")
    if path.suffix in {".html", ".py"} and "formats" not in path.parts and "migrations" not in path.parts
)


def test_dates_with_a_time_use_each_languages_format():
    """'j F Y, H:i' writes a Latin comma into Arabic pages; DATETIME_FORMAT is set per language (formats/)."""
    literal = [str(path.name) for path in SOURCES if "j F Y, H:i" in path.read_text(encoding="utf-8")]
    assert not literal, f"use DATETIME_FORMAT instead of 'j F Y, H:i' in {literal}"
