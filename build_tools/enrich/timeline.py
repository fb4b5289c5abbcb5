"""The timeline and the quantitative targets of the edition, extracted from the blocks.

``extract_timeline(plans)`` gives one ``TimelineEntry`` per dated expression (see ``years.py``) and
two per plan from its metadata. Kinds, decided in this order:

- ``issued``: the plan's issue year (``meta.date``); tied to the notice/front/back block that
  prints the date when there is one, else to no block (``block_id == ""``).
- ``period``: the plan's own period (``meta.period``): from the metadata (tied to the title
  line that prints it, if any), and every mention in the text of exactly that period — ``2017—2020年``,
  the plan's own “十四五”时期, or the plan's own title in 《…》.
- ``reference``: another plan or period: a date inside 《…》 that is not the plan's own title,
  or a named five-year-plan period that lies before the issue year (“十二五”以来, “十三五”期间).
- ``fact``: a year or range ending before the issue year (2003年我省…, 截至2020年底…,
  2016年至今).
- ``target``: a year at or after the issue year in a sentence about reaching something (到, 力争,
  预计, 目标, 达到, 突破…) or in a target section (a heading such as 发展目标, 目标任务, 工作目标).
- any other mention at or after the issue year (a forecast, a future period named in passing)
  is a ``reference``.

Relative expressions are resolved: a five-year-plan name against its period (“十二五”末期 → 2015),
an open range (至今, 以来) up to the issue year, and plan-relative words (规划期末, 规划期内) against
``meta.period``; the expression as printed is kept in ``relative``. Years outside 2005–2035 are kept
and flagged ``outside_axis``.

A year just after 比/较 is the base of a comparison (比2015年末增加…): a ``reference``, not a ``fact``.
Targets are extracted by ``build_tools.enrich.targets``; given them, ``extract_timeline`` adds a
``target`` entry for each target whose paragraph does not print its year, so the timeline and the
targets table agree.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from build_tools.enrich.years import YearMention, find_years
from build_tools.model import AS_PRINTED, AXIS, Block, Edition, ParsedPlan, SimplifiedView, Target, TimelineEntry

# ---------------------------------------------------------------------------------- sentences

_SENTENCE_END = "。；;！？!?\n"
SNIPPET_REACH = 200
"""Characters a snippet reaches on each side of what it quotes: in a paragraph that is one endless sentence
(clauses joined by ，) every date still quotes a sentence of bounded size, not the whole paragraph.
Entries hold the snippet's offsets in the block (``Edition.snippet`` slices it), never its text."""


@lru_cache(maxsize=64)
def _terminators(text: str) -> tuple[int, ...]:
    """Offsets of the sentence terminators of ``text``, ascending (computed once per text)."""
    return tuple(offset for offset, char in enumerate(text) if char in _SENTENCE_END)


def sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    """The sentence around ``offset``: after the previous terminator, through the next one."""
    ends = _terminators(text)
    following = bisect_left(ends, offset)
    start = ends[following - 1] + 1 if following else 0
    end = ends[following] + 1 if following < len(ends) else len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def snippet_bounds(text: str, quoted: tuple[int, int]) -> tuple[int, int]:
    """The sentence around ``quoted`` (start, end offsets), at most SNIPPET_REACH characters either side."""
    start, end = sentence_bounds(text, quoted[0])
    return max(start, quoted[0] - SNIPPET_REACH), min(end, max(quoted[1], quoted[0]) + SNIPPET_REACH)


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    offset = 0
    while offset < len(text):
        start, end = sentence_bounds(text, offset)
        if end > start:
            yield start, end
        offset = max(end, offset + 1)


# ------------------------------------------------------------------------------------ context


def issue_year(plan: ParsedPlan) -> int:
    return int(plan.meta.date[:4])


# Words of a sentence that reaches for something; checked only for years at/after the issue year.
_TARGET_CUE = re.compile(
    r"到|力争|争取|预计|目标|达到|达|突破|超过|实现|形成|培育|建成|打造|提高|提升|增长|将|要|重点|扶持"
)
# Headings that open a target section; 指导思想/原则 stop the search upwards (发展目标 shares a chapter).
_TARGET_HEADING = re.compile(r"(发展|工作|主要|远景|总体|具体)目标|目标任务")
_NOT_TARGET_HEADING = re.compile(r"指导思想|原则|思路")
# Plan-relative words, resolved against meta.period.
_PLAN_RELATIVE = re.compile(r"(?:本)?(?:规划|计划)(?:实施)?期(?P<rel>末|内|间)")
_BOOK_TITLE = re.compile(r"《[^《》]*》")
_DATE_ZONES = ("notice", "front", "back")


def _ancestors(section: str) -> Iterator[str]:
    """Section ids from the nearest up: ``p/s2.3.1`` → ``p/s2.3.1``, ``p/s2.3``, ``p/s2``."""
    plan_id, _, path = section.partition("/")
    parts = path.split(".")
    for size in range(len(parts), 0, -1):
        yield f"{plan_id}/{'.'.join(parts[:size])}"


def _headings(plan: ParsedPlan) -> dict[str, Block]:
    return {block.id: block for block in plan.blocks if block.kind in ("heading", "box")}


def target_section(
    plan: ParsedPlan, block: Block, headings: Mapping[str, Block] | None = None, hans: SimplifiedView = AS_PRINTED
) -> Block | None:
    """The heading of the target section a block stands in, or ``None``.

    Walks up from the nearest heading; a guiding-principles heading ends the walk so the
    paragraphs under 指导思想 of a chapter 指导思想和发展目标 are not targets. ``headings`` (id → block)
    saves rebuilding the map for every block of a plan.
    """
    if headings is None:
        headings = _headings(plan)
    for section in _ancestors(block.section):
        heading = headings.get(section)
        if heading is None:
            continue
        if _TARGET_HEADING.search(hans.zh(heading)):
            return heading
        if _NOT_TARGET_HEADING.search(hans.zh(heading)):
            return None
    return None


# ---------------------------------------------------------------------------- classification


@dataclass(frozen=True)
class _Dated:
    """A mention with its span resolved (open ends closed at the issue year)."""

    mention: YearMention
    year: int
    end_year: int
    relative: str


def _resolve(mention: YearMention, issued: int) -> _Dated:
    open_end = mention.end_year is None
    end_year = max(mention.year, issued) if open_end else mention.end_year
    relative = mention.text if mention.form == "fyp" or open_end else ""
    return _Dated(mention, mention.year, end_year, relative)


def _plan_relative(text: str, plan: ParsedPlan) -> Iterator[_Dated]:
    """规划期末 → the period's last year; 规划期内/期间 → the whole period."""
    first, last = plan.meta.period
    for match in _PLAN_RELATIVE.finditer(text):
        year = last if match["rel"] == "末" else first
        mention = YearMention(match.group(), match.start(), match.end(), year, last, "plan", "")
        yield _Dated(mention, year, last, match.group())


@lru_cache(maxsize=64)
def _book_titles(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Starts and ends of the 《…》 titles of ``text`` (they do not nest: both ascend)."""
    spans = [match.span() for match in _BOOK_TITLE.finditer(text)]
    return tuple(start for start, _ in spans), tuple(end for _, end in spans)


def _in_book_title(text: str, mention: YearMention) -> bool:
    starts, ends = _book_titles(text)
    before = bisect_left(starts, mention.start) - 1  # the last title opening before the mention
    return before >= 0 and mention.end <= ends[before]


def _comparison_base(text: str, start: int) -> bool:
    """Whether 比/较/相比 (and spaces) stand just before ``start``: read backwards, not the whole prefix."""
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return text.endswith(("比", "较"), 0, start)


@lru_cache(maxsize=1024)
def _has_target_cue(text: str, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` has a target word (once per sentence, not per date in it)."""
    return _TARGET_CUE.search(text, start, end) is not None


def _is_own_period(dated: _Dated, plan: ParsedPlan) -> bool:
    whole = dated.mention.relation == ""
    return whole and (dated.year, dated.end_year) == tuple(plan.meta.period)


def _classify(
    dated: _Dated, block: Block, plan: ParsedPlan, in_target_section: bool, hans: SimplifiedView = AS_PRINTED
) -> str:
    """The kind of one mention in a block's text (see the module docstring for the order)."""
    mention, text = dated.mention, hans.zh(block)
    own = _is_own_period(dated, plan)
    issued = issue_year(plan)
    # A date line outside the body (落款 2017年9月29日) restates the issue date.
    if block.zone in _DATE_ZONES and (dated.year, dated.end_year) == (issued, issued):
        return "issued"
    if _in_book_title(text, mention):
        return "period" if own else "reference"
    if own:
        return "period"
    named_period = mention.form == "fyp"
    # 比2015年末增加…: the base of a comparison is a point of reference, not a fact the plan states.
    if _comparison_base(text, mention.start):
        return "reference"
    if dated.end_year < issued or (mention.relation == "since" and dated.year < issued):
        return "reference" if named_period else "fact"
    if in_target_section or _has_target_cue(text, *sentence_bounds(text, mention.start)):
        return "target"
    return "reference"


# ---------------------------------------------------------------------------------- timeline


def _plans_of(plans: Edition | Iterable[ParsedPlan]) -> tuple[ParsedPlan, ...]:
    items = plans.plans if isinstance(plans, Edition) else tuple(plans)
    return tuple(sorted(items, key=lambda plan: (plan.meta.date, plan.meta.id)))


def _dated_in(block: Block, plan: ParsedPlan, hans: SimplifiedView = AS_PRINTED) -> list[_Dated]:
    """The dated expressions of a block, found on its Simplified view (offsets hold in the printed text)."""
    issued = issue_year(plan)
    text = hans.zh(block)
    dated = [_resolve(mention, issued) for mention in find_years(text)]
    dated += _plan_relative(text, plan)
    return sorted(dated, key=lambda item: item.mention.start)


def _entry(
    plan: ParsedPlan, block: Block | None, dated: _Dated | None, kind: str, span: tuple[int, int]
) -> TimelineEntry:
    year, end_year = span
    outside = year < AXIS[0] or end_year > AXIS[1]
    if block is None or dated is None:
        return TimelineEntry(plan.meta.id, "", year, end_year, kind, 0, 0, "", -1, "", outside)
    # Found on the Simplified view, quoted from the print: the two are aligned character for character.
    mention = dated.mention
    start, end = snippet_bounds(block.zh, (mention.start, mention.end))
    printed = block.zh[mention.start : mention.end]
    relative = printed if dated.relative == mention.text else dated.relative
    return TimelineEntry(
        plan.meta.id, block.id, year, end_year, kind, start, end, printed, mention.start, relative, outside,
    )  # fmt: skip


def _metadata_anchor(
    plan: ParsedPlan, zones: tuple[str, ...], span: tuple[int, int], hans: SimplifiedView
) -> tuple[Block, _Dated] | None:
    """The first block in ``zones`` printing exactly ``span`` (a date line, a title's period)."""
    for block in plan.blocks:
        if block.zone in zones:
            for dated in _dated_in(block, plan, hans):
                if (dated.year, dated.end_year) == span and dated.mention.relation == "":
                    return block, dated
    return None


_Keyed = tuple[tuple[int, int, int], TimelineEntry]
"""An entry with its sort key: (plan position, block index or -1 for metadata, offset)."""


def _metadata_entries(plan: ParsedPlan, position: int, hans: SimplifiedView) -> list[_Keyed]:
    """The ``issued`` and ``period`` entries from meta.yml, each tied to the block that prints it if any."""
    issued = issue_year(plan)
    index = {block.id: number for number, block in enumerate(plan.blocks)}
    wanted = (("issued", (issued, issued), _DATE_ZONES), ("period", tuple(plan.meta.period), ("title",)))
    keyed = []
    for kind, span, zones in wanted:
        anchor = _metadata_anchor(plan, zones, span, hans)
        if anchor is None:
            keyed.append(((position, -1, 0), _entry(plan, None, None, kind, span)))
        else:
            block, dated = anchor
            keyed.append(((position, index[block.id], dated.mention.start), _entry(plan, block, dated, kind, span)))
    return keyed


def _text_entries(plan: ParsedPlan, position: int, claimed: set[tuple[int, int]], hans: SimplifiedView) -> list[_Keyed]:
    """One entry per dated expression in the blocks, except those the metadata entries already hold."""
    keyed, headings = [], _headings(plan)
    for number, block in enumerate(plan.blocks):
        in_target = target_section(plan, block, headings, hans) is not None
        for dated in _dated_in(block, plan, hans):
            key = (position, number, dated.mention.start)
            if key[1:] not in claimed:
                kind = _classify(dated, block, plan, in_target, hans)
                keyed.append((key, _entry(plan, block, dated, kind, (dated.year, dated.end_year))))
    return keyed


def _plan_entries(plan: ParsedPlan, position: int, hans: SimplifiedView) -> list[_Keyed]:
    from_meta = _metadata_entries(plan, position, hans)
    claimed = {key[1:] for key, _ in from_meta}
    return from_meta + _text_entries(plan, position, claimed, hans)


def _target_entries(
    plan: ParsedPlan, position: int, targets: Iterable[Target], stated: set[tuple[str, int, int]]
) -> list[_Keyed]:
    """A ``target`` entry for each target whose year its paragraph does not print (每年, the section's
    year, the plan's end): the timeline and the targets table tell the same years."""
    index = {block.id: number for number, block in enumerate(plan.blocks)}
    keyed, seen = [], set(stated)
    for target in targets:
        span = (target.block_id, target.year, target.end_year)
        if target.plan_id != plan.meta.id or span in seen:
            continue
        seen.add(span)
        outside = target.year < AXIS[0] or target.end_year > AXIS[1]
        relative = "每年" if target.per_year else ""
        entry = TimelineEntry(
            plan.meta.id, target.block_id, target.year, target.end_year, "target", target.snippet_start,
            target.snippet_end, "", -1, relative, outside,
        )  # fmt: skip
        keyed.append(((position, index[target.block_id], -1), entry))
    return keyed


def extract_timeline(
    plans: Edition | Iterable[ParsedPlan], targets: Iterable[Target] = (), hans: SimplifiedView = AS_PRINTED
) -> tuple[TimelineEntry, ...]:
    """Every timeline entry of the plans, ordered by plan (issue date, id), block order, offset.

    With ``targets``, every target whose paragraph has no ``target`` entry of its span gets one
    (``text`` empty, ``start`` -1): no target paragraph is missing from the timeline.
    """
    targets = tuple(targets)
    keyed = []
    for position, plan in enumerate(_plans_of(plans)):
        entries = _plan_entries(plan, position, hans)
        stated = {(e.block_id, e.year, e.end_year) for _, e in entries if e.kind == "target"}
        keyed += entries + _target_entries(plan, position, targets, stated)
    return tuple(entry for _, entry in sorted(keyed, key=lambda item: item[0]))
