"""The assistant's one operation: ``answer(...)`` a message (a question, or a choice among the options it offered).

A conversation lives in a signed context token that the client sends back with its next message (the web page keeps
it in a hidden field, the widget and other channels in memory): nothing of it is stored on the server, and it
holds only what the citizen was asked and chose, never their records. It is usable for ``CONTEXT_MAX_AGE``.

Finding procedures goes through ``procedures.selectors.search_procedures`` only, so the assistant improves with
search. The assistant answers from the catalogue (``cards``) and the citizen's own records (``my_records``); when
neither holds the answer it says so and offers the hotline and the feedback form.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from django.core import signing
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from identity.services import citizen_claims
from procedures.constants import UnitLevel
from procedures.models import AdministrativeUnit
from procedures.selectors import ProcessCopies, search_procedures
from procedures.text import fold

from . import cards, my_records, rephrasers
from .constants import CONTEXT_MAX_AGE, HOTLINE, HOTLINE_TEL, RECORD_INTENTS, Intent, Kind, Slot, Variant
from .understanding import covers, has, intent_of, is_renewal_name, search_text, understand, variant_of

CONTEXT_SALT = "assistant.context"
CANDIDATES = 4
# A procedure fits when it holds at least this share of the question's meaningful words.
MIN_COVERAGE = 0.5
_PROVINCES = ProcessCopies()
PROVINCE_ALIASES = {"hcm": "ho chi minh", "tphcm": "ho chi minh", "sai gon": "ho chi minh", "saigon": "ho chi minh"}


class BadContext(ValueError):
    """The context token was altered, is too old, or the choice is not one that was offered."""


@dataclass
class Answer:
    intent: str
    kind: str
    text: str
    options: list[dict] = field(default_factory=list)
    cards: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    context: str = ""
    slot: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def answer(request, *, question: str = "", choice: str = "", context: str = "") -> Answer:
    """The answer to ``question`` or to ``choice`` (one of the options of the answer ``context`` came with)."""
    state = load_context(context) if context else {}
    if choice:
        state = _apply_choice(state, choice)
        return _resolve(request, state)
    asked = rephrasers.rephrase(question, get_language() or "vi")
    understood = understand(asked)
    if state.get("ask") and (filled := _fill_pending(state, understood)):
        return _resolve(request, filled)
    if understood.intent in RECORD_INTENTS:
        return _records_answer(request, understood.intent, understood.record_code)
    if understood.intent == Intent.GREETING:
        return Answer(
            intent=Intent.GREETING,
            kind=Kind.ANSWER,
            text=_(
                "Xin chào! Tôi là trợ lý ảo của Cổng Dịch vụ công. Hãy hỏi tôi về một thủ tục, ví dụ “con mới sinh "
                "cần làm gì”, hoặc về hồ sơ của bạn, ví dụ “hồ sơ của tôi đến đâu rồi?”."
            ),
        )
    province = _province_in(understood.text)
    if province:  # the place is a slot, not words to look for in procedures
        understood.words = [w for w in understood.words if w not in _province_words(province)]
    state = {
        "t": search_text(understood),
        # Whether a procedure fits is judged on the life event's words when one is told ("nhập hộ khẩu vào nhà
        # chồng": thường trú), and which one fits best on all the words ("đổi bằng lái": the one that "đổi").
        "w": understood.topic.split() or understood.words,
        "all": understood.words,
        "v": understood.variant,
        "p": province,
        "full": understood.text,
    }
    if not state["t"]:
        return _unknown()
    return _resolve(request, state)


# --- context ---------------------------------------------------------------------------------------------------


def dump_context(state: dict) -> str:
    return signing.dumps(state, salt=CONTEXT_SALT, compress=True)


def load_context(token: str) -> dict:
    try:
        state = signing.loads(token, salt=CONTEXT_SALT, max_age=CONTEXT_MAX_AGE)
    except signing.BadSignature as error:
        raise BadContext(_("Cuộc trò chuyện đã hết hạn hoặc không hợp lệ; hãy đặt lại câu hỏi.")) from error
    if not isinstance(state, dict):
        raise BadContext(_("Cuộc trò chuyện đã hết hạn hoặc không hợp lệ; hãy đặt lại câu hỏi."))
    return state


def _apply_choice(state: dict, choice: str) -> dict:
    if choice not in state.get("offered", []):
        raise BadContext(_("Lựa chọn này không có trong câu hỏi vừa rồi; hãy chọn lại hoặc đặt câu hỏi mới."))
    slot = state.pop("ask", "")
    state.pop("offered", None)
    if slot == Slot.VARIANT:
        state["v"] = choice
    elif slot == Slot.PROVINCE:
        state["p"] = int(choice.removeprefix("r:"))
    else:
        state["o"] = choice
    return state


def _fill_pending(state: dict, understood) -> dict | None:
    """The pending question answered in words ("lần đầu", "Hà Nội", part of an option's name), or None."""
    slot, offered = state.get("ask"), state.get("offered", [])
    value = ""
    if slot == Slot.VARIANT:
        value = variant_of(understood.text)
    elif slot == Slot.PROVINCE:
        province = _province_in(understood.text)
        value = f"r:{province}" if province else ""
    elif slot == Slot.OPTION:
        labels = state.get("labels", {})
        matches = [key for key in offered if understood.words and covers(understood.words, labels.get(key, "")) == 1]
        value = matches[0] if len(matches) == 1 else ""
    if not value or value not in offered:
        return None
    return _apply_choice(dict(state), value)


# --- answers ---------------------------------------------------------------------------------------------------


def _records_answer(request, intent: str, record_code: str) -> Answer:
    user = request.user
    if not (user.is_authenticated and getattr(user, "is_citizen", False)):
        login = f"{reverse('identity:login')}?next={reverse('assistant:chat')}"
        return Answer(
            intent=intent,
            kind=Kind.LOGIN,
            text=_(
                "Để xem hồ sơ của bạn, hãy đăng nhập bằng tài khoản định danh điện tử VNeID. Nếu có mã hồ sơ, bạn "
                "cũng có thể tra cứu hồ sơ mà không cần đăng nhập."
            ),
            links=[
                {"label": _("Đăng nhập bằng VNeID"), "url": login},
                {"label": _("Tra cứu hồ sơ"), "url": reverse("records:lookup")},
            ],
        )
    text, record_cards = my_records.own_records(request, intent, record_code)
    return Answer(
        intent=intent,
        kind=Kind.ANSWER,
        text=text,
        cards=record_cards,
        links=[{"label": _("Hồ sơ của tôi"), "url": reverse("records:mine")}],
    )


def _unknown(intent: str = Intent.UNKNOWN, query: str = "") -> Answer:
    search = reverse("procedures:list") + (f"?q={query}" if query else "")
    return Answer(
        intent=intent,
        kind=Kind.UNKNOWN,
        text=_(
            "Xin lỗi, tôi chưa tìm thấy câu trả lời trong danh mục thủ tục hành chính của Cổng. Tôi không đoán phí, "
            "giấy tờ hay thời hạn: hãy gọi tổng đài %(hotline)s (miễn phí) hoặc gửi phản ánh, kiến nghị để được "
            "cán bộ trả lời."
        )
        % {"hotline": HOTLINE},
        links=[
            {"label": _("Gọi tổng đài %(hotline)s") % {"hotline": HOTLINE}, "url": f"tel:{HOTLINE_TEL}"},
            {"label": _("Gửi phản ánh, kiến nghị"), "url": reverse("feedback:send")},
            {"label": _("Tìm trong danh mục thủ tục"), "url": search},
        ],
    )


def _resolve(request, state: dict) -> Answer:
    """Find what fits the conversation's question, ask back while several things fit, else answer with cards."""
    procedures = _candidates(state)
    if not procedures:
        return _unknown(query=state.get("t", ""))
    if not state.get("v"):
        kinds = {Variant.RENEWAL if is_renewal_name(p.name) else Variant.NEW for p in procedures}
        if len(kinds) > 1:
            return _ask(
                state,
                Slot.VARIANT,
                _("Bạn làm lần đầu hay cấp lại (cấp đổi)?"),
                [(str(Variant.NEW), _("Lần đầu")), (str(Variant.RENEWAL), _("Cấp lại, cấp đổi"))],
            )
    else:
        wanted = state["v"] == Variant.RENEWAL
        procedures = [p for p in procedures if is_renewal_name(p.name) == wanted] or procedures

    # What asking back needs is light (names, which bundle holds which procedure); the chosen one is read in full.
    bundles = cards.bundles_for([p.current_version_id for p in procedures])
    options = {f"p:{p.code}": p for p in procedures} | {f"b:{b.slug}": b for b in bundles}

    chosen = options.get(state.get("o", ""))
    if chosen is None:
        named = [p for p in procedures if p.search_name and p.search_name == state.get("full")]
        if len(options) == 1:
            chosen = next(iter(options.values()))
        elif named:
            chosen = named[0]
        else:
            return _ask_option(state, procedures, bundles)

    is_bundle = not hasattr(chosen, "current_version")
    chosen = (
        cards.bundle_with_details(chosen.pk) if is_bundle else cards.procedures_with_details([chosen.code])[chosen.code]
    )
    versions = [m.service.version for m in chosen.bundle_members.all()] if is_bundle else [chosen.current_version]
    provinces = {}
    for version in versions:
        provinces |= cards.provinces_of(version)
    province = provinces.get(state.get("p")) if state.get("p") else None
    if province is None and len(provinces) > 1:
        province = provinces.get(_citizen_province(request))
        if province is None:
            ordered = sorted(provinces.values(), key=lambda unit: unit.code)
            return _ask(
                state,
                Slot.PROVINCE,
                _("Bạn đang ở tỉnh, thành phố nào? Nơi nộp hồ sơ tùy theo nơi bạn cư trú."),
                [(f"r:{unit.pk}", unit.display_name) for unit in ordered],
            )
    card = cards.bundle_card(chosen, province) if is_bundle else cards.procedure_card(chosen, province)
    state.pop("ask", None)
    state.pop("offered", None)
    text = (
        _("Đây là dịch vụ liên thông phù hợp, theo danh mục thủ tục hành chính của Cổng")
        if is_bundle
        else _("Đây là thủ tục phù hợp, theo danh mục thủ tục hành chính của Cổng")
    )
    text = f"{text} ({province.display_name}):" if province is not None else f"{text}:"
    return Answer(
        intent=Intent.FIND_PROCEDURE,
        kind=Kind.ANSWER,
        text=text,
        cards=[card],
        links=[card["source"]],
        context=dump_context(state),
    )


def _ask(state: dict, slot: str, question: str, choices: list[tuple[str, str]], labels: dict | None = None) -> Answer:
    state = {**state, "ask": str(slot), "offered": [value for value, _label in choices]}
    if labels:
        state["labels"] = labels
    return Answer(
        intent=Intent.FIND_PROCEDURE,
        kind=Kind.ASK,
        text=question,
        options=[{"label": str(label), "value": value} for value, label in choices],
        context=dump_context(state),
        slot=str(slot),
    )


def _ask_option(state: dict, procedures, bundles) -> Answer:
    names = [p.current_version.display_name for p in procedures]
    # Procedures of one name (at different levels, say) are told apart by their codes.
    choices = [
        (f"p:{p.code}", f"{name} ({p.code})" if names.count(name) > 1 else name)
        for p, name in zip(procedures, names, strict=True)
    ]
    choices += [(f"b:{b.slug}", b.display_name) for b in bundles]
    bundled = {m.service.version.procedure_id for b in bundles for m in b.bundle_members.all()}
    if len(procedures) == 1 and bundles and procedures[0].pk in bundled:
        question = _(
            "Bạn chỉ cần làm thủ tục “%(procedure)s”, hay làm liên thông nhiều thủ tục trong một lần nộp hồ sơ?"
        ) % {"procedure": procedures[0].current_version.display_name}
    else:
        question = _("Có %(n)d thủ tục có thể phù hợp. Bạn cần thủ tục nào?") % {"n": len(choices)}
    labels = {value: fold(label) for value, label in choices}
    return _ask(state, Slot.OPTION, question, choices, labels)


# --- finding ---------------------------------------------------------------------------------------------------


def _candidates(state: dict) -> list:
    """The procedures that fit the question, best first: search's results that hold enough of its words."""
    words = state.get("w") or state.get("t", "").split()
    results = list(search_procedures(q=state["t"])[: CANDIDATES * 3])
    found = [p for p in results if _fits(p, words)]
    complete = [p for p in found if _coverage(p, state.get("all") or words) == 1]
    if len(complete) == 1:  # one procedure holds every word: the others are only near
        return complete
    if not results and len(words) >= 2:
        # Not every word is in one procedure: procedures that hold most of the words, one word searched at a time.
        hits: dict[str, list] = {}
        for word in [w for w in words if len(w) >= 3][:4]:
            for procedure in search_procedures(q=word)[:20]:
                hits.setdefault(procedure.code, [procedure, 0])[1] += 1
        needed = max(2, (len(words) + 1) // 2)
        found = [p for p, n in sorted(hits.values(), key=lambda item: -item[1]) if n >= needed and _fits(p, words)]
    return found[:CANDIDATES]


def _coverage(procedure, words: list[str]) -> float:
    return covers(words, f"{procedure.search_name} {procedure.search_text}")


def _fits(procedure, words: list[str]) -> bool:
    return _coverage(procedure, words) >= MIN_COVERAGE


def _province_words(pk: int) -> set[str]:
    return {word for name, unit in _provinces() if unit == pk for word in name.split()} | set(PROVINCE_ALIASES)


def _provinces() -> list[tuple[str, int]]:
    """(folded name, id) of every province, kept in the process while the catalogue does not change."""
    return _PROVINCES.get("provinces", _read_provinces)


def _read_provinces() -> list[tuple[str, int]]:
    rows = AdministrativeUnit.objects.filter(level=UnitLevel.PROVINCE, retired_on__isnull=True).values_list(
        "pk", "name", "name_en"
    )
    names = []
    for pk, name, name_en in rows:
        folded = fold(name)
        for prefix in ("thanh pho ", "tinh "):
            folded = folded.removeprefix(prefix)
        names.append((folded, pk))
        if name_en:
            names.append((fold(name_en).removesuffix(" city").removesuffix(" province"), pk))
    return names


def _province_in(text: str) -> int | None:
    if not text:
        return None
    for alias, name in PROVINCE_ALIASES.items():
        if has(text, (alias,)):
            text = f"{text} {name}"
    for name, pk in _provinces():
        if name and has(text, (name,)):
            return pk
    return None


def _citizen_province(request) -> int | None:
    """The province of the logged-in citizen's current (else permanent) residence, as VNeID told it."""
    user = request.user
    if not (user.is_authenticated and getattr(user, "is_citizen", False)):
        return None
    claims = citizen_claims(user, request.session)
    for key in ("temporary_address", "permanent_address"):
        code = (claims.get(key) or {}).get("unit_code")
        if code:
            unit = AdministrativeUnit.objects.select_related("parent").filter(code=code).first()
            province = cards.province_of(unit)
            if province is not None:
                return province.pk
    return None


__all__ = ["Answer", "BadContext", "answer", "intent_of"]
