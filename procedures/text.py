"""Text normalisation for searching Vietnamese without diacritics."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_PUNCTUATION = re.compile(r"[^\w.\s-]", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case, strip Vietnamese diacritics and collapse spaces.

    ``Cấp đổi giấy phép lái xe`` → ``cap doi giay phep lai xe``; ``đ``/``Đ``
    become ``d`` (they are letters of their own, not a base letter with a mark).
    """
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    stripped = _PUNCTUATION.sub(" ", stripped.lower())
    return _SPACES.sub(" ", stripped).strip()


def query_words(query: str) -> list[str]:
    """The distinct folded words of a search query, in order."""
    seen: list[str] = []
    for word in fold(query).split(" "):
        word = word.strip(".-")
        if word and word not in seen:
            seen.append(word)
    return seen
