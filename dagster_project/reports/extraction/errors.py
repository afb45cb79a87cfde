"""The one error a document that cannot be extracted raises.

The warehouse turns it into a `rejected` document status, so the message is one line that
names the file and the reason (`report.txt: cannot extract: empty file (0 bytes)`).
"""

from __future__ import annotations

from pathlib import Path


class ExtractionError(ValueError):
    """A document the library cannot read: empty, binary, undecodable, scanned, too large."""

    def __init__(self, file: str | Path, reason: str) -> None:
        self.file = Path(file).name if file else "<text>"
        self.reason = " ".join(str(reason).split())  # one line, whatever the cause said
        super().__init__(f"{self.file}: cannot extract: {self.reason}")
