"""The one error type a user sees: what is wrong, in which file, at which line."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad input (source text, metadata, translation or data file), reported in one line."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else f"{self.path}"
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[type[InputError], tuple[Path, str, int | None]]:
        # Raised in a worker process (build_tools/core/parallel.py), it is pickled back whole.
        return InputError, (self.path, self.message, self.line)


class BuildFailed(Exception):
    """mkdocs build did not succeed; the message carries its output."""
