"""Read a source text's bytes and decode them; nothing here looks at the content's meaning."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

import opencc

from build_tools.core.errors import InputError
from build_tools.model import Script, SourceText
from build_tools.sources.normalize import normalize

# Legacy encodings tried when the text is not UTF-8 (GB18030 is a superset of GBK and GB2312).
LEGACY_ENCODINGS = ("gb18030", "big5")
# Tried only to name them when refusing a text: this edition takes Chinese texts.
OTHER_ENCODINGS = ("shift_jis",)
CJK = re.compile(r"[\u4e00-\u9fff]")
KANA = re.compile(r"[\u3040-\u30ff]")
# A real Chinese text lies almost wholly in its encoding's common core; a wrong guess does not.
CONFIDENT = 0.9
MARGIN = 0.2
BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
    (b"\xfe\xff", "utf-16-be", "utf-16"),
    (b"\xff\xfe", "utf-16-le", "utf-16"),
)


def _line_of(body: bytes, offset: int, codec: str) -> int:
    """1-based line of a byte offset into text in ``codec``."""
    return body[:offset].decode(codec, errors="replace").count("\n") + 1


def _decode_bom(raw: bytes, path: Path) -> tuple[str, str] | None:
    """Text and encoding of a file that starts with a byte-order mark, or None when it has none."""
    for bom, codec, name in BOMS:
        if not raw.startswith(bom):
            continue
        body = raw[len(bom) :]
        unit = {"utf-8": 1, "utf-16-be": 2, "utf-16-le": 2}.get(codec, 4)
        if len(body) % unit:
            raise InputError(path, f"{name} with BOM, but the length is not a whole number of {unit}-byte units")
        try:
            return body.decode(codec, errors="strict"), name
        except UnicodeDecodeError as error:
            offset = len(bom) + error.start
            line = _line_of(body, error.start, codec)
            raise InputError(
                path, f"starts with a {name} BOM but byte {offset} is not valid {name} ({error.reason})", line
            ) from error
    return None


def decode(raw: bytes, path: Path) -> tuple[str, str]:
    """Return (text, encoding name) for raw bytes, or raise InputError naming the file."""
    if not raw.strip():
        raise InputError(path, "the file is empty")
    with_bom = _decode_bom(raw, path)
    if with_bom is not None:
        return with_bom
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
    candidates.sort(key=lambda candidate: -candidate[0])
    if candidates:
        best, encoding, text = candidates[0]
        runner_up = candidates[1][0] if len(candidates) > 1 else 0.0
        if best >= CONFIDENT and best - runner_up >= MARGIN:
            return text, encoding
    others = [encoding for encoding in OTHER_ENCODINGS if _decodes_with_kana(raw, encoding)]
    named = [f"{encoding} ({score:.0%} common Chinese characters)" for score, encoding, _ in candidates]
    named += [f"{encoding} (decodes to Japanese text)" for encoding in others]
    if not named:
        raise InputError(path, "cannot decode the text as UTF-8, UTF-16, UTF-32, GB18030/GBK or Big5")
    raise InputError(
        path,
        f"cannot tell the encoding with confidence; candidates: {', '.join(named)}. "
        "Save the file as UTF-8 and add it again",
    )


def _decodes_with_kana(raw: bytes, encoding: str) -> bool:
    try:
        text = raw.decode(encoding, errors="strict")
    except UnicodeDecodeError:
        return False
    return len(KANA.findall(text)) >= max(1, len(CJK.findall(text)) // 10)


def _plausibility(text: str, encoding: str) -> float:
    """Share of Chinese characters from the encoding's common core.

    Big5 bytes often decode as GB18030 too (and the other way round), but then give rare
    characters: real Simplified text lies almost wholly in GB2312, real Traditional text mostly in
    Big5's first level (lead bytes A4–C6).
    """
    chars = Counter(CJK.findall(text))
    if not chars:
        return 0.0
    common = 0
    for char, count in chars.items():  # each distinct character once: a long text repeats them
        try:
            if encoding == "gb18030":
                char.encode("gb2312")
                common += count
            elif 0xA4 <= char.encode("big5")[0] <= 0xC6:
                common += count
        except UnicodeEncodeError:
            continue
    return common / chars.total()


def detect_script(text: str) -> Script:
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
        size=len(raw),
    )
