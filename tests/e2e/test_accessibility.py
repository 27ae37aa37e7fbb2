"""axe-core, run in the browser, finds no serious or critical accessibility problem on the public pages."""

import pytest
from axe_playwright_python.sync_playwright import Axe

BLOCKING_IMPACTS = {"serious", "critical"}
PAGES = {
    "home": lambda world: "",
    "network": lambda world: "network/",
    "member": lambda world: f"network/members/{world['commune'].code}/",
    "sign-up": lambda world: "accounts/signup/",
}


@pytest.fixture(scope="session")
def axe():
    return Axe()


def describe(violations):
    lines = []
    for violation in violations:
        targets = [
            ", ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
            for node in violation["nodes"]
        ]
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} → {targets}")
    return "\n".join(lines)


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_accessibility_violation(page, network_world, axe, name, language):
    response = page.goto(f"/{language}/{PAGES[name](network_world)}")
    assert response.status == 200
    page.evaluate("document.fonts.ready")

    violations = axe.run(page).response["violations"]
    blocking = [violation for violation in violations if violation["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe on /{language}/{PAGES[name](network_world)}:\n{describe(blocking)}"
