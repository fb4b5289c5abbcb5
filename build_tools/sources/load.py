"""Read a source text's bytes and decode them; nothing here looks at the content's meaning."""

from __future__ import annotations

import hashlib
from pathlib import Path

from build_tools.errors import InputError
from build_tools.model import SourceText
from build_tools.sources.normalize import normalize

# Tried in order after the byte-order marks; GB18030 is a superset of GBK and GB2312.
FALLBACK_ENCODINGS = ("utf-8", "gb18030", "big5")


def decode(raw: bytes, path: Path) -> tuple[str, str]:
    """Return (text, encoding name) for raw bytes, or raise InputError naming the file."""
    if not raw.strip():
        raise InputError(path, "the file is empty")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    if b"\x00" in raw:
        raise InputError(path, "the file looks binary (it contains NUL bytes); expected plain text")
    for encoding in FALLBACK_ENCODINGS:
        try:
            return raw.decode(encoding, errors="strict"), encoding
        except UnicodeDecodeError:
            continue
    raise InputError(path, "cannot decode the text as UTF-8, GB18030 or Big5")


def load_source(path: Path) -> SourceText:
    """Read one source text from disk."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot read the file: {error.strerror}") from error
    text, encoding = decode(raw, path)
    normalized, removed = normalize(text)
    if not normalized.strip():
        raise InputError(path, "the file has no visible text")
    return SourceText(
        path=path,
        encoding=encoding,
        sha256=hashlib.sha256(raw).hexdigest(),
        text=normalized,
        removed_invisible=removed,
    )
