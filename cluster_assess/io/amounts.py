"""Reading amounts the way Chinese reports write them: 20多亿元, ２００多家, 30%以上, 2000万美元.

Every amount is an interval plus the writer's words, because that is what the text says and no
more: `200多家` is at least 200 and under 300, `30%以上` at least 30%, `近3000家` just under 3000,
`约25亿元` within ±10% of 25亿, `不足20亿元` under 20亿, `20-30亿元` the range, `数百家` 200 to
under 1000, `大多数` over half. The bands are documented in the README (table "Amounts") and are
the one place where a word becomes a number. `value` is the figure the writer wrote (the lower end
of a range or vague count), kept for display and sorting; conditions compare the interval.

Currencies stay apart: we never convert USD to CNY behind the user's back. A change whose sign is
only in a word (下降5%) is refused with advice, because guessing the sign would invert a judgement.
A label copied with the number (产销规模20多亿元) is dropped.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from cluster_assess.i18n import msg

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
_COUNT_WORDS = ("家", "个", "人", "名", "种", "条", "项", "户", "座", "所", "件", "次", "款", "类", "处", "位",
                "间", "台", "套", "双", "吨", "辆", "张", "只", "打", "米", "万件", "企业", "副", "顶", "把", "支",
                "片", "箱", "铺", "档")
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
_RANGE = re.compile(r"^(?P<left>.*?\d(?:\.\d+)?[十百千万亿]*[^\d\s-]*?)\s*(?:-|~|—|–|至|到)\s*(?P<right>[+]?\d.*)$")
_UPPER_STRICT = ("不足", "不到", "低于", "少于", "未满", "未达", "<")
_UPPER_CLOSED = ("最多", "至多", "以下", "以内", "≤")
# vague counts: 数百 → [200, 1000), 几十 → [20, 100), 二三十 → [20, 30], 十几 → [11, 20)
_VAGUE = re.compile(r"^(?:数|几|若干)(?P<mult>[十百千万亿]+)")
_PAIR = re.compile(r"^(?P<a>[一二两三四五六七八九])(?P<b>[一二两三四五六七八九])(?P<mult>[十百千万亿]+)")
_TEEN = re.compile(r"^十几")
_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# shares in words, for share fields: (lo, hi, lo_open, hi_open, approx)
SHARE_WORDS: dict[str, tuple[float, float, bool, bool]] = {
    "绝大多数": (0.8, 1.0, False, False), "绝大部分": (0.8, 1.0, False, False),
    "大多数": (0.5, 1.0, True, False), "大部分": (0.5, 1.0, True, False), "多数": (0.5, 1.0, True, False),
    "过半": (0.5, 1.0, True, False), "半数以上": (0.5, 1.0, True, False), "一半以上": (0.5, 1.0, True, False),
    "约一半": (0.45, 0.55, False, False), "一半左右": (0.45, 0.55, False, False),
    "少数": (0.0, 0.5, True, True), "小部分": (0.0, 0.5, True, True), "极少数": (0.0, 0.1, True, False),
}
ABOUT_BAND = 0.10   # 约/左右: within ±10% of the figure
NEARLY_BAND = 0.10  # 近: at least 90% of the figure and under it
_SIGN_WORDS = ("下降", "减少", "降低", "下滑", "负增长", "亏损", "回落")
# the patterns and word lists each reading uses, compiled and ordered once
_THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3})")
_SPACES = re.compile(r"\s+")
_LEADING_NUMERAL = re.compile(f"^([{_NUMERAL_CHARS}]+)(.*)$")
_NUMERAL_DIGIT = re.compile(r"[零〇一二两三四五六七八九十百千]")
_PERCENT_WORDS = re.compile(f"百分之([\\d.{_NUMERAL_CHARS}]+)")
_DIGIT = re.compile(r"[-+]?\d")
_NUMERAL = re.compile(f"[{_NUMERAL_CHARS}]")
_NUMERALS = re.compile(f"[{_NUMERAL_CHARS}]+")
_SIGNED_DIGIT = re.compile(r"^[-+]?\d")
_LEADING_FIGURE = re.compile(r"^[+]?\d+(?:\.\d+)?")
_ENDS_IN_NON_DIGIT = re.compile(r"\D$")
_VAGUE_WORD = re.compile(r"十几|数|几|若干|[一二两三四五六七八九]{2}[十百千万亿]")
_PREFIX_WORDS = tuple(sorted(_PREFIX_APPROX, key=len, reverse=True))


class AmountError(ValueError):
    """Raised with a message a user can act on; the profile loader adds file, line and field."""


@dataclass(frozen=True)
class Amount:
    """A figure as written, and the interval [lo, hi] it stands for (open ends flagged)."""

    value: float
    approx: Approx | None = None
    currency: str | None = None
    percent: bool = False
    unit: str | None = None
    lo: float | None = None
    hi: float | None = None
    lo_open: bool = False
    hi_open: bool = False

    def __post_init__(self) -> None:
        if self.lo is None:
            object.__setattr__(self, "lo", self.value)
        if self.hi is None:
            object.__setattr__(self, "hi", self.value)

    def scaled(self, factor: float) -> Amount:
        """The same statement in other units (percent → fraction)."""
        return replace(self, value=self.value * factor, lo=(self.lo or 0.0) * factor,
                       hi=(self.hi or 0.0) * factor)


def normalise(text: str) -> str:
    """Full-width digits and signs to ASCII; drop thousands separators and spaces."""
    text = unicodedata.normalize("NFKC", text).strip()
    if "," in text or "，" in text:
        text = _THOUSANDS.sub("", text)
    return _SPACES.sub("", text)


def _chinese_numeral(text: str) -> str:
    """Replace a leading Chinese-numeral number (二十多亿元 → 20多亿元, 百余家 → 1百余家) using cn2an."""
    match = _LEADING_NUMERAL.match(text)
    if not match:
        return text
    numeral, rest = match.groups()
    if not _NUMERAL_DIGIT.search(numeral):
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

    return _PERCENT_WORDS.sub(convert, text) if "百分之" in text else text


def _split_label(text: str) -> tuple[str, str]:
    """`产销规模20多亿元` → (`产销规模`, `20多亿元`): the words before the first number."""
    digit = _DIGIT.search(text)
    numeral = _NUMERAL.search(text)
    starts = [m.start() for m in (digit, numeral) if m]
    if not starts:
        return text, ""
    start = min(starts)
    if digit and numeral and numeral.start() < digit.start():
        # `一般20家`: a numeral character inside a label word; trust the Arabic digits
        head = text[: digit.start()]
        if not _NUMERALS.fullmatch(head[numeral.start():]):
            start = digit.start()
    return text[:start], text[start:]


def _prefix_approx(label: str) -> Approx | None:
    """The precision word a label ends with (销售收入近 → nearly)."""
    if not label:
        return None
    lowered = label.lower()
    for word in _PREFIX_WORDS:
        if lowered.endswith(word):
            return _PREFIX_APPROX[word]
    return None


def _finite(value: float, raw: object) -> float:
    if not math.isfinite(value) or abs(value) > 1e18:
        raise AmountError(msg("amt_unusable", value=raw))
    return value


def parse_amount(raw: object) -> Amount:
    """Parse a number or a Chinese/Western amount string into an Amount."""
    if isinstance(raw, bool):
        raise AmountError(msg("amt_bool", value=str(raw).lower()))
    if isinstance(raw, int | float):
        try:
            return Amount(_finite(float(raw), raw))
        except OverflowError:
            raise AmountError(msg("amt_too_large", value=raw)) from None
    if not isinstance(raw, str):
        raise AmountError(msg("amt_type", name=type(raw).__name__))
    return _parse_text(raw)


@lru_cache(maxsize=4096)
def _parse_text(raw: str) -> Amount:
    """Amounts written as text recur across profiles (and rubric thresholds); the result is an
    immutable value, so each distinct text is read once (errors are not cached). Bounded, so
    memory stays flat over any number of profiles."""
    text = normalise(raw)
    if not text:
        raise AmountError(msg("amt_empty"))
    sign = next((w for w in _SIGN_WORDS if w in text), None)
    if sign:
        raise AmountError(msg("amt_sign_words", value=raw, sign=sign))
    if text in SHARE_WORDS:
        lo, hi, lo_open, hi_open = SHARE_WORDS[text]
        return Amount(lo, "words", None, True, "%", lo, hi, lo_open, hi_open)
    if (ranged := _range(text, raw)) is not None:
        return ranged
    for words, closed in ((_UPPER_STRICT, False), (_UPPER_CLOSED, True)):
        bound = next((w for w in words if w in text), None)
        if bound:
            upper = _parse_single(text.replace(bound, ""), raw)
            return replace(upper, approx="at_most" if closed else "under", lo=0.0, hi=upper.hi if closed else upper.lo,
                           lo_open=False, hi_open=not closed)
    if (vague := _vague(text, raw)) is not None:
        return vague
    return _parse_single(text, raw)


def _range(text: str, raw: str) -> Amount | None:
    """`20-30亿元`, `20至30亿元`, `20亿元-30亿元`: the left end borrows the right end's units."""
    match = _RANGE.match(text)
    if not match or (text.startswith(("-", "+")) and not _SIGNED_DIGIT.match(match.group("left"))):
        return None
    left, right = match.group("left"), match.group("right")
    high = _parse_single(right, raw)
    tail = _LEADING_FIGURE.sub("", right)
    low = _parse_single(left if _ENDS_IN_NON_DIGIT.search(left) else left + tail, raw)
    if low.currency != high.currency or low.percent != high.percent:
        raise AmountError(msg("amt_range_units", value=raw))
    if low.lo is None or high.hi is None or low.lo > high.hi:
        raise AmountError(msg("amt_range_backwards", value=raw))
    return Amount(low.value, "range", high.currency, high.percent, high.unit, low.lo, high.hi)


def _vague(text: str, raw: str) -> Amount | None:
    """数百家, 几十家, 二三十家, 十几家: the band the words allow, never a guessed figure."""
    found = _VAGUE_WORD.search(text)
    if found is None:
        return None
    rest = text[found.start():]
    hi_open = True
    if match := _VAGUE.match(rest):
        scale, unit_text = _scale(match.group("mult")), rest[match.end():]
        lo, hi, approx = 2 * scale, 10 * scale, "vague"
    elif match := _PAIR.match(rest):
        scale, unit_text = _scale(match.group("mult")), rest[match.end():]
        lo, hi, approx = _DIGITS[match.group("a")] * scale, _DIGITS[match.group("b")] * scale, "range"
        hi_open = False
        if hi <= lo:
            return None
    elif _TEEN.match(rest):
        unit_text, lo, hi, approx = rest[2:], 11.0, 20.0, "vague"
    else:
        return None
    unit = _parse_single("1" + unit_text, raw)  # the currency, percent and scale of the words after
    return replace(unit, value=lo * unit.value, approx=approx, lo=lo * unit.value, hi=hi * unit.value,
                   lo_open=False, hi_open=hi_open)


def _scale(mult: str) -> float:
    value = 1.0
    for char in mult:
        value *= _MULTIPLIERS[char]
    return value


def _parse_single(text: str, raw: str) -> Amount:
    currency_sign = None
    lowered = text.lower()
    for sign, code in _CURRENCY_SIGNS.items():
        if lowered.startswith(sign):
            currency_sign, text = code, text[len(sign):]
            break
    label, number = _split_label(_percent_words(text))
    if not number:
        raise AmountError(msg("amt_no_number", value=raw))
    match = _TOKEN.match(_chinese_numeral(number))
    if not match:
        raise AmountError(msg("amt_unreadable", value=raw))
    written = match.group("num")
    value = float(written)
    scale = _scale(match.group("mult") or "")
    value *= scale
    band_word = match.group("approx1") or match.group("approx2")
    approx_word = band_word or match.group("approx3")
    approx = _SUFFIX_APPROX.get(approx_word) if approx_word else None
    prefix = _prefix_approx(label)
    approx = approx or prefix
    unit = (match.group("unit") or "").lower() or None
    if match.group("noun") and unit not in _COUNT_WORDS:
        raise AmountError(msg("amt_words_after", value=raw, noun=match.group("noun")))
    currency = _CURRENCIES.get(unit) if unit else None
    if currency_sign and currency and currency != currency_sign:
        raise AmountError(msg("amt_two_currencies", value=raw))
    currency = currency or currency_sign
    factor = 1.0
    if unit == "成":  # 三成 = 30%
        factor, unit = 10.0, "%"
    percent = unit == "%"
    if percent:
        factor /= 100
    if currency_sign and not unit:
        unit = currency_sign.lower()
    value = _finite(value * factor, raw)
    lo, hi, lo_open, hi_open = _interval(value, approx, approx_word, written, scale * factor)
    return Amount(value, approx, currency, percent, unit, lo, hi, lo_open, hi_open)


def _interval(value: float, approx: str | None, word: str | None, written: str,
              unit_scale: float) -> tuple[float, float, bool, bool]:
    """The interval a figure and its precision word stand for (see the module docstring)."""
    if approx == "over" and word in ("多", "余"):
        # 200多 → [200, 300), 1600多 → [1600, 1700), 20多亿 → [20亿, 30亿), 2.5多 → [2.5, 2.6)
        digits = written.lstrip("+-")
        if "." in digits:
            step = 10.0 ** -len(digits.split(".")[1])
        else:
            trailing = len(digits) - len(digits.rstrip("0"))
            step = 10.0 ** trailing if digits.strip("0") else 1.0
        return value, value + step * unit_scale, False, True
    if approx == "over":
        return value, math.inf, False, False
    if approx == "about":
        return value * (1 - ABOUT_BAND), value * (1 + ABOUT_BAND), False, False
    if approx == "nearly":
        return value * (1 - NEARLY_BAND), value, False, True
    return value, value, False, False
