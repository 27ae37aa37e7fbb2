"""A message's text: escaped, paragraphs and links kept, mentions of members named, nothing else let through."""

import re

from hypothesis import given
from hypothesis import strategies as st

from infitah.forum.text import mention, mentioned_ids, plain, render


def test_a_script_is_text_not_markup():
    html = render('<script>alert("x")</script> <img src=x onerror=alert(1)>')
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_paragraphs_and_links():
    html = render("First line\nsecond line\n\nhttps://infitah.example/ar/ and more")
    assert html.count("<p>") == 2 and "<br>" in html
    assert '<a href="https://infitah.example/ar/"' in html and 'rel="noopener noreferrer"' in html


def test_a_javascript_address_never_becomes_a_link():
    html = render("javascript:alert(1) and <a href='javascript:alert(1)'>x</a>")
    assert "<a" not in html


def test_a_mention_of_a_member_is_named_and_of_anyone_else_is_plain_text():
    body = "Hello @[Salma](user:7) and @[Someone](user:8)"
    html = render(body, {7: "Salma Bennani"})
    assert '<strong class="mention"><bdi>@Salma Bennani</bdi></strong>' in html
    assert "@Someone" in html and "user:8" not in html
    assert mentioned_ids(body) == [7, 8]
    assert plain(body) == "Hello @Salma and @Someone"


def test_a_name_with_markup_in_a_mention_is_escaped():
    html = render('@[<b onmouseover="x">Bad</b>](user:3)', {3: '<i>"Bad"</i>'})
    assert "<b " not in html and "<i>" not in html and "&lt;i&gt;" in html


def test_the_picker_inserts_a_mention_a_bracket_in_a_name_cannot_break():
    assert mention("Omar [Tazi]", 12) == "@[Omar Tazi](user:12)"
    assert mentioned_ids(mention("Omar [Tazi]", 12)) == [12]


@given(st.text(alphabet=st.sampled_from("<>/=\"' ascriptimgonerrorhttps:.@[]()user0123\n"), max_size=200))
def test_any_text_renders_to_the_few_tags_of_the_rendering_only(value):
    html = render(value, {1: "Member"})
    assert {tag.lower() for tag in re.findall(r"</?([a-zA-Z][a-zA-Z0-9]*)", html)} <= {"p", "br", "a", "strong", "bdi"}
    assert "javascript:" not in re.sub(r"&[a-z]+;", "", " ".join(re.findall(r'href="([^"]*)"', html)))
