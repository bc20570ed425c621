"""Reading amounts the way Chinese reports write them: 20多亿元, ２００多家, 30%以上, 2000万美元.

The result keeps what the text said about precision (多/余/以上 → "over", 约/左右 → "about",
近 → "nearly") so a report can show "20+ 亿元" rather than pretend to an exact figure, and keeps
currencies apart: we never convert USD to CNY behind the user's back.

Text that would be read wrongly if we guessed is refused with a message that says what to write:
ranges (20-30亿元), upper bounds (不足20亿元, 30%以下), vague counts (数百家), and changes whose
sign is in a word (下降5%). A label copied with the number (产销规模20多亿元) is dropped.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

Approx = str  # "over" | "about" | "nearly"

# Words before the number. None: the word says nothing about precision (达, 共计…).
_PREFIX_APPROX: dict[str, str | None] = {
    "约": "about", "大约": "about", "大概": "about", "约为": "about", "近": "nearly", "将近": "nearly",
    "接近": "nearly", "超过": "over", "超": "over", "逾": "over", "过": "over", "突破": "over",
    "至少": "over", "上": "over", "达": None, "达到": None, "高达": None, "共": None, "计": None,
    "共计": None, "合计": None, "总计": None, "为": None, "是": None, "有": None,
    "about": "about", "approx.": "about", "approximately": "about", "around": "about", "~": "about",
    "≈": "about", "over": "over", "morethan": "over", ">": "over", "nearly": "nearly", "almost": "nearly",
}
_SUFFIX_APPROX = {
    "多": "over", "余": "over", "以上": "over", "来": "about", "左右": "about", "上下": "about",
    "许": "about",
}
_MULTIPLIERS = {"十": 10, "百": 100, "千": 1_000, "万": 10_000, "亿": 100_000_000}
_CURRENCIES = {
    "元": "CNY", "元人民币": "CNY", "人民币": "CNY", "rmb": "CNY", "cny": "CNY", "美元": "USD", "美金": "USD",
    "usd": "USD", "欧元": "EUR", "eur": "EUR", "港元": "HKD", "港币": "HKD", "hkd": "HKD",
}
_CURRENCY_SIGNS = {"us$": "USD", "$": "USD", "¥": "CNY", "rmb": "CNY", "€": "EUR"}
_COUNT_WORDS = ("家", "个", "人", "名", "种", "条", "项", "户", "座", "所", "件", "次", "款", "类", "处", "位")
_AREA_WORDS = ("平方公里", "平方米", "km2", "km²", "亩")
_UNITS = sorted([*_CURRENCIES, *_COUNT_WORDS, *_AREA_WORDS, "%", "成"], key=len, reverse=True)

_TOKEN = re.compile(
    r"^(?P<num>[-+]?\d+(?:\.\d+)?)"
    r"(?P<approx1>多|余|来)?"
    r"(?P<mult>(?:[十百千万亿])*)"
    r"(?P<approx2>多|余|来)?"
    r"(?P<unit>" + "|".join(map(re.escape, _UNITS)) + r")?"
    r"(?P<approx3>以上|左右|上下|多|余|许)?"
    r"(?P<noun>[\u4e00-\u9fff]{0,8})$",
    re.IGNORECASE,
)
_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿点"
_RANGE = re.compile(r"\d\s*(?:-|~|—|–|至|到)\s*[-+]?\d|[一二三四五六七八九十]\s*(?:-|~|至|到)\s*[一二三四五六七八九十]")
_UPPER_BOUND = ("不足", "不到", "低于", "少于", "未满", "未达", "最多", "至多", "以下", "以内", "<")
_VAGUE = re.compile(r"(?:数|几|若干)[十百千万亿]|^(?:数|几)[家个名人种]|[二三四五六七八九]{2}[十百千万]")
_SIGN_WORDS = ("下降", "减少", "降低", "下滑", "负增长", "亏损", "回落")


class AmountError(ValueError):
    """Raised with a message a user can act on; the profile loader adds file, line and field."""


@dataclass(frozen=True)
class Amount:
    value: float
    approx: Approx | None = None
    currency: str | None = None
    percent: bool = False
    unit: str | None = None


def normalise(text: str) -> str:
    """Full-width digits and signs to ASCII; drop thousands separators and spaces."""
    text = unicodedata.normalize("NFKC", text).strip()
    text = re.sub(r"(?<=\d)[,，](?=\d{3})", "", text)
    return re.sub(r"\s+", "", text)


def _chinese_numeral(text: str) -> str:
    """Replace a leading Chinese-numeral number (二十多亿元 → 20多亿元, 百余家 → 1百余家) using cn2an."""
    match = re.match(f"^([{_NUMERAL_CHARS}]+)(.*)$", text)
    if not match:
        return text
    numeral, rest = match.groups()
    if not re.search(r"[零〇一二两三四五六七八九十百千]", numeral):
        # a bare 万/亿 (过亿元 → 1亿元)
        return "1" + text if numeral[0] in "万亿" else text
    if numeral[0] in "十百千":
        numeral = "一" + numeral
    # keep trailing multipliers apart so 二十多亿 reads as 20 多 亿, and 百余 as 1 百 余
    tail = ""
    while len(numeral) > 1 and numeral[-1] in "万亿百千" and (rest[:1] in "多余来" or tail or numeral[-1] in "万亿"):
        tail = numeral[-1] + tail
        numeral = numeral[:-1]
    try:
        import cn2an

        value = cn2an.cn2an(numeral, "smart")
    except Exception:  # cn2an raises plain ValueError/KeyError on text it cannot read
        return text
    number = f"{value:g}" if isinstance(value, float) else str(value)
    return f"{number}{tail}{rest}"


def _percent_words(text: str) -> str:
    """百分之三十 / 百分之30 → 30%."""
    def convert(match: re.Match[str]) -> str:
        return _chinese_numeral(match.group(1)) + "%"

    return re.sub(f"百分之([\\d.{_NUMERAL_CHARS}]+)", convert, text)


def _split_label(text: str) -> tuple[str, str]:
    """`产销规模20多亿元` → (`产销规模`, `20多亿元`): the words before the first number."""
    digit = re.search(r"[-+]?\d", text)
    numeral = re.search(f"[{_NUMERAL_CHARS}]", text)
    starts = [m.start() for m in (digit, numeral) if m]
    if not starts:
        return text, ""
    start = min(starts)
    if digit and numeral and numeral.start() < digit.start():
        # `一般20家`: a numeral character inside a label word; trust the Arabic digits
        head = text[: digit.start()]
        if not re.fullmatch(f"[{_NUMERAL_CHARS}]+", head[numeral.start():]):
            start = digit.start()
    return text[:start], text[start:]


def _prefix_approx(label: str) -> Approx | None:
    """The precision word a label ends with (销售收入近 → nearly)."""
    lowered = label.lower()
    for word in sorted(_PREFIX_APPROX, key=len, reverse=True):
        if lowered.endswith(word):
            return _PREFIX_APPROX[word]
    return None


def _finite(value: float, raw: object) -> float:
    if not math.isfinite(value) or abs(value) > 1e18:
        raise AmountError(f"{raw!r} is not a usable number; write an ordinary number")
    return value


def parse_amount(raw: object) -> Amount:
    """Parse a number or a Chinese/Western amount string into an Amount."""
    if isinstance(raw, bool):
        raise AmountError(f"expected a number, got {str(raw).lower()}")
    if isinstance(raw, int | float):
        try:
            return Amount(_finite(float(raw), raw))
        except OverflowError:
            raise AmountError(f"{raw} is too large to be an amount") from None
    if not isinstance(raw, str):
        raise AmountError(f"expected a number or an amount like '20多亿元', got {type(raw).__name__}")
    return _parse_text(raw)


@lru_cache(maxsize=4096)
def _parse_text(raw: str) -> Amount:
    """Amounts written as text recur across profiles (and rubric thresholds); the result is an
    immutable value, so each distinct text is read once (errors are not cached). Bounded, so
    memory stays flat over any number of profiles."""
    text = normalise(raw)
    if not text:
        raise AmountError("the value is empty; write a number, or delete the line if it is unknown")
    _refuse_guesses(text, raw)
    currency_sign = None
    for sign, code in _CURRENCY_SIGNS.items():
        if text.lower().startswith(sign):
            currency_sign, text = code, text[len(sign):]
            break
    label, number = _split_label(_percent_words(text))
    if not number:
        raise AmountError(
            f"cannot read {raw!r} as an amount: there is no number in it; write a number such as "
            "200, or an amount such as '20亿元', '200多家', '30%' or '2000万美元'"
        )
    match = _TOKEN.match(_chinese_numeral(number))
    if not match:
        raise AmountError(
            f"cannot read {raw!r} as an amount; write a number such as 2000000000, "
            "or an amount such as '20亿元', '200多家', '30%' or '2000万美元'"
        )
    value = float(match.group("num"))
    for char in match.group("mult") or "":
        value *= _MULTIPLIERS[char]
    approx_word = match.group("approx1") or match.group("approx2") or match.group("approx3")
    approx = _SUFFIX_APPROX.get(approx_word) if approx_word else None
    approx = approx or _prefix_approx(label)
    unit = (match.group("unit") or "").lower() or None
    if match.group("noun") and unit not in _COUNT_WORDS:
        raise AmountError(
            f"cannot read {raw!r}: unexpected words {match.group('noun')!r} after the number; write the amount only"
        )
    currency = _CURRENCIES.get(unit) if unit else None
    if currency_sign and currency and currency != currency_sign:
        raise AmountError(f"{raw!r} names two currencies; write one, e.g. '2000万美元'")
    currency = currency or currency_sign
    if unit == "成":  # 三成 = 30%
        value, unit = value * 10, "%"
    percent = unit == "%"
    if percent:
        value /= 100
    if currency_sign and not unit:
        unit = currency_sign.lower()
    return Amount(_finite(value, raw), approx, currency, percent, unit)


def _refuse_guesses(text: str, raw: str) -> None:
    """Forms whose number we could only guess: say what to write instead."""
    if _RANGE.search(text):
        raise AmountError(
            f"{raw!r} is a range; write one figure, e.g. the middle with '约' ('约25亿元'), "
            "and put the range in a note"
        )
    bound = next((w for w in _UPPER_BOUND if w in text), None)
    if bound:
        raise AmountError(
            f"{raw!r} gives only an upper bound ({bound}); write the figure you believe with '近' or '约' "
            "(e.g. '近20亿元'), and keep the original words in a note"
        )
    if _VAGUE.search(text):
        raise AmountError(
            f"{raw!r} is too vague to read as a number (数百/几十); write an estimate such as '约300家' "
            "and keep the original words in a note"
        )
    sign = next((w for w in _SIGN_WORDS if w in text), None)
    if sign:
        raise AmountError(
            f"{raw!r} says '{sign}' in words; write the change as a signed number, e.g. '-5%' for a fall of 5%"
        )
