"""The translation store: one gettext PO file per plan and language, ``translations/<lang>/<plan-id>.po``.

One entry per block: msgctxt = block id, msgid = the Chinese block as printed (label + text),
msgstr = the translation. Update rules (``sync``): translations follow their text.
- text first: an entry whose Chinese equals a block's text goes to that block, whatever its id
  became, and keeps its English and its status (a deleted paragraph does not hand its English to
  the next one; a restored paragraph gets its own back, not fuzzy);
- a block whose text is the ``#| msgid`` a fuzzy entry was translated from (an edit reverted)
  takes that entry back, no longer fuzzy;
- then by id: a block whose text changed keeps its translation, marked fuzzy, the text it was
  translated from kept as ``#| msgid``; when the old and new text share almost nothing, the most
  similar unclaimed entry is taken instead (a paragraph deleted next to an edited one);
- a new block gets an empty entry; an entry no block takes is kept as obsolete (``#~``), never
  deleted, and comes back when its text does;
- running it twice changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher
from pathlib import Path

import polib

from build_tools.core.errors import InputError
from build_tools.core.write import write_if_changed
from build_tools.model import Block, ParsedPlan, StoredTranslation
from build_tools.sources.normalize import INVISIBLE
from build_tools.translation.checks import missing_numbers

LANGUAGE_NAMES = {"en": "English"}


def po_path(root: Path, language: str, plan_id: str) -> Path:
    return root / language / f"{plan_id}.po"


KEYWORD = re.compile(r"^(?:#~\s*)?(?:#\|\s*)?(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)?\s*(\".*)$")
QUOTED = re.compile(r'^"(?:[^"\\]|\\.)*"\s*$')
ONE_LINE_KINDS = ("title", "heading", "box")
# Below this similarity (difflib ratio) an edited block's old entry is not its translation any more.
SIMILAR = 0.5


def _check_strings(path: Path, text: str) -> None:
    """Every quoted PO string is closed on its line: polib would silently drop a character."""
    for number, line in enumerate(text.splitlines(), 1):
        match = KEYWORD.match(line.strip())
        if match and not QUOTED.match(match.group(2)):
            raise InputError(path, "malformed PO file: unterminated or badly quoted string", number)


def load_po(path: Path) -> polib.POFile:
    """Read a PO file, or raise InputError naming the file and line of what is wrong."""
    try:
        raw = path.read_bytes()
        if not raw.strip():
            raise InputError(path, "the PO file is empty: restore it from version control or delete it")
        _check_strings(path, raw.decode("utf-8"))
        po = polib.pofile(raw.decode("utf-8"), encoding="utf-8", wrapwidth=78)
    except (OSError, ValueError, UnicodeDecodeError) as error:
        message = str(error)
        line = None
        if "line" in message:
            digits = "".join(ch if ch.isdigit() else " " for ch in message.split("line", 1)[1]).split()
            line = int(digits[0]) if digits else None
        raise InputError(path, f"malformed PO file: {message}", line) from error
    seen: set[tuple[str | None, str | None]] = set()
    for entry in po:
        if not entry.msgctxt:
            raise InputError(path, "entry without msgctxt: every entry names its block id in msgctxt", entry.linenum)
        if entry.msgstr_plural and not entry.msgid_plural:
            raise InputError(path, "msgstr[0] on an entry without msgid_plural: write msgstr", entry.linenum)
        if entry.msgid_plural:
            # Refused, not read: polib keeps the English in msgstr[n], and `update` would write msgstr "".
            message = "plural forms (msgid_plural, msgstr[n]) are not used here: write one msgid and one msgstr"
            raise InputError(path, message, entry.linenum)
        # An active entry per block; obsolete ones may repeat an id with another text.
        key = (entry.msgctxt, entry.msgid if entry.obsolete else None)
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
    result = polib.POFile(wrapwidth=78)
    result.metadata = dict(po.metadata)
    result.header = po.header
    entries = [entry for entry in po if not entry.obsolete] + [entry for entry in po if entry.obsolete]
    claimed = _align(plan.blocks, entries)
    taken = {id(entry) for entry in claimed.values()}
    for block in plan.blocks:
        old = claimed.get(block.id)
        entry = _copy(old) if old is not None else polib.POEntry(msgctxt=block.id, msgid=block.display, msgstr="")
        _follow(entry, block)
        entry.occurrences = [(f"source_texts/{plan.meta.id}/source.txt", str(block.line))]
        result.append(entry)
    left = [entry for entry in entries if id(entry) not in taken]
    seen: set[tuple[str, str]] = set()
    # Translated copies first: of two copies of one text, the one dropped never holds the only English.
    for entry in sorted(left, key=lambda e: (e.msgctxt or "", e.msgid, not e.msgstr)):
        if (entry.msgctxt, entry.msgid) in seen:  # one obsolete copy of a text per id is enough
            continue
        seen.add((entry.msgctxt, entry.msgid))
        kept = _copy(entry)
        kept.obsolete = True
        kept.occurrences = []
        result.append(kept)
    return result


def _align(blocks: Iterable[Block], entries: list[polib.POEntry]) -> dict[str, polib.POEntry]:
    """Block id -> the old entry that holds its translation: by text, then reverted text, then id, then likeness."""
    aligner = _Aligner(entries)
    pending = list(blocks)
    for index in (aligner.by_text, aligner.by_previous):
        pending = aligner.by_key(pending, index)
    pending = aligner.by_same_id(pending)
    aligner.by_likeness(pending, [entry for entry in entries if entry.msgstr])
    return aligner.claimed


class _Aligner:
    """Old PO entries claimed by blocks, pass after pass; an entry is claimed once."""

    def __init__(self, entries: list[polib.POEntry]) -> None:
        self.claimed: dict[str, polib.POEntry] = {}
        self.taken: set[int] = set()
        self.by_text: dict[str, list[polib.POEntry]] = {}
        self.by_previous: dict[str, list[polib.POEntry]] = {}
        self.by_id: dict[str, list[polib.POEntry]] = {}
        for entry in entries:
            self.by_text.setdefault(entry.msgid, []).append(entry)
            if entry.previous_msgid:
                self.by_previous.setdefault(entry.previous_msgid, []).append(entry)
            self.by_id.setdefault(entry.msgctxt, []).append(entry)

    def claim(self, block: Block, entry: polib.POEntry) -> None:
        self.claimed[block.id] = entry
        self.taken.add(id(entry))

    def free(self, candidates: Iterable[polib.POEntry]) -> list[polib.POEntry]:
        return [entry for entry in candidates if id(entry) not in self.taken]

    def unclaimed(self, blocks: list[Block]) -> list[Block]:
        return [block for block in blocks if block.id not in self.claimed]

    def by_key(self, pending: list[Block], index: dict[str, list[polib.POEntry]]) -> list[Block]:
        """Entries whose text (or reverted text) is the block's: those that kept their id first (for every
        block), then the others in file order, so repeated texts pair up in order; active before obsolete."""
        for same_id in (True, False):
            for block in pending:
                candidates = self.free(index.get(block.display, ()))
                candidates = [entry for entry in candidates if entry.msgctxt == block.id or not same_id]
                if candidates:
                    self.claim(block, candidates[0])
            pending = self.unclaimed(pending)
        return pending

    def by_same_id(self, pending: list[Block]) -> list[Block]:
        """An entry of the block's id whose text is still like the block's (an edited paragraph)."""
        for block in pending:
            candidates = self.free(self.by_id.get(block.id, ()))
            candidates = [entry for entry in candidates if _likeness(entry.msgid, block.display) >= SIMILAR]
            if candidates:
                self.claim(block, candidates[0])
        return self.unclaimed(pending)

    def by_likeness(self, pending: list[Block], translated: list[polib.POEntry]) -> None:
        """An edit next to a deletion: the edited block's id now names its deleted neighbour. The most alike
        pairs first, bounded: a rewritten plan gets new entries."""
        rest = self.free(translated)
        if not pending or not rest or len(pending) * len(rest) > 2_000:
            return
        pairs = sorted(
            (-_likeness(entry.msgid, block.display), position, index)
            for position, block in enumerate(pending)
            for index, entry in enumerate(rest)
        )
        for score, position, index in pairs:
            block, entry = pending[position], rest[index]
            if -score < SIMILAR:
                break
            if block.id not in self.claimed and id(entry) not in self.taken:
                self.claim(block, entry)


def _likeness(old: str, new: str) -> float:
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    # The cheap upper bounds first: ratio() is quadratic in the length of a paragraph.
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio()


def _follow(entry: polib.POEntry, block: Block) -> None:
    """Point an entry at its block; a translation made from other text is marked fuzzy."""
    entry.obsolete = False
    entry.msgctxt = block.id
    if entry.msgid == block.display:
        return
    if entry.previous_msgid == block.display:  # the edit was reverted: the English fits again
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        entry.previous_msgid = None
    elif entry.msgstr:
        entry.previous_msgid = entry.previous_msgid or entry.msgid
        if "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
    entry.msgid = block.display


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
    return write_if_changed(path, serialize(sync(plan, po)), durable=True)


def read_translations(
    plan: ParsedPlan, root: Path, language: str = "en", warnings: list[str] | None = None
) -> dict[str, StoredTranslation]:
    """Block id -> what the store holds; blocks without an entry are untranslated.

    Entries no block takes are reported in ``warnings`` (file and line): their English is not shown.
    """
    path = po_path(root, language, plan.meta.id)
    entries = {entry.msgctxt: entry for entry in load_po(path) if not entry.obsolete} if path.exists() else {}
    kinds = {block.id: block.kind for block in plan.blocks}
    for block_id, entry in entries.items():
        if block_id not in kinds and warnings is not None:
            warnings.append(
                f"{path}:{entry.linenum}: entry for unknown block {block_id!r}: its English is not shown "
                "(a mistyped msgctxt, or run `translations update`)"
            )
    return {block.id: _stored(path, block, entries.get(block.id), warnings) for block in plan.blocks}


def _stored(path: Path, block: Block, entry: polib.POEntry | None, warnings: list[str] | None) -> StoredTranslation:
    """One block's translation as the site shows it: fuzzy when its source changed or its figures differ."""
    if entry is None or not entry.msgstr.strip():
        return StoredTranslation("", "untranslated", "", "")
    if block.kind in ONE_LINE_KINDS and "\n" in entry.msgstr.strip():
        raise InputError(
            path, f"the English of {block.kind} {block.id!r} has a line break: write it on one line", entry.linenum
        )
    english, hidden = INVISIBLE.subn("", entry.msgstr)
    if hidden and warnings is not None:
        warnings.append(f"{path}:{entry.linenum}: {hidden} invisible or bidi control character(s) removed")
    stale = "fuzzy" in entry.flags or entry.msgid != block.display
    # A translation that drops or changes a figure of the Chinese (a date, a target) is not finished,
    # whatever its flags say: shown as needing review, as gettext's msgfmt --check would refuse it.
    missing = [] if stale else missing_numbers(block.display, english)
    if missing and warnings is not None:
        warnings.append(
            f"{path}:{entry.linenum}: the English of {block.id!r} does not give the figure(s) "
            f"{', '.join(missing)} of the Chinese: shown as needing review"
        )
    return StoredTranslation(
        text=english,
        status="fuzzy" if stale or missing else "translated",
        note=entry.tcomment or "",
        previous_source=(entry.previous_msgid or entry.msgid) if stale else "",
    )
