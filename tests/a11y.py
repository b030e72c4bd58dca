"""Accessibility checks for browser tests: axe-core run inside the page under test.

axe-playwright-python ships axe-core's script; nothing is fetched at run time. Use it from any Playwright
journey (sync API) after the page state to check has rendered::

    from tests.a11y import assert_no_serious_axe_violations

    page.goto(live_server.url + "/lookup/")
    assert_no_serious_axe_violations(page)
"""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

SERIOUS = ("serious", "critical")

_axe = Axe()


def axe_violations(page, impacts=SERIOUS, context=None) -> list[dict]:
    """The axe violations on the page's current state whose impact is in `impacts`."""
    results = _axe.run(page, context=context)
    return [v for v in results.response["violations"] if v.get("impact") in impacts]


def describe(violations: list[dict]) -> str:
    """One line per violation and node, readable in a failed assertion."""
    lines = []
    for v in violations:
        for node in v.get("nodes", []):
            target = " ".join(str(t) for t in node.get("target", []))
            lines.append(f"[{v['impact']}] {v['id']}: {v['help']} — {target}: {node.get('html', '')[:160]}")
    return "\n".join(lines)


def assert_no_serious_axe_violations(page, context=None) -> None:
    """Fail with every serious or critical axe violation on the page (or within `context`, a CSS selector)."""
    found = axe_violations(page, context=context)
    assert not found, f"axe found {len(found)} serious/critical violation(s) on {page.url}:\n{describe(found)}"
