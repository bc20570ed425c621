"""Reading amounts the way Chinese reports write them: 20多亿元, ２００多家, 30%以上, 2000万美元.

The result keeps what the text said about precision (多/余/以上 → "over", 约/左右 → "about",
近 → "nearly") so a report can show "20+ 亿元" rather than pretend to an exact figure, and keeps
currencies apart: we never convert USD to CNY behind the user's back.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

Approx = str  # "over" | "about" | "nearly"

_PREFIX_APPROX = {
    "约": "about", "大约": "about", "大概": "about", "近": "nearly", "将近": "nearly",
    "接近": "nearly", "超过": "over", "超": "over", "逾": "over", "达": None, "达到": None,
    "共": None, "计": None, "共计": None, "合计": None, "年均": None, "年": None,
}
_SUFFIX_APPROX = {
    "多": "over", "余": "over", "以上": "over", "来": "about", "左右": "about", "上下": "about",
    "许": "about",
}
_MULTIPLIERS = {"十": 10, "百": 100, "千": 1_000, "万": 10_000, "亿": 100_000_000}
_CURRENCIES = {"元": "CNY", "人民币": "CNY", "rmb": "CNY", "cny": "CNY", "美元": "USD", "usd": "USD"}
_COUNT_WORDS = ("家", "个", "人", "名", "种", "条", "项", "户", "座", "所", "件", "次", "款", "类", "处")

_TOKEN = re.compile(
    r"^(?P<prefix>" + "|".join(sorted(map(re.escape, _PREFIX_APPROX), key=len, reverse=True)) + r")?"
    r"(?P<num>[-+]?\d+(?:\.\d+)?)"
    r"(?P<approx1>多|余|来)?"
    r"(?P<mult>(?:[十百千万亿])*)"
    r"(?P<approx2>多|余|来)?"
    r"(?P<unit>%|％|元|人民币|美元|rmb|cny|usd|" + "|".join(_COUNT_WORDS) + r"|平方公里|平方米|km2|km²)?"
    r"(?P<approx3>以上|左右|上下|多|余|许)?$",
    re.IGNORECASE,
)


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
    return _THOUSANDS.sub("", text).replace(" ", "")


_THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3})")
_NUMERAL = re.compile(r"^([零〇一二两三四五六七八九十百千万亿点]+)(.*)$")
_NUMERAL_DIGIT = re.compile(r"[一二两三四五六七八九]")


def _chinese_numeral(text: str) -> str:
    """Replace a leading Chinese-numeral number (e.g. 二十多亿元 → 20多亿元) using cn2an if present."""
    match = _NUMERAL.match(text)
    if not match or not _NUMERAL_DIGIT.search(match.group(1)):
        return text
    numeral, rest = match.groups()
    # keep a trailing 万/亿 as a multiplier so 二十多亿 reads as 20 多 亿
    tail = ""
    while numeral and numeral[-1] in "万亿" and len(numeral) > 1:
        tail = numeral[-1] + tail
        numeral = numeral[:-1]
    try:
        import cn2an  # optional: the dependency is declared, but degrade gracefully

        value = cn2an.cn2an(numeral, "smart")
    except Exception:
        return text
    number = f"{value:g}" if isinstance(value, float) else str(value)
    return f"{number}{tail}{rest}"


def parse_amount(raw: object) -> Amount:
    """Parse a number or a Chinese/Western amount string into an Amount."""
    if isinstance(raw, bool):
        raise AmountError(f"expected a number, got {str(raw).lower()}")
    if isinstance(raw, int | float):
        return Amount(float(raw))
    if not isinstance(raw, str):
        raise AmountError(f"expected a number or an amount like '20多亿元', got {type(raw).__name__}")
    return _parse_text(raw)


@lru_cache(maxsize=4096)
def _parse_text(raw: str) -> Amount:
    """Amounts written as text recur across profiles (and rubric thresholds); the result is an
    immutable value, so each distinct text is read once. Bounded: memory stays flat."""
    text = _chinese_numeral(normalise(raw))
    match = _TOKEN.match(text)
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
    prefix = match.group("prefix")
    if prefix and _PREFIX_APPROX.get(prefix):
        approx = approx or _PREFIX_APPROX[prefix]
    unit = (match.group("unit") or "").lower() or None
    currency = _CURRENCIES.get(unit) if unit else None
    percent = unit in ("%", "％")
    if percent:
        value /= 100
    return Amount(value, approx, currency, percent, unit)
