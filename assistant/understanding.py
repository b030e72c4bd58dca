"""Understanding a citizen's message without any outside service: what they want (intent), what they have told us
(slots: first time or renewal, province) and which words to look for in the catalogue.

Everything here is pure text work on the folded question (``procedures.text.fold``: lower case, no diacritics), so
"Hồ sơ của tôi đến đâu rồi?" and "ho so cua toi den dau roi" are one question. Finding procedures is search's job
(``procedures.selectors.search_procedures``); this module only turns a life event told in everyday words ("con mới
sinh") into the catalogue's words ("khai sinh") and drops the words of a question that carry no meaning for search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from procedures import thesaurus
from procedures.text import fold

from .constants import Intent, Variant

# Phrases are folded; each is matched on word boundaries.
_RECORD_WORDS = ("ho so cua toi", "ho so toi", "ho so cua minh", "my record", "my application", "my file", "my case")
_STATUS = (
    "den dau",
    "toi dau",
    "tinh trang",
    "trang thai",
    "the nao roi",
    "xu ly chua",
    "where is my",
    "status",
    "progress",
)
_RESULT_DATE = (
    "khi nao co ket qua",
    "bao gio co ket qua",
    "khi nao xong",
    "bao gio xong",
    "ngay hen",
    "ngay tra ket qua",
    "khi nao nhan",
    "bao gio nhan",
    "when will i get",
    "when is my result",
    "when do i get",
    "result date",
)
_OWN_FEE = (
    "toi phai nop phi",
    "toi phai nop bao nhieu",
    "toi phai tra bao nhieu",
    "toi con no",
    "phi cua toi",
    "toi da nop phi chua",
    "how much do i owe",
    "how much do i have to pay",
    "my fee",
    "do i owe",
)
_GREETINGS = (
    "xin chao",
    "chao ban",
    "chao",
    "alo",
    "hello",
    "hi",
    "hey",
    "good morning",
    "cam on",
    "thank you",
    "thanks",
)


def _life_events() -> tuple[tuple[tuple[str, ...], str], ...]:
    """The situations people describe, from search's thesaurus (``procedures.thesaurus``, one list for both):
    each concept's everyday and other official phrases, folded, told in its first official phrase ("mới sinh con"
    → "khai sinh"); the longest phrases first, so that "giấy khai sinh" is read before "khai sinh"."""
    events = []
    for official, everyday in thesaurus.CONCEPTS:
        topic = fold(official[0])
        phrases = {fold(phrase) for phrase in [*official[1:], *everyday]} - {topic}
        events.append((tuple(sorted(phrases, key=len, reverse=True)), topic))
    return tuple(events)


LIFE_EVENTS = _life_events()

# Phrases of a question that carry no meaning for search, removed first (folded); then single words. A folded word
# may stand for several Vietnamese words ("the" is also "thẻ", "so" is "sổ", "ho" is "hộ"), so those are only
# dropped inside a phrase.
STOP_PHRASES = (
    "thu tuc",
    "ho so",
    "giay to",
    "nhu the nao",
    "the nao",
    "lam sao",
    "ra sao",
    "bao nhieu",
    "bao gio",
    "o dau",
    "the procedure",
    "how do i",
    "what do i",
    "what is the",
)
STOP_WORDS = frozenset(
    """
    toi minh em anh chi ban co khong gi can phai muon xin hoi cho ve voi cua va hay la thi ma nhu den o roi nhe
    a ah oi vay day nay kia nao ai cach khi duoc viec nhung cac mot lam ra con di
    i me my we you want need do how what which where when is are an for of in on please can get make
    procedure apply applying application
    """.split()  # noqa: SIM905 - read as one block of words
)

_VARIANT_WORDS = {
    Variant.NEW: ("lan dau", "cap moi", "moi cap", "first time", "first", "new"),
    Variant.RENEWAL: (
        "cap lai",
        "cap doi",
        "lam lai",
        "doi lai",
        "doi",
        "gia han",
        "bi mat",
        "lam mat",
        "hong",
        "het han",
        "renew",
        "renewal",
        "replace",
        "replacement",
        "lost",
        "expired",
    ),
}
# How a procedure's folded name says it renews, re-issues or replaces something.
RENEWAL_NAME = re.compile(r"\b(cap lai|cap doi|doi|gia han|cap lai, cap doi)\b")

_RECORD_CODE = re.compile(r"\b[0-9a-z.]{3,}-\d{6}-\d{4}\b", re.IGNORECASE)


def has(text: str, phrases) -> bool:
    """Whether folded ``text`` holds one of the folded ``phrases`` as whole words."""
    padded = f" {text} "
    return any(f" {phrase} " in padded for phrase in phrases)


@dataclass
class Understood:
    """What one message says."""

    text: str  # the folded message
    intent: str
    variant: str = ""
    topic: str = ""  # the catalogue's words for the life event, when one is told
    words: list[str] = field(default_factory=list)  # the words that carry meaning
    record_code: str = ""


def understand(message: str) -> Understood:
    text = fold(message).replace("?", " ").strip()
    understood = Understood(text=text, intent=intent_of(text), variant=variant_of(text), topic=topic_of(text))
    understood.words = meaningful_words(_with_topic(text))
    if code := _RECORD_CODE.search(message or ""):
        understood.record_code = code.group(0).upper()
    return understood


def meaningful_words(text: str) -> list[str]:
    """The distinct words of folded ``text`` that carry meaning for search, in order."""
    padded = f" {text} "
    for phrase in STOP_PHRASES:
        padded = padded.replace(f" {phrase} ", " ")
    words: list[str] = []
    for word in padded.split():
        word = word.strip(".-")
        if word and len(word) > 1 and word not in STOP_WORDS and word not in words:
            words.append(word)
    return words


def intent_of(text: str) -> str:
    """The intent of a folded message; FIND_PROCEDURE unless it is about the citizen's own records or a greeting.

    A message that names a life event or a procedure asks about the catalogue, even with "tôi" in it ("tôi phải nộp
    phí bao nhiêu để đổi bằng lái" is a catalogue question): own-record intents need no topic.
    """
    if not text:
        return Intent.UNKNOWN
    about_records = has(text, _RECORD_WORDS) or bool(_RECORD_CODE.search(text))
    if has(text, _RESULT_DATE) and (about_records or not topic_of(text)):
        return Intent.RECORD_RESULT_DATE
    if has(text, _OWN_FEE) and not topic_of(text):
        return Intent.RECORD_FEE
    if about_records and (has(text, _STATUS) or len(text.split()) <= 6):
        return Intent.RECORD_STATUS
    if has(text, _STATUS) and has(text, ("ho so", "record", "application")):
        return Intent.RECORD_STATUS
    if has(text, _GREETINGS) and len(text.split()) <= 4:
        return Intent.GREETING
    return Intent.FIND_PROCEDURE


def variant_of(text: str) -> str:
    for variant, phrases in _VARIANT_WORDS.items():
        if has(text, phrases):
            return str(variant)
    return ""


def _with_topic(text: str) -> str:
    """``text`` with the everyday phrase of its life event put in the catalogue's words ("đổi bằng lái xe" →
    "doi lai xe xe"), so the other words of the question ("đổi") still count."""
    padded = f" {text} "
    for phrases, topic in LIFE_EVENTS:
        for phrase in phrases:
            if f" {phrase} " in padded:
                return padded.replace(f" {phrase} ", f" {topic} ").strip()
    return text


def topic_of(text: str) -> str:
    for phrases, topic in LIFE_EVENTS:
        if has(text, phrases):
            return topic
    return ""


def is_renewal_name(name: str) -> bool:
    return bool(RENEWAL_NAME.search(fold(name)))


def search_text(understood: Understood) -> str:
    """What to ask search for: the words that carry meaning, the life event told in the catalogue's words."""
    return " ".join(understood.words) or understood.topic


def covers(words: list[str], haystack: str) -> float:
    """The share of ``words`` found in the folded ``haystack``: a word of four letters or more matches a word it
    begins ("giay ph" finds "giấy phép"), a shorter one only itself ("du" is not "dụng", "di" is not "định")."""
    if not words:
        return 0.0
    vocabulary = haystack.split()
    exact = set(vocabulary)
    hits = sum(1 for w in words if w in exact or (len(w) >= 4 and any(v.startswith(w) for v in vocabulary)))
    return hits / len(words)
