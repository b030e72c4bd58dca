"""Search quality: the share of citizen questions whose procedure is among the first three results.

The questions (``bench/search_questions.json``) were written from the demo catalogue: they are asked of the demo
procedures alone (an index of them, the same ``procedures.search`` as the portal's), not of the synthetic ones
``bench/generate.py`` adds for speed, whose names copy the demo's. Used by ``bench/run.py`` and the tests.
"""

import json
from dataclasses import dataclass
from pathlib import Path

QUESTIONS = Path(__file__).resolve().parent / "search_questions.json"
SYNTHETIC_PREFIX = "3."  # the codes of bench/generate.py's procedures


@dataclass
class Quality:
    asked: int
    answered: int
    misses: list  # (question, expected codes, the first three found)

    @property
    def rate(self) -> float:
        return self.answered / self.asked if self.asked else 0.0


def questions() -> list[dict]:
    return json.loads(QUESTIONS.read_text(encoding="utf-8"))["questions"]


def demo_index():
    """The search index of the public procedures but the synthetic ones."""
    from procedures.search import SearchIndex
    from procedures.selectors import public_procedures

    rows = (
        public_procedures()
        .exclude(code__startswith=SYNTHETIC_PREFIX)
        .values_list("id", "code", "name", "search_name", "search_aliases", "search_text", "view_count")
    )
    return SearchIndex(rows)


def top3_quality(items=None, index=None) -> Quality:
    index = index or demo_index()
    items = questions() if items is None else items
    misses, answered = [], 0
    for item in items:
        found = [index.code[pk] for pk in index.rank(item["q"]).ids[:3]]
        if set(found) & set(item["expected"]):
            answered += 1
        else:
            misses.append((item["q"], item["expected"], found))
    return Quality(asked=len(items), answered=answered, misses=misses)
