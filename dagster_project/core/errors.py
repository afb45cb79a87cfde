"""Errors for bad input: they name the dataset, file, row and column so a user can fix it."""

from __future__ import annotations


class InputError(ValueError):
    """A payload that cannot be ingested as declared. Never retried: the bytes will not change."""

    def __init__(
        self,
        message: str,
        *,
        dataset: str | None = None,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.message = message
        self.dataset = dataset
        self.file = file
        self.row = row
        self.column = column
        super().__init__(self.describe())

    def describe(self) -> str:
        where = [
            f"{label} {value}"
            for label, value in (
                ("dataset", self.dataset),
                ("file", self.file),
                ("row", self.row),
                ("column", self.column),
            )
            if value is not None
        ]
        return f"{self.message} ({', '.join(where)})" if where else self.message

    def with_context(self, *, dataset: str | None = None, file: str | None = None) -> InputError:
        """The same error, completed with what the caller knows (parsers may not know the file)."""
        return InputError(
            self.message,
            dataset=self.dataset or dataset,
            file=self.file or file,
            row=self.row,
            column=self.column,
        )


class TransientError(RuntimeError):
    """A failure worth retrying (HTTP 5xx, timeouts, a lock held a moment too long)."""
