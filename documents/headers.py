"""The head of an official document (Decree 30/2020/NĐ-CP, Appendix I): the governing body, then the issuing agency.

    BỘ CÔNG AN                            UBND THÀNH PHỐ HỒ CHÍ MINH
    CÔNG AN THÀNH PHỐ HỒ CHÍ MINH         ỦY BAN NHÂN DÂN PHƯỜNG BẾN THÀNH

The governing body (``Agency.governing_body``, cơ quan chủ quản) is written in capitals above the agency's name,
its common long phrases shortened as the decree allows (Ủy ban nhân dân → UBND). A line too long for its column
wraps between words, never inside the name of a place: the words of a unit's proper name, and its kind when the
whole fits on a line, are joined by non-breaking spaces ("HỒ CHÍ MINH" never ends up split over two lines).
"""

from __future__ import annotations

from procedures.naming import split_unit_name, unit_in_name

NBSP = "\u00a0"

# Phrases the governing body's line may shorten (Decree 30/2020, Appendix I, II.3).
ABBREVIATIONS = (("ỦY BAN NHÂN DÂN ", "UBND "), ("HỘI ĐỒNG NHÂN DÂN ", "HĐND "))

# A unit's kind and proper name are kept on one line when they are at most this long (a header's column holds
# about 26 capitals); a longer one keeps only its proper name together.
KEEP_WHOLE_UNIT = 24


def _units_of(agency) -> list:
    units, unit = [], getattr(agency, "unit", None)
    while unit is not None and len(units) < 3:
        units.append(unit)
        unit = unit.parent
    return units


def _phrases(agency) -> list[str]:
    """The runs of words in ``agency``'s name that must stay on one line: its units' names (kind and proper name
    when short enough, else the proper name)."""
    phrases = []
    for unit in _units_of(agency):
        kind, proper = split_unit_name(unit.name)
        if kind and len(unit.name) <= KEEP_WHOLE_UNIT:
            phrases.append(f"{kind} {proper}")
        if " " in proper:
            phrases.append(proper)
    return phrases


def keep_together(text: str, agency) -> str:
    """``text`` with the words of ``agency``'s place names joined by non-breaking spaces, in any case."""
    if not text or agency is None:
        return text
    for phrase in _phrases(agency):
        for form in {phrase, phrase.upper(), unit_in_name(phrase)}:
            if form in text:
                text = text.replace(form, form.replace(" ", NBSP))
    return text


def governing_body_line(agency) -> str:
    """The line above the agency's name: its governing body in capitals, shortened; "" if it has none."""
    body = getattr(agency, "governing_body", None)
    if body is None:
        return ""
    line = body.name.upper()
    for phrase, short in ABBREVIATIONS:
        if line.startswith(phrase):
            line = short + line[len(phrase) :]
    return keep_together(line, body)


def agency_line(agency) -> str:
    """The issuing agency's name in capitals, its place names kept together."""
    return keep_together(agency.name.upper(), agency)
