"""How the names of administrative units are written inside other names (Decree 30/2020/NĐ-CP, Appendix II).

A unit's name is a common noun for its kind and a proper name: "Phường Bến Thành". Standing alone it starts with a
capital; inside an agency's name the kind is written in lower case and only the proper name is capitalised:
"Ủy ban nhân dân phường Bến Thành", "Công an thành phố Hồ Chí Minh", "Sở Tư pháp tỉnh Quảng Ninh".
"""

from __future__ import annotations

# Kinds of units, longest first so "Thị xã" is found before "Xã" would be.
UNIT_KINDS = ("Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Tỉnh", "Quận", "Huyện", "Xã")


# Units named after a person (or by a number) keep their kind where a document names its place (Decree 30/2020,
# Appendix I: "Thành phố Hồ Chí Minh, ngày …", "Quận 1, ngày …").
NAMED_AFTER_PEOPLE = frozenset({"Hồ Chí Minh"})


def place_of(name: str) -> str:
    """The place a document issued in unit ``name`` is dated from: "Hà Nội" for "Thành phố Hà Nội", the whole
    name for "Thành phố Hồ Chí Minh" or "Quận 1"."""
    kind, proper = split_unit_name(name)
    if not kind or proper in NAMED_AFTER_PEOPLE or proper.isdigit():
        return name
    return proper


def split_unit_name(name: str) -> tuple[str, str]:
    """``("Phường", "Bến Thành")`` for "Phường Bến Thành"; ``("", name)`` when the name starts with no known kind."""
    for kind in UNIT_KINDS:
        if name[: len(kind) + 1].lower() == f"{kind.lower()} " and len(name) > len(kind) + 1:
            return name[: len(kind)], name[len(kind) + 1 :]
    return "", name


def unit_in_name(name: str) -> str:
    """ "phường Bến Thành" for "Phường Bến Thành": a unit's name as it is written inside another name."""
    kind, proper = split_unit_name(name)
    return f"{kind.lower()} {proper}" if kind else name


def miswritten_unit(agency_name: str, unit_name: str) -> str | None:
    """The unit's name as ``agency_name`` should write it, when it writes it with a capitalised kind after its first
    word ("Công an Phường Bến Thành" → "phường Bến Thành"); None when it is written right or not at all."""
    kind, _proper = split_unit_name(unit_name)
    if not kind or agency_name.startswith(unit_name):
        return None
    expected = unit_in_name(unit_name)
    return expected if unit_name in agency_name and expected not in agency_name else None
