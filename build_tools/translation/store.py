"""The translation store: one gettext PO file per plan and language, ``translations/<lang>/<plan-id>.po``.

One entry per block: msgctxt = block id, msgid = the Chinese block as printed (label + text),
msgstr = the translation. Update rules (``sync``):
- a new block gets an empty entry;
- a block whose text changed keeps its translation, marked fuzzy, the old text kept as ``#| msgid``;
- a block that disappeared is kept as an obsolete entry (``#~``), never deleted; it comes back
  to life if the block reappears;
- a new id whose text equals an obsolete entry's text inherits that translation (a section
  renumbered or moved keeps its English), marked fuzzy for a look;
- running it twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib

from build_tools.errors import InputError
from build_tools.model import ParsedPlan
from build_tools.translation.atomic import write_atomically

LANGUAGE_NAMES = {"en": "English"}


@dataclass(frozen=True)
class StoredTranslation:
    """What the store holds for one block."""

    text: str
    """The translation, ``""`` when none."""
    status: str
    """``translated``, ``fuzzy`` (source changed since it was translated) or ``untranslated``."""
    note: str
    """Translator's comment, ``""`` when none."""
    previous_source: str
    """For a fuzzy entry: the Chinese text the translation was made from."""


def po_path(root: Path, language: str, plan_id: str) -> Path:
    return root / language / f"{plan_id}.po"


def load_po(path: Path) -> polib.POFile:
    """Read a PO file, or raise InputError naming the file (and line when polib says)."""
    try:
        po = polib.pofile(str(path), encoding="utf-8", wrapwidth=78)
    except (OSError, ValueError, UnicodeDecodeError) as error:
        message = str(error)
        line = None
        if "line" in message:
            digits = "".join(ch if ch.isdigit() else " " for ch in message.split("line", 1)[1]).split()
            line = int(digits[0]) if digits else None
        raise InputError(path, f"malformed PO file: {message}", line) from error
    seen: set[tuple[str | None, bool]] = set()
    for entry in po:
        key = (entry.msgctxt, entry.obsolete)
        if key in seen:
            raise InputError(path, f"duplicate entry for block {entry.msgctxt!r}", entry.linenum)
        seen.add(key)
    return po


def new_po(plan: ParsedPlan, language: str) -> polib.POFile:
    po = polib.POFile(wrapwidth=78)
    po.metadata = {
        "Project-Id-Version": f"equipment-plans-edition {plan.meta.id}",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Title": plan.meta.title_zh,
    }
    po.header = (
        f"{LANGUAGE_NAMES.get(language, language)} translation of {plan.meta.title_zh}\n"
        f"({plan.meta.title_en}). One entry per block: msgctxt is the block id."
    )
    return po


def sync(plan: ParsedPlan, po: polib.POFile) -> polib.POFile:
    """Apply the update rules above; returns a new POFile in block order, obsolete entries last."""
    by_context = {entry.msgctxt: entry for entry in po}
    result = polib.POFile(wrapwidth=78)
    result.metadata = dict(po.metadata)
    result.header = po.header
    current = {block.id for block in plan.blocks}
    orphans = [entry for entry in po if entry.msgctxt not in current and entry.msgstr]
    for block in plan.blocks:
        source = block.display
        entry = by_context.get(block.id)
        if entry is None:
            entry = polib.POEntry(msgctxt=block.id, msgid=source, msgstr="")
            twin = next((old for old in orphans if old.msgid == source), None)
            if twin is not None:
                entry.msgstr = twin.msgstr
                entry.tcomment = twin.tcomment
                entry.previous_msgctxt = twin.msgctxt
                entry.flags.append("fuzzy")
        else:
            entry = _copy(entry)
            entry.obsolete = False
            if entry.msgid != source:
                if entry.msgstr:
                    entry.previous_msgid = entry.msgid
                    if "fuzzy" not in entry.flags:
                        entry.flags.append("fuzzy")
                entry.msgid = source
        entry.occurrences = [(f"source_texts/{plan.meta.id}/source.txt", str(block.line))]
        result.append(entry)
    for entry in sorted((e for e in po if e.msgctxt not in current), key=lambda e: e.msgctxt or ""):
        kept = _copy(entry)
        kept.obsolete = True
        kept.occurrences = []
        result.append(kept)
    return result


def _copy(entry: polib.POEntry) -> polib.POEntry:
    return polib.POEntry(
        msgctxt=entry.msgctxt,
        msgid=entry.msgid,
        msgstr=entry.msgstr,
        tcomment=entry.tcomment,
        comment=entry.comment,
        flags=list(entry.flags),
        previous_msgid=entry.previous_msgid,
        previous_msgctxt=entry.previous_msgctxt,
        obsolete=entry.obsolete,
        occurrences=list(entry.occurrences),
    )


def serialize(po: polib.POFile) -> bytes:
    return (str(po).rstrip("\n") + "\n").encode("utf-8")


def update_plan(plan: ParsedPlan, root: Path, language: str = "en") -> bool:
    """Sync one plan's PO file with its blocks; True when the file changed."""
    path = po_path(root, language, plan.meta.id)
    po = load_po(path) if path.exists() else new_po(plan, language)
    return write_atomically(path, serialize(sync(plan, po)))


def read_translations(plan: ParsedPlan, root: Path, language: str = "en") -> dict[str, StoredTranslation]:
    """Block id -> what the store holds; blocks without an entry are untranslated."""
    path = po_path(root, language, plan.meta.id)
    entries = {entry.msgctxt: entry for entry in load_po(path) if not entry.obsolete} if path.exists() else {}
    result = {}
    for block in plan.blocks:
        entry = entries.get(block.id)
        if entry is None or not entry.msgstr.strip():
            result[block.id] = StoredTranslation("", "untranslated", "", "")
            continue
        stale = "fuzzy" in entry.flags or entry.msgid != block.display
        result[block.id] = StoredTranslation(
            text=entry.msgstr,
            status="fuzzy" if stale else "translated",
            note=entry.tcomment or "",
            previous_source=(entry.previous_msgid or entry.msgid) if stale else "",
        )
    return result


def obsolete_entries(plan_id: str, root: Path, language: str = "en") -> list[polib.POEntry]:
    path = po_path(root, language, plan_id)
    return [entry for entry in load_po(path) if entry.obsolete] if path.exists() else []
