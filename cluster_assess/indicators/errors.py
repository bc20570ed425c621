"""The one error type for bad indicator input; same shape as the lead's coming UserError."""

from __future__ import annotations


class IndicatorInputError(Exception):
    """A user-fixable input problem: names the file, line (row) and field so it can be fixed.

    Kept tiny so it can be swapped for `cluster_assess.errors.UserError` without other changes.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.file = file
        self.line = line
        self.field = field
        self.message = message

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(str(self.file))
        if self.line is not None:
            where.append(f"row {self.line}")
        if self.field:
            where.append(f"column '{self.field}'")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message
