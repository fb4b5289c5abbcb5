"""Read a source text's bytes and decode them; nothing here looks at the content's meaning."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import opencc

from build_tools.errors import InputError
from build_tools.model import SourceText
from build_tools.sources.normalize import normalize

# Legacy encodings tried when the text is not UTF-8 (GB18030 is a superset of GBK and GB2312).
LEGACY_ENCODINGS = ("gb18030", "big5")
CJK = re.compile(r"[\u4e00-\u9fff]")


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
    try:
        return raw.decode("utf-8", errors="strict"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for encoding in LEGACY_ENCODINGS:
        try:
            text = raw.decode(encoding, errors="strict")
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text, encoding), encoding, text))
    if not candidates:
        raise InputError(path, "cannot decode the text as UTF-8, UTF-16, GB18030/GBK or Big5")
    _, encoding, text = max(candidates, key=lambda candidate: candidate[0])
    return text, encoding


def _plausibility(text: str, encoding: str) -> float:
    """Share of Chinese characters from the encoding's common core.

    Big5 bytes often decode as GB18030 too (and the other way round), but then give rare
    characters: real Simplified text lies almost wholly in GB2312, real Traditional text mostly in
    Big5's first level (lead bytes A4–C6).
    """
    chars = CJK.findall(text)
    if not chars:
        return 0.0
    common = 0
    for char in chars:
        try:
            if encoding == "gb18030":
                char.encode("gb2312")
                common += 1
            elif 0xA4 <= char.encode("big5")[0] <= 0xC6:
                common += 1
        except UnicodeEncodeError:
            continue
    return common / len(chars)


def detect_script(text: str) -> str:
    """``hant`` when the text is written in Traditional characters, else ``hans``."""
    chars = "".join(CJK.findall(text))
    if not chars:
        return "hans"
    simplified = opencc.OpenCC("t2s.json").convert(chars)
    changed = sum(1 for a, b in zip(chars, simplified, strict=False) if a != b)
    return "hant" if changed / len(chars) > 0.03 else "hans"


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
        script=detect_script(normalized),
    )
