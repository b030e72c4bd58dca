"""Template hygiene that a user would otherwise see on the page."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("*/templates")]
# Django's {# #} comment ends on its own line; one left open there is printed as text.
OPEN_COMMENT = re.compile(r"\{#(?:(?!#\}).)*$", re.M)


def multi_line_comments(text: str) -> list[int]:
    return [text.count("\n", 0, match.start()) + 1 for match in OPEN_COMMENT.finditer(text)]


def test_no_template_has_a_comment_spanning_lines():
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for folder in TEMPLATE_DIRS
        for path in sorted(folder.rglob("*.html")) + sorted(folder.rglob("*.txt"))
        for line in multi_line_comments(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "use {% comment %} for a comment over several lines: " + ", ".join(offenders)


def test_the_check_finds_a_comment_left_open_and_passes_a_closed_one():
    assert multi_line_comments("<p>{# one line #}</p>\n{# two\n lines #}\n") == [2]
