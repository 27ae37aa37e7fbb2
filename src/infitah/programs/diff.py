"""Compare two version snapshots: which axes and commitments were added, removed or changed, and how their text
changed word by word. Pure: two snapshots (plain dicts) in, a plain dict out, so the page and the API share it.

Axes and commitments are matched by their stable `key`, not by position or title, so a renamed commitment shows as
changed and a commitment moved to another axis shows as moved.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import Any

from infitah.core.translation import tr

# The text fields compared word by word, in the order a reader meets them.
AXIS_TEXT_FIELDS = ("title", "description")
COMMITMENT_TEXT_FIELDS = (
    "title",
    "problem",
    "description",
    "activities",
    "lead_unit",
    "other_actors",
    "expected_results",
    "indicators",
)
COMMITMENT_VALUE_FIELDS = ("start_date", "end_date", "budget_estimate")

# A word with the spaces after it is one token, so changes align on whole words.
_TOKENS = re.compile(r"\s+|\S+\s*")


def text_changes(old: str | None, new: str | None) -> list[dict[str, str]]:
    """Word-level differences between two strings: [{"op": "equal"|"delete"|"insert", "text": …}]."""
    before, after = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    segments: list[dict[str, str]] = []

    def add(op: str, tokens: list[str]) -> None:
        text = "".join(tokens)
        if not text:
            return
        if segments and segments[-1]["op"] == op:
            segments[-1]["text"] += text
        else:
            segments.append({"op": op, "text": text})

    # Words are compared without their trailing spaces (the last word of a text has none); equal runs are shown
    # as they are in the new text.
    matcher = difflib.SequenceMatcher(
        a=[token.strip() or token for token in before], b=[token.strip() or token for token in after], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("equal", after[j1:j2])
        else:
            add("delete", before[i1:i2])
            add("insert", after[j1:j2])
    return segments


def _translated_change(field: str, old: dict[str, str] | None, new: dict[str, str] | None) -> dict[str, Any] | None:
    old, new = old or {}, new or {}
    languages = []
    for lang in sorted(set(old) | set(new)):
        if (old.get(lang) or "") != (new.get(lang) or ""):
            languages.append({"lang": lang, "segments": text_changes(old.get(lang), new.get(lang))})
    return {"field": field, "kind": "text", "languages": languages} if languages else None


def _milestones_text(milestones: list[dict[str, Any]]) -> dict[str, str]:
    """The milestones as one line each per language, so their changes read like the other texts."""
    languages = {lang for m in milestones for value in (m.get("title"), m.get("deliverable")) for lang in (value or {})}
    texts = {}
    for lang in languages:
        lines = []
        for milestone in milestones:
            line = f"{milestone.get('due_date') or ''} — {tr(milestone.get('title'), lang)}"
            deliverable = tr(milestone.get("deliverable"), lang)
            lines.append(f"{line} ({deliverable})" if deliverable else line)
        texts[lang] = "\n".join(lines)
    return texts


def _axis_changes(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        change for field in AXIS_TEXT_FIELDS if (change := _translated_change(field, old.get(field), new.get(field)))
    ]


def _commitment_changes(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    changes = []
    if old["axis_key"] != new["axis_key"]:
        changes.append({"field": "axis", "kind": "moved", "old": old["axis_title"], "new": new["axis_title"]})
    for field in COMMITMENT_TEXT_FIELDS:
        change = _translated_change(field, old.get(field), new.get(field))
        if change:
            changes.append(change)
    for field in COMMITMENT_VALUE_FIELDS:
        if old.get(field) != new.get(field):
            changes.append({"field": field, "kind": "value", "old": old.get(field), "new": new.get(field)})
    old_principles, new_principles = old.get("principles") or [], new.get("principles") or []
    if set(old_principles) != set(new_principles):
        changes.append(
            {
                "field": "principles",
                "kind": "principles",
                "added": [p for p in new_principles if p not in old_principles],
                "removed": [p for p in old_principles if p not in new_principles],
            }
        )
    old_partners = {a["id"]: a["name"] for a in old.get("associations") or []}
    new_partners = {a["id"]: a["name"] for a in new.get("associations") or []}
    if set(old_partners) != set(new_partners):
        changes.append(
            {
                "field": "associations",
                "kind": "list",
                "added": [name for pk, name in new_partners.items() if pk not in old_partners],
                "removed": [name for pk, name in old_partners.items() if pk not in new_partners],
            }
        )
    change = _translated_change(
        "milestones", _milestones_text(old.get("milestones") or []), _milestones_text(new.get("milestones") or [])
    )
    if change:
        changes.append(change)
    return changes


def _commitments(snapshot: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found = {}
    for axis in snapshot.get("axes") or []:
        for commitment in axis.get("commitments") or []:
            found[commitment["key"]] = {**commitment, "axis_key": axis["key"], "axis_title": axis.get("title") or {}}
    return found


def _compare(
    old_items: dict[str, Any], new_items: dict[str, Any], changes_of: Callable[[Any, Any], list[dict[str, Any]]]
) -> dict[str, list[Any]]:
    added = [item for key, item in new_items.items() if key not in old_items]
    removed = [item for key, item in old_items.items() if key not in new_items]
    changed = []
    for key, item in new_items.items():
        if key in old_items:
            fields = changes_of(old_items[key], item)
            if fields:
                changed.append({"key": key, "old": old_items[key], "new": item, "fields": fields})
    return {"added": added, "removed": removed, "changed": changed}


def diff_versions(old_snapshot: dict[str, Any], new_snapshot: dict[str, Any]) -> dict[str, dict[str, list[Any]]]:
    """What changed from `old_snapshot` to `new_snapshot`, for axes and for commitments."""
    old_axes = {axis["key"]: axis for axis in old_snapshot.get("axes") or []}
    new_axes = {axis["key"]: axis for axis in new_snapshot.get("axes") or []}
    return {
        "axes": _compare(old_axes, new_axes, _axis_changes),
        "commitments": _compare(_commitments(old_snapshot), _commitments(new_snapshot), _commitment_changes),
    }


def is_empty(diff: dict[str, dict[str, list[Any]]]) -> bool:
    return not any(diff[part][kind] for part in ("axes", "commitments") for kind in ("added", "removed", "changed"))
