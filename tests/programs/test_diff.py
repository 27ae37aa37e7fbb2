"""Anyone compares two versions and sees the axes and commitments added, removed and changed, word by word."""

import copy

from hypothesis import given
from hypothesis import strategies as st

from infitah.programs.diff import diff_versions, is_empty, text_changes


def commitment(key, **fields):
    return {
        "key": key,
        "title": {"ar": f"الالتزام {key}", "fr": f"Engagement {key}"},
        "problem": {},
        "description": {},
        "start_date": "2024-01-01",
        "end_date": "2024-12-31",
        "principles": ["transparency"],
        "associations": [],
        "budget_estimate": None,
        "milestones": [],
        **fields,
    }


def snapshot(*axes):
    return {"schema": 1, "program": {"title": {"fr": "P"}}, "axes": list(axes)}


def axis(key, *commitments, title=None):
    return {"key": key, "title": title or {"fr": f"Axe {key}"}, "description": {}, "commitments": list(commitments)}


BEFORE = snapshot(
    axis("a1", commitment("c1"), commitment("c2"), title={"ar": "المشاركة المواطنة", "fr": "Participation citoyenne"}),
    axis("a2", commitment("c3")),
)


def test_a_version_compared_with_itself_has_no_change():
    assert is_empty(diff_versions(BEFORE, copy.deepcopy(BEFORE)))


def test_added_removed_and_changed_axes_and_commitments_are_matched_by_key():
    after = copy.deepcopy(BEFORE)
    after["axes"][0]["title"] = {"ar": "المشاركة المواطنة والتتبع المشترك", "fr": "Participation citoyenne"}
    after["axes"][0]["commitments"][1]["title"]["fr"] = "Engagement c2 revu"  # c2 changed
    after["axes"][1]["commitments"] = []  # c3 removed
    after["axes"].append(axis("a3", commitment("c4")))  # an axis and a commitment added
    diff = diff_versions(BEFORE, after)

    assert [a["key"] for a in diff["axes"]["added"]] == ["a3"]
    assert diff["axes"]["removed"] == []
    (changed_axis,) = diff["axes"]["changed"]
    (title_change,) = changed_axis["fields"]
    assert title_change["field"] == "title"
    assert [language["lang"] for language in title_change["languages"]] == ["ar"]  # the French did not change
    assert {"op": "insert", "text": "والتتبع المشترك"} in [
        {**segment, "text": segment["text"].strip()} for segment in title_change["languages"][0]["segments"]
    ]

    assert [c["key"] for c in diff["commitments"]["added"]] == ["c4"]
    assert [c["key"] for c in diff["commitments"]["removed"]] == ["c3"]
    assert [c["key"] for c in diff["commitments"]["changed"]] == ["c2"]


def test_text_changes_are_word_by_word():
    old, new = "Publier les décisions du conseil", "Publier les ordres du jour et les décisions du conseil"
    segments = text_changes(old, new)
    assert "".join(s["text"] for s in segments if s["op"] != "insert").split() == old.split()
    assert "".join(s["text"] for s in segments if s["op"] != "delete") == new
    assert [s["op"] for s in segments] == ["equal", "insert", "equal"]
    assert segments[1]["text"].split() == ["les", "ordres", "du", "jour", "et"]
    assert text_changes("un deux trois", "un quatre trois") == [
        {"op": "equal", "text": "un "},
        {"op": "delete", "text": "deux "},
        {"op": "insert", "text": "quatre "},
        {"op": "equal", "text": "trois"},
    ]


def test_a_commitment_moved_to_another_axis_dates_budget_principles_partners_and_milestones():
    after = copy.deepcopy(BEFORE)
    moved = after["axes"][0]["commitments"].pop(0)
    moved.update(
        end_date="2025-06-30",
        budget_estimate="80000.00",
        principles=["transparency", "digitalisation"],
        associations=[{"id": 7, "name": {"ar": "جمعية الأمل"}}],
        milestones=[{"key": "m1", "title": {"fr": "Lancement"}, "due_date": "2024-03-31", "deliverable": {}}],
    )
    after["axes"][1]["commitments"].append(moved)
    (change,) = diff_versions(BEFORE, after)["commitments"]["changed"]
    fields = {field["field"]: field for field in change["fields"]}
    assert fields["axis"]["kind"] == "moved" and fields["axis"]["new"] == {"fr": "Axe a2"}
    assert fields["end_date"] == {"field": "end_date", "kind": "value", "old": "2024-12-31", "new": "2025-06-30"}
    assert fields["budget_estimate"]["new"] == "80000.00"
    assert fields["principles"]["added"] == ["digitalisation"] and fields["principles"]["removed"] == []
    assert fields["associations"]["added"] == [{"ar": "جمعية الأمل"}]
    assert "Lancement" in fields["milestones"]["languages"][0]["segments"][0]["text"]


# Snapshots drawn at random: up to three axes, each with up to three commitments, keys from a small pool so that
# two random snapshots share some items and differ in others.
texts = st.dictionaries(st.sampled_from(["ar", "fr"]), st.text(max_size=12), max_size=2)
commitments = st.builds(
    lambda key, title, end: commitment(key, title=title, end_date=end),
    st.sampled_from([f"c{n}" for n in range(6)]),
    texts,
    st.sampled_from(["2024-12-31", "2025-12-31"]),
)
snapshots = st.builds(
    lambda axes: snapshot(*axes),
    st.lists(
        st.builds(
            lambda key, items, title: axis(key, *items, title=title),
            st.sampled_from(["a1", "a2", "a3", "a4"]),
            st.lists(commitments, max_size=3),
            texts,
        ),
        max_size=3,
        unique_by=lambda a: a["key"],
    ),
)


def _unique_commitment_keys(snap):
    keys = [c["key"] for a in snap["axes"] for c in a["commitments"]]
    return len(keys) == len(set(keys))


@given(snapshots.filter(_unique_commitment_keys))
def test_property_a_snapshot_compared_with_itself_is_unchanged(snap):
    assert is_empty(diff_versions(snap, copy.deepcopy(snap)))


@given(snapshots.filter(_unique_commitment_keys), snapshots.filter(_unique_commitment_keys))
def test_property_what_one_way_adds_the_other_way_removes(old, new):
    forward, backward = diff_versions(old, new), diff_versions(new, old)
    for part in ("axes", "commitments"):
        assert sorted(i["key"] for i in forward[part]["added"]) == sorted(i["key"] for i in backward[part]["removed"])
        assert sorted(i["key"] for i in forward[part]["removed"]) == sorted(i["key"] for i in backward[part]["added"])
        assert sorted(i["key"] for i in forward[part]["changed"]) == sorted(i["key"] for i in backward[part]["changed"])
