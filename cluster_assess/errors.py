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

    def __str__(self) -> str:
        where = ":".join(
            str(part) for part in (self.file, self.line, self.column) if part is not None
        )
        parts = [p for p in (where, self.field) if p]
        return ": ".join([*parts, self.message])


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
