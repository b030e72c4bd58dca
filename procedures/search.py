"""Finding procedures in a citizen's own words: everyday names, questions, typos, English.

A query is folded (``text.fold``), its typos corrected against the words of the catalogue (edit distance,
rapidfuzz), and read as *groups*: a phrase of the thesaurus (``procedures.thesaurus``: ``sổ đỏ`` stands for
``giấy chứng nhận quyền sử dụng đất``), or one word. The words of a question that carry nothing (``tôi muốn``,
``làm thế nào``) are dropped.

Each group is weighed by how rare it is in the catalogue (idf) and by where it matches: the name (and the
thesaurus concepts found in it), the English name and the administrators' keywords, then the rest (sector,
agencies, result). Procedures matching every group come first and alone, ranked; when none does, the closest
ones are shown, best first, so that a question never lands on an empty page when something is close.

The index is built in each process from the procedures' stored search fields (one query) and kept while the
catalogue generation holds (``selectors.catalogue_generation``): every change of a procedure, a version or an
agency renews it. It behaves the same on PostgreSQL and on the embedded SQLite.
"""

from __future__ import annotations

import gc
import heapq
import math
import re
import threading
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from rapidfuzz import process as fuzzy_process
from rapidfuzz.distance import Levenshtein

from . import thesaurus
from .text import fold

_WORD = re.compile(r"[a-z0-9]+")
NAME, ALIAS, TEXT = 1.0, 0.8, 0.35  # how much a match counts, by where it is
RANKED = 200  # positions ranked explicitly; the rest of a large match follow by popularity
RELAXED_LIMIT = 50  # closest procedures shown when none matches every word
RELAXED_SHARE = 0.5  # ... those scoring at least this share of the best
_MAX_PHRASE = 8
_NONE = frozenset()
CONCEPT_BOOST = 1.3  # a thesaurus phrase says more than a word
FEW = 3  # fewer procedures than this match every word: the closest others follow them
VARIANT_PENALTY = 0.85  # a renewal, reissue... not asked for


def words(text: str) -> list[str]:
    """The searchable words of a text, folded."""
    return _WORD.findall(fold(text))


def _stem(word: str) -> str:
    """A crude English stem (``registering`` → ``regist``): enough to meet ``registration``.

    Folded Vietnamese syllables never end in these suffixes, so they are left alone."""
    for _ in range(2):
        for suffix in ("ations", "ation", "ings", "ing", "ers", "er", "ed", "es", "s", "al"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 5:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


class _Phrases:
    """The thesaurus folded: phrase (tuple of words) → concept number, and the stop phrases."""

    def __init__(self):
        self.concept_of: dict[tuple, int] = {}
        self.in_documents: dict[tuple, int] = {}  # the phrases looked for in names (no one-word everyday ones)
        self.stop: set[tuple] = set()
        self.words: set[str] = set()
        for phrase in thesaurus.STOP_PHRASES:
            key = tuple(words(phrase))
            if key:
                self.stop.add(key)
                self.words.update(key)
        for number, (official, everyday) in enumerate(thesaurus.CONCEPTS):
            for phrase in official + everyday:
                key = tuple(words(phrase))
                if not key or (len(key) == 1 and key in self.stop and phrase not in official):
                    continue  # "đẻ" folds to "de", as the question word "để" does
                self.words.update(key)
                self.concept_of.setdefault(key, number)
                if phrase in official or len(key) > 1:
                    self.in_documents.setdefault(key, number)
        self.variants = [" ".join(words(phrase)) for phrase in thesaurus.VARIANTS]
        self.stop_words = {key[0] for key in self.stop if len(key) == 1}

    def find(self, tokens: list[str], table, taken: list[bool]) -> list[tuple[int, int, object]]:
        """Non-overlapping matches of ``table``'s phrases among the tokens not yet taken, longest first."""
        found = []
        for length in range(min(_MAX_PHRASE, len(tokens)), 0, -1):
            for start in range(len(tokens) - length + 1):
                if any(taken[start : start + length]):
                    continue
                key = tuple(tokens[start : start + length])
                value = table.get(key) if isinstance(table, dict) else (True if key in table else None)
                if value is not None:
                    found.append((start, length, value))
                    for i in range(start, start + length):
                        taken[i] = True
        return found

    def concepts_in(self, tokens: list[str]) -> set[int]:
        """Every concept named in a document's words (overlaps allowed)."""
        found = set()
        for start in range(len(tokens)):
            for length in range(1, min(_MAX_PHRASE, len(tokens) - start) + 1):
                number = self.in_documents.get(tuple(tokens[start : start + length]))
                if number is not None:
                    found.add(number)
        return found

    def keyword_concepts(self, tokens: list[str]) -> set[int]:
        found = set()
        for start in range(len(tokens)):
            for length in range(1, min(_MAX_PHRASE, len(tokens) - start) + 1):
                number = self.concept_of.get(tuple(tokens[start : start + length]))
                if number is not None:
                    found.add(number)
        return found


_PHRASES: _Phrases | None = None


def phrases() -> _Phrases:
    global _PHRASES
    if _PHRASES is None:
        _PHRASES = _Phrases()
    return _PHRASES


@dataclass
class Group:
    """One thing the query asks for: alternatives (tuples of words) and possibly a thesaurus concept."""

    alternatives: list[tuple]
    concept: int | None = None
    typed: tuple = ()  # (position in the query, the words typed)


@dataclass
class Query:
    tokens: list[str]  # the folded words after correction
    groups: list[Group]
    corrected: bool = False
    suggestion: str = ""


@dataclass
class Ranking:
    ids: list[int]  # best first (at most RANKED of them when ``complete`` is False)
    matched: set[int] = field(default_factory=set)  # every id found
    every_word: bool = True  # whether they match every group (False: the closest ones)
    scores: dict[int, float] = field(default_factory=dict)
    query: Query | None = None


class SearchIndex:
    """Postings of the public procedures' words, bigrams and thesaurus concepts, by where they occur."""

    def __init__(self, rows):
        """``rows``: (id, code, name, search_name, search_aliases, search_text, view_count)."""
        table = phrases()
        self.name = defaultdict(set)
        self.alias = defaultdict(set)
        self.text = defaultdict(set)
        self.code: dict[int, str] = {}
        self.views: dict[int, int] = {}
        self.name_string: dict[int, str] = {}
        self.name_words: dict[int, tuple] = {}
        self.by_code: dict[str, int] = {}
        surfaces = defaultdict(Counter)
        concept_cache: dict[str, set] = {}
        for pk, code, name, search_name, aliases, text, views in rows:
            self.code[pk] = code
            self.by_code[code] = pk
            self.views[pk] = views
            name_words = tuple(_WORD.findall(search_name))
            self.name_words[pk] = name_words
            self.name_string[pk] = " ".join(name_words)
            alias_words = _WORD.findall(aliases)
            text_words = _WORD.findall(text)
            self._add(self.name, pk, name_words)
            self._add(self.alias, pk, alias_words)
            self._add(self.text, pk, text_words)
            self._add(self.text, pk, alias_words)
            concepts = concept_cache.get(search_name)
            if concepts is None:
                concepts = concept_cache[search_name] = table.concepts_in(list(name_words))
            for number in concepts:
                self.name[f"#{number}"].add(pk)
            for number in table.keyword_concepts(alias_words) - concepts:
                self.alias[f"#{number}"].add(pk)
            raw = name.split()
            if len(raw) == len(name_words):  # the accented spelling of each word, for suggestions
                for plain, accented in zip(name_words, raw, strict=True):
                    surfaces[plain][accented.lower().strip(",.;:()")] += 1
                for i in range(len(name_words) - 1):
                    surfaces[f"{name_words[i]} {name_words[i + 1]}"][
                        f"{raw[i].lower()} {raw[i + 1].lower()}".strip(",.;:()")
                    ] += 1
        self.size = len(self.code)
        variants = [tuple(words(phrase)) for phrase in thesaurus.VARIANTS]
        self.name_variants = {}  # which variants (``thesaurus.VARIANTS``) each name is, by their position
        for i, variant in enumerate(variants):
            for pk in self.matches(self.name, variant):
                self.name_variants.setdefault(pk, set()).add(i)
        self.surface = {plain: counts.most_common(1)[0][0] for plain, counts in surfaces.items()}
        # Words only (codes and numbers are not misspelt words): what typos are corrected to.
        self.vocabulary = sorted(
            {w for w in self.text if " " not in w and not w.startswith("#") and not w.isdigit()} | table.words
        )
        self._vocabulary_set = set(self.vocabulary)

    @staticmethod
    def _add(postings, pk, tokens) -> None:
        previous = None
        for token in tokens:
            postings[token].add(pk)
            if previous is not None:
                postings[f"{previous} {token}"].add(pk)
            previous = token

    # --- Reading the index -------------------------------------------------------------------------------------------
    def knows(self, word: str) -> bool:
        return word in self._vocabulary_set

    def frequency(self, word: str) -> int:
        return len(self.text.get(word, ()))

    def starting_with(self, prefix: str, limit: int = 60) -> list[str]:
        start = bisect_left(self.vocabulary, prefix)
        found = []
        for word in self.vocabulary[start : start + limit]:
            if not word.startswith(prefix):
                break
            found.append(word)
        return found

    def matches(self, postings, alternative: tuple) -> set[int]:
        if len(alternative) == 1:
            return postings.get(alternative[0], set())
        sets = [postings.get(f"{a} {b}") for a, b in zip(alternative, alternative[1:], strict=False)]
        if any(not s for s in sets):
            return set()
        return set.intersection(*sorted(sets, key=len))

    def group_matches(self, group: Group) -> tuple[set, set, set]:
        """Ids matching the group in the name, in the aliases, anywhere."""
        name, alias, anywhere = set(), set(), set()
        for alternative in group.alternatives:
            name |= self.matches(self.name, alternative)
            alias |= self.matches(self.alias, alternative)
            anywhere |= self.matches(self.text, alternative)
        if group.concept is not None:
            name |= self.name.get(f"#{group.concept}", set())
            alias |= self.alias.get(f"#{group.concept}", set())
        return name, alias, anywhere | name | alias

    # --- Queries ------------------------------------------------------------------------------------------------------
    def analyse(self, q: str) -> Query:
        table = phrases()
        tokens, corrected = [], False
        raw = words(q)
        for position, token in enumerate(raw):
            fixed = self._correct(token, raw, position, last=position == len(raw) - 1)
            corrected = corrected or fixed != [token]
            tokens.extend(fixed)
        groups: list[Group] = []
        taken = [False] * len(tokens)
        for start, length, number in table.find(tokens, table.concept_of, taken):
            groups.append(self._concept_group(tokens[start : start + length], number, start))
        dropped = [False] * len(tokens)
        for start, length, _ in table.find(tokens, table.stop, [t or False for t in taken]):
            for i in range(start, start + length):
                dropped[i] = True
        if not groups and all(dropped):  # nothing but question words: search them as typed
            dropped = [False] * len(tokens)
        # A phrase split by question words ("con tôi mới sinh") is read again without them; a phrase found is a
        # boundary (None) that no other phrase crosses.
        rest = [i for i in range(len(tokens)) if not dropped[i]]
        rest_tokens = [None if taken[i] else tokens[i] for i in rest]
        rest_taken = [token is None for token in rest_tokens]
        for start, length, number in table.find(rest_tokens, table.concept_of, rest_taken):
            groups.append(self._concept_group(rest_tokens[start : start + length], number, rest[start]))
        for j, (i, token) in enumerate(zip(rest, rest_tokens, strict=True)):
            if not rest_taken[j]:
                groups.append(self._word_group(token, i, last=i == len(tokens) - 1))
        groups.sort(key=lambda g: g.typed[0])
        query = Query(tokens=tokens, groups=groups, corrected=corrected)
        if corrected:
            query.suggestion = self.spell(tokens)
        return query

    def _concept_group(self, phrase: list[str], number: int, start: int) -> Group:
        official, _everyday = thesaurus.CONCEPTS[number]
        alternatives = [tuple(phrase)] + [tuple(words(p)) for p in official]
        return Group(alternatives=list(dict.fromkeys(alternatives)), concept=number, typed=(start, " ".join(phrase)))

    def _word_group(self, token: str, position: int, *, last: bool) -> Group:
        alternatives = [(token,)]
        if not self.knows(token) and (last or len(token) >= 2):
            # Typed in part (``giay ph``): the words it begins.
            alternatives += [(w,) for w in self.starting_with(token)]
        elif len(token) >= 5 and not token.isdigit():
            stem = _stem(token)
            alternatives += [(w,) for w in self.starting_with(stem) if w != token]
        return Group(alternatives=alternatives, typed=(position, token))

    def _correct(self, token: str, raw: list[str], position: int, *, last: bool) -> list[str]:
        """The word itself when the catalogue or the thesaurus knows it (or it starts one, being typed);
        else two known words run together, else the closest known word."""
        if self.knows(token) or token.isdigit() or len(token) < 2:
            return [token]
        if last and self.starting_with(token, 1):
            return [token]
        for cut in range(1, len(token)):
            head, tail = token[:cut], token[cut:]
            known = len(head) > 1 and len(tail) > 1 and self.knows(head) and self.knows(tail)
            if known and (self.text.get(f"{head} {tail}") or (head, tail) in phrases().concept_of):
                return [head, tail]
        limit = 1 if len(token) <= 4 else 2
        # A two-letter word is corrected only to make a known pair with its neighbour ("dang ki" → "đăng ký"):
        # too many short words ("áo") are simply missing from the catalogue.
        confirmed_only = len(token) == 2
        candidates = fuzzy_process.extract(
            token, self.vocabulary, scorer=Levenshtein.distance, score_cutoff=limit, limit=30
        )
        if not candidates:
            return [token]
        previous = raw[position - 1] if position else None
        following = raw[position + 1] if position + 1 < len(raw) else None

        def preference(candidate):
            word, distance, _ = candidate
            together = (previous and self.text.get(f"{previous} {word}")) or (
                following and self.text.get(f"{word} {following}")
            )
            return (distance, not together, -self.frequency(word), word)

        best = min(candidates, key=preference)
        if confirmed_only and preference(best)[1]:
            return [token]
        return [best[0]]

    def spell(self, tokens: list[str]) -> str:
        """The words with their accents as the catalogue writes them (``lai xe`` → ``lái xe``)."""
        out = []
        for i, token in enumerate(tokens):
            pair = None
            if i + 1 < len(tokens):
                pair = self.surface.get(f"{token} {tokens[i + 1]}")
                pair = pair.split(" ")[0] if pair else None
            if pair is None and i:
                pair = self.surface.get(f"{tokens[i - 1]} {token}")
                pair = pair.split(" ")[-1] if pair else None
            out.append(pair or self.surface.get(token) or token)
        return " ".join(out)

    def rank(self, q: str, allowed: set[int] | None = None) -> Ranking:
        query = self.analyse(q)
        if not query.groups:
            return Ranking(ids=[], query=query)
        scores: dict[int, float] = defaultdict(float)
        every: set[int] | None = None
        known = 0
        all_words = {w for g in query.groups for alt in g.alternatives for w in alt}
        for group in query.groups:
            name, alias, anywhere = self.group_matches(group)
            if allowed is not None:
                name, alias, anywhere = name & allowed, alias & allowed, anywhere & allowed
            if not anywhere:
                continue  # a word the catalogue does not have: it cannot help
            known += 1
            weight = math.log(1 + self.size / len(anywhere)) * (CONCEPT_BOOST if group.concept is not None else 1.0)
            for pk in anywhere:
                scores[pk] += weight * (NAME if pk in name else ALIAS if pk in alias else TEXT)
            every = set(anywhere) if every is None else every & anywhere
        if not known:
            return Ranking(ids=[], query=query)
        every_word = bool(every)
        phrase = " ".join(query.tokens)
        code_pk = self.by_code.get(q.strip())

        def tier(pk):
            if pk == code_pk:
                return 0
            name = self.name_string[pk]
            if name == phrase:
                return 1
            if name.startswith(phrase):
                return 2
            return 3 if phrase in name else 4

        variants = phrases().variants
        asked = [v for v in variants if f" {v} " in f" {phrase} "]

        not_asked = {i for i, v in enumerate(variants) if v not in asked}

        def adjust(candidates):
            """How much of the name the query covers (short exact names before long ones); variants not asked."""
            top_score = max((scores[pk] for pk in candidates), default=0.0)
            for pk in candidates:
                name_words = self.name_words[pk]
                if name_words:
                    covered = sum(1 for w in name_words if w in all_words) / len(name_words)
                    scores[pk] += 0.25 * covered * top_score / known
                if not_asked & self.name_variants.get(pk, _NONE):
                    scores[pk] *= VARIANT_PENALTY

        def best_of(ids):
            return list(ids) if len(ids) <= RANKED else heapq.nlargest(RANKED, ids, key=scores.__getitem__)

        pool = every if every_word else set()
        best = best_of(pool)
        if len(pool) > RANKED and len(query.tokens) <= _MAX_PHRASE:
            # The names containing the whole phrase rank first whatever their score: keep them in.
            within = self.matches(self.name, tuple(query.tokens)) & pool
            best = list(set(best) | {pk for pk in within if phrase in self.name_string[pk]})
        adjust(best)
        ordered = sorted(best, key=lambda pk: (tier(pk), -scores[pk], -self.views[pk], self.code[pk]))
        if len(pool) < FEW:
            # Nothing, or too little, matches every word: the closest others, best first, after those that do.
            others = best_of(set(scores) - pool)
            adjust(others)
            if others:
                top_score = max(scores[pk] for pk in others)
                others = [pk for pk in others if scores[pk] >= RELAXED_SHARE * top_score]
                others.sort(key=lambda pk: (-scores[pk], -self.views[pk], self.code[pk]))
                others = others[:RELAXED_LIMIT]
            ordered += others
            pool = pool | set(others)
        return Ranking(ids=ordered[:RANKED], matched=pool, every_word=every_word, scores=dict(scores), query=query)


# --- The index of this process ----------------------------------------------------------------------------------------
class _Holder:
    """This process's index, kept under the catalogue generation it was read under."""

    def __init__(self):
        self.index: SearchIndex | None = None
        self.generation: str | None = None
        self.lock = threading.Lock()

    def clear(self) -> None:
        self.index = None
        self.generation = None


_HOLDER = _Holder()


def current_index() -> SearchIndex:
    from .selectors import ProcessCopies, catalogue_generation

    if _HOLDER not in ProcessCopies.instances:
        ProcessCopies.instances.append(_HOLDER)  # ``catalogue_changed`` clears it with the other copies
    generation = catalogue_generation()
    if generation is None:
        # Without a shared cache (the embedded default: one process) the change signals clear the index; inside a
        # transaction that changed the catalogue, or with the cache unreachable, it is read afresh.
        if not isinstance(caches["default"], LocMemCache | DummyCache):
            return build_index()
        generation = "local"
        from .selectors import _changed_in_open_transaction

        if _changed_in_open_transaction():
            return build_index()
    index = _HOLDER.index
    if index is not None and _HOLDER.generation == generation:
        return index
    with _HOLDER.lock:
        if _HOLDER.index is None or _HOLDER.generation != generation:
            _HOLDER.index, _HOLDER.generation = build_index(), generation
            # Tens of thousands of sets that live until the next catalogue change: out of the cyclic garbage
            # collector's sight, or each of its full passes would cost a search 100 ms and more.
            gc.collect()
            gc.freeze()
        return _HOLDER.index


def build_index() -> SearchIndex:
    from .selectors import public_procedures

    rows = public_procedures().values_list(
        "id", "code", "name", "search_name", "search_aliases", "search_text", "view_count"
    )
    return SearchIndex(rows.iterator(chunk_size=2000))


def forget_index() -> None:
    _HOLDER.clear()
