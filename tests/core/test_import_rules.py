"""The shape of the house, read from the source: which app may import which.

- core imports no other app; the base apps (core, territories, accounts, participation, api) import no
  capability — the root URLs, the API assembly and the demo command included, so none of them names one;
- a capability imports another only through its public modules: `models` (relations), `selectors`, and its pure
  modules (rules such as `programs.phases`: no request, form, template or view in them) — never its views, forms,
  admin, urls, tasks, demo or API;
- no cycle between capabilities.
The notice board (tests/noticeboard), a capability like any other, is held to the same rules.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "src" / "infitah"
BASE = {"core", "territories", "accounts", "participation", "api"}
NEVER_PUBLIC = {"views", "staff_views", "forms", "admin", "urls", "tasks", "demo", "emails", "templatetags", "api"}
# What makes a module not pure: it answers requests, renders or validates forms.
IMPURE_IMPORTS = ("django.http", "django.shortcuts", "django.forms", "django.template", "django.views", "ninja")


def _apps():
    found = {path.parent.name: path.parent for path in SOURCE.glob("*/apps.py")}
    found["noticeboard"] = ROOT / "tests" / "noticeboard"
    return found


def _imports(path):
    """(imported dotted name, line) of every absolute import in `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                yield f"{node.module}.{alias.name}", node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno


def _app_of(dotted, apps):
    """("programs", "phases") for "infitah.programs.phases.Phase"; None outside the project's apps."""
    parts = dotted.split(".")
    if parts[:2] == ["tests", "noticeboard"]:
        return "noticeboard", parts[2] if len(parts) > 2 else ""
    if parts[0] != "infitah" or len(parts) < 2 or parts[1] not in apps:
        return None
    return parts[1], parts[2] if len(parts) > 2 else ""


def _module_file(folder, module):
    for candidate in (folder / f"{module}.py", folder / module / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def _is_public(apps, app, module):
    if module in ("", "models", "selectors") or module.startswith("models"):
        return True
    if module in NEVER_PUBLIC or module.startswith("demo"):
        return False
    path = _module_file(apps[app], module)
    if path is None:
        return False
    return not any(name.startswith(IMPURE_IMPORTS) for name, _line in _imports(path))


def _sources(apps):
    for app, folder in apps.items():
        for path in sorted(folder.rglob("*.py")):
            if "migrations" not in path.parts:
                yield app, path
    for path in (SOURCE / "urls.py", SOURCE / "settings.py", SOURCE / "cli.py"):
        if path.exists():
            yield None, path


def breaches():
    apps = _apps()
    capabilities = set(apps) - BASE
    found, edges = [], set()
    for here, path in _sources(apps):
        where = path.relative_to(ROOT)
        for dotted, line in _imports(path):
            target = _app_of(dotted, apps)
            if target is None or target[0] == here:
                continue
            app, module = target
            if here is None:
                if app in capabilities and path.name != "settings.py":
                    found.append(f"{where}:{line} names the capability {app}")
            elif here == "core":
                found.append(f"{where}:{line}: core imports {dotted}")
            elif here in BASE and app in capabilities:
                found.append(f"{where}:{line}: base app {here} imports the capability module {dotted}")
            elif here in capabilities and app in capabilities:
                edges.add((here, app))
                if not _is_public(apps, app, module):
                    found.append(f"{where}:{line} imports {dotted}, which is not a public module of {app}")
    for a, b in sorted(edges):
        if _reaches(edges, b, a):
            found.append(f"the capabilities {a} and {b} import each other (a cycle)")
    return found


def _reaches(edges, start, goal):
    seen, todo = set(), [start]
    while todo:
        app = todo.pop()
        if app == goal:
            return True
        if app not in seen:
            seen.add(app)
            todo.extend(b for a, b in edges if a == app)
    return False


def test_the_import_rules_hold():
    assert breaches() == []


def test_the_check_sees_a_breach(tmp_path, monkeypatch):
    """The rules are not vacuous: a view of programs imported by events, and core importing an app, are caught."""
    fake = tmp_path / "src" / "infitah"
    for app in ("core", "programs", "events"):
        (fake / app).mkdir(parents=True)
        (fake / app / "apps.py").write_text("")
    (fake / "programs" / "views.py").write_text("from django.http import HttpResponse\n")
    (fake / "programs" / "phases.py").write_text("import enum\n")
    (fake / "events" / "pages.py").write_text(
        "from infitah.programs.views import HttpResponse\nfrom infitah.programs.phases import enum\n"
    )
    (fake / "core" / "site.py").write_text("from infitah.events.pages import x\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["x"]), "SOURCE", fake)
    monkeypatch.setattr(__import__(__name__, fromlist=["x"]), "ROOT", tmp_path)
    (tmp_path / "tests" / "noticeboard").mkdir(parents=True)
    found = breaches()
    assert any("events/pages.py:1 imports infitah.programs.views.HttpResponse" in b for b in found), found
    assert not any("programs.phases" in b for b in found), found
    assert any("core imports infitah.events.pages.x" in b for b in found), found
