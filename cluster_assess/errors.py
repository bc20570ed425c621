"""One exception type for everything a user can get wrong; the CLI turns it into exit status 2."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input, located as precisely as we can."""

    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None
    sheet: bool = False  # line and column are a spreadsheet's row and column: say "row 7:column F"

    def __str__(self) -> str:
        return self.say("en")

    def say(self, lang: str | None = None) -> str:
        """`file:line:column: field: message`, the message in `lang` (default: the active one)."""
        from cluster_assess.i18n import current_lang, msg, say

        language = lang or current_lang()
        if self.sheet:
            row = say(msg("where_row", n=self.line), language) if self.line is not None else None
            col = (say(msg("where_column", c=column_letter(self.column)), language)
                   if self.column is not None else None)
            places: tuple[object, ...] = (self.file, row, col)
        else:
            places = (self.file, self.line, self.column)
        where = ":".join(str(part) for part in places if part is not None)
        parts = [p for p in (where, self.field) if p]
        return ": ".join([*parts, say(self.message, language)])


def column_letter(number: int) -> str:
    """1 → A, 27 → AA: how spreadsheets name columns."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class UserError(Exception):
    """Bad input: a profile, a rubric, an option. Carries every problem found, not just the first."""

    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def single(
        cls,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> UserError:
        return cls([Problem(message, file, line, column, field)])

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    def say(self, lang: str | None = None) -> str:
        return "\n".join(p.say(lang) for p in self.problems)
