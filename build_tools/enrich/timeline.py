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

``extract_targets(plans)`` finds quantities (a number, or a blank ``**``, with a unit: 亿元, %, 万人,
家…) in target sentences and target sections; see ``_quantity_targets`` for the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from build_tools.enrich.years import YearMention, find_years
from build_tools.model import Block, Edition, ParsedPlan

AXIS = (2005, 2035)
"""The years the timeline axis shows; entries outside are kept and flagged."""

KINDS = ("issued", "period", "target", "fact", "reference")


@dataclass(frozen=True)
class TimelineEntry:
    """One dated point or span of a plan, tied to the block that states it."""

    plan_id: str
    block_id: str
    """The block that states the date, ``""`` when the entry comes from the metadata alone."""
    year: int
    end_year: int
    """Last year of the span; equal to ``year`` for a single year."""
    kind: str
    """One of KINDS."""
    snippet: str
    """The sentence of the block containing the expression, exactly as printed (``""`` from metadata)."""
    text: str
    """The dated expression as printed (``2017—2020年``, ``“十二五”末期``), ``""`` from metadata."""
    start: int
    """Offset of ``text`` in the block's ``zh``; -1 from metadata."""
    relative: str
    """The relative expression that was resolved (``“十二五”末期``, ``2016年至今``, ``规划期末``), or ``""``."""
    outside_axis: bool
    """Whether the span reaches outside AXIS (kept, the page decides how to show it)."""


@dataclass(frozen=True)
class Target:
    """One quantitative target: what is measured, how much, by when."""

    plan_id: str
    block_id: str
    year: int
    metric: str
    """The Chinese words for what is measured, taken from the sentence (``机械工业总产值``)."""
    value: float | None
    """The number, ``None`` when the source leaves it blank (``**亿元``)."""
    unit: str
    """The unit as written: ``亿元``, ``万亿元``, ``%``, ``万人``, ``家``…"""
    text: str
    """The quantity as printed, e.g. ``2万亿元``, ``6%以上``, ``**亿元``."""
    qualifier: str
    """``以上``, ``左右``, ``以内`` or ``""``, as printed after the quantity."""
    value_high: float | None
    """Upper bound when the quantity is a range (``2—3家``), else ``None``."""
    year_source: str
    """Where ``year`` comes from: ``stated`` (the sentence), ``block`` (an earlier sentence of the block),
    ``section`` (the target heading, 2025 年发展目标) or ``period-end`` (the plan's last year)."""
    snippet: str
    """The sentence containing the quantity, exactly as printed."""


# ---------------------------------------------------------------------------------- sentences

_SENTENCE_END = "。；;！？!?\n"


def sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    """The sentence around ``offset``: after the previous terminator, through the next one."""
    start = max(text.rfind(char, 0, offset) for char in _SENTENCE_END) + 1
    ends = [pos for pos in (text.find(char, offset) for char in _SENTENCE_END) if pos != -1]
    end = min(ends) + 1 if ends else len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


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


def target_section(plan: ParsedPlan, block: Block, headings: Mapping[str, Block] | None = None) -> Block | None:
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
        if _TARGET_HEADING.search(heading.zh):
            return heading
        if _NOT_TARGET_HEADING.search(heading.zh):
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


def _in_book_title(text: str, mention: YearMention) -> bool:
    return any(m.start() < mention.start and mention.end <= m.end() for m in _BOOK_TITLE.finditer(text))


def _is_own_period(dated: _Dated, plan: ParsedPlan) -> bool:
    whole = dated.mention.relation == ""
    return whole and (dated.year, dated.end_year) == tuple(plan.meta.period)


def _classify(dated: _Dated, block: Block, plan: ParsedPlan, in_target_section: bool) -> str:
    """The kind of one mention in a block's text (see the module docstring for the order)."""
    mention, text = dated.mention, block.zh
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
    if dated.end_year < issued or (mention.relation == "since" and dated.year < issued):
        return "reference" if named_period else "fact"
    start, end = sentence_bounds(text, mention.start)
    if in_target_section or _TARGET_CUE.search(text[start:end]):
        return "target"
    return "reference"


# ---------------------------------------------------------------------------------- timeline


def _plans_of(plans: Edition | Iterable[ParsedPlan]) -> tuple[ParsedPlan, ...]:
    items = plans.plans if isinstance(plans, Edition) else tuple(plans)
    return tuple(sorted(items, key=lambda plan: (plan.meta.date, plan.meta.id)))


def _dated_in(block: Block, plan: ParsedPlan) -> list[_Dated]:
    issued = issue_year(plan)
    dated = [_resolve(mention, issued) for mention in find_years(block.zh)]
    dated += _plan_relative(block.zh, plan)
    return sorted(dated, key=lambda item: item.mention.start)


def _entry(
    plan: ParsedPlan, block: Block | None, dated: _Dated | None, kind: str, span: tuple[int, int]
) -> TimelineEntry:
    year, end_year = span
    outside = year < AXIS[0] or end_year > AXIS[1]
    if block is None or dated is None:
        return TimelineEntry(plan.meta.id, "", year, end_year, kind, "", "", -1, "", outside)
    start, end = sentence_bounds(block.zh, dated.mention.start)
    return TimelineEntry(
        plan.meta.id, block.id, year, end_year, kind, block.zh[start:end], dated.mention.text,
        dated.mention.start, dated.relative, outside,
    )  # fmt: skip


def _metadata_anchor(plan: ParsedPlan, zones: tuple[str, ...], span: tuple[int, int]) -> tuple[Block, _Dated] | None:
    """The first block in ``zones`` printing exactly ``span`` (a date line, a title's period)."""
    for block in plan.blocks:
        if block.zone in zones:
            for dated in _dated_in(block, plan):
                if (dated.year, dated.end_year) == span and dated.mention.relation == "":
                    return block, dated
    return None


_Keyed = tuple[tuple[int, int, int], TimelineEntry]
"""An entry with its sort key: (plan position, block index or -1 for metadata, offset)."""


def _metadata_entries(plan: ParsedPlan, position: int) -> list[_Keyed]:
    """The ``issued`` and ``period`` entries from meta.yml, each tied to the block that prints it if any."""
    issued = issue_year(plan)
    index = {block.id: number for number, block in enumerate(plan.blocks)}
    wanted = (("issued", (issued, issued), _DATE_ZONES), ("period", tuple(plan.meta.period), ("title",)))
    keyed = []
    for kind, span, zones in wanted:
        anchor = _metadata_anchor(plan, zones, span)
        if anchor is None:
            keyed.append(((position, -1, 0), _entry(plan, None, None, kind, span)))
        else:
            block, dated = anchor
            keyed.append(((position, index[block.id], dated.mention.start), _entry(plan, block, dated, kind, span)))
    return keyed


def _text_entries(plan: ParsedPlan, position: int, claimed: set[tuple[int, int]]) -> list[_Keyed]:
    """One entry per dated expression in the blocks, except those the metadata entries already hold."""
    keyed, headings = [], _headings(plan)
    for number, block in enumerate(plan.blocks):
        in_target = target_section(plan, block, headings) is not None
        for dated in _dated_in(block, plan):
            key = (position, number, dated.mention.start)
            if key[1:] not in claimed:
                kind = _classify(dated, block, plan, in_target)
                keyed.append((key, _entry(plan, block, dated, kind, (dated.year, dated.end_year))))
    return keyed


def _plan_entries(plan: ParsedPlan, position: int) -> list[_Keyed]:
    from_meta = _metadata_entries(plan, position)
    claimed = {key[1:] for key, _ in from_meta}
    return from_meta + _text_entries(plan, position, claimed)


def extract_timeline(plans: Edition | Iterable[ParsedPlan]) -> tuple[TimelineEntry, ...]:
    """Every timeline entry of the plans, ordered by plan (issue date, id), block order, offset."""
    keyed = [item for position, plan in enumerate(_plans_of(plans)) for item in _plan_entries(plan, position)]
    return tuple(entry for _, entry in sorted(keyed, key=lambda item: item[0]))


# ----------------------------------------------------------------------------------- targets

_QUANTITY = re.compile(
    r"(?<![\d.])(?P<value>\d+(?:\.\d+)?|\*{1,4})(?:\s*[—\-－～~至]\s*(?P<high>\d+(?:\.\d+)?))?\s*"
    r"(?P<unit>万亿元|亿美元|亿元|万元|万人|万台|万辆|万吨|万千瓦|个百分点|%|％|家|项|个|台|套|名|倍)"
    r"(?P<qualifier>以上|左右|以内|以下)?"
)
_COUNT_UNITS = ("家", "项", "个", "台", "套", "名")
_CLAUSE_SEP = "，,；;：:。"
# Words that introduce the counted thing after a count (培育8家…企业, 汽车等 10个…领域, …和 10个园区).
_COUNT_INTRO = re.compile(
    r"(培育|形成|建成|打造|争创|推出|承担|推动|建设|引进|拥有|新增|扶持|建立|实施|等|和|及|与)\s*$"
)
_LEADING_VERB = re.compile(r"^(培育|形成|建成|打造|争创|推出|承担|推动|建设|引进|新增|扶持|建立)")
_TRAILING_VERB = re.compile(
    r"(达到了|达到|达|突破|超过|增至|提高到|提高至|保持在|保持|为|约|近|争取|力争|和|及|与)\s*$"
)
_LEADING_FILLER = re.compile(r"^[\s，,、到至在于]*(?:其中|我省|全省|我国|全国|全行业)?")


@dataclass(frozen=True)
class _Quantity:
    match: re.Match[str]
    start: int
    end: int


def _clause_bounds(text: str, start: int, end: int, offset: int) -> tuple[int, int]:
    """The clause (between commas, semicolons, colons) of the sentence ``text[start:end]`` at ``offset``."""
    left = max([start] + [pos + 1 for pos in range(start, offset) if text[pos] in _CLAUSE_SEP])
    right = next((pos for pos in range(offset, end) if text[pos] in _CLAUSE_SEP), end)
    return left, right


def _strip_trailing_verbs(words: str) -> str:
    previous = None
    while previous != words:
        previous, words = words, _TRAILING_VERB.sub("", words).strip()
    return words


def _metric_before(text: str) -> str:
    """Words before a quantity: fillers and time words off the front, the verb off the end.

    ``我省机械工业总产值达到`` → ``机械工业总产值``; ``全省…实现销售收入`` → ``销售收入``;
    ``年均增长`` stays (growth is the measure).
    """
    words = _LEADING_VERB.sub("", _LEADING_FILLER.sub("", text))
    for verb in ("实现", "完成"):
        _, found, tail = words.rpartition(verb)
        # Keep what follows 实现 (the measure), unless only a verb follows (…实现达到).
        if found and _strip_trailing_verbs(tail.strip()):
            words = tail
    return _strip_trailing_verbs(words).strip(" 、")


def _metric_after(text: str) -> str:
    """Words after a quantity written first: ``70%的核心基础零部件…实现自主保障`` → what follows 的."""
    return _strip_trailing_verbs(text.removeprefix("的").strip(" 、"))


def _metric(text: str, quantity: _Quantity, window: tuple[int, int]) -> str:
    """What a quantity measures, from its clause ``text[window[0]:window[1]]``."""
    raw_before = text[window[0] : quantity.start]
    before = _metric_before(raw_before)
    after = text[quantity.end : window[1]].strip()
    counted = quantity.match["unit"] in _COUNT_UNITS and _COUNT_INTRO.search(raw_before)
    if after.startswith("的") or not before or counted:
        return _metric_after(after) or before
    return before


def _number(value: str | None) -> float | None:
    return float(value) if value and not value.startswith("*") else None


def _quantities(text: str, start: int, end: int, dated: list[_Dated]) -> list[_Quantity]:
    """Quantities in ``text[start:end]`` that are not part of a dated expression."""
    taken = [(item.mention.start, item.mention.end) for item in dated]
    found = []
    for match in _QUANTITY.finditer(text, start, end):
        if not any(a < match.end() and match.start() < b for a, b in taken):
            found.append(_Quantity(match, match.start(), match.end()))
    return found


def _target_year(quantity: _Quantity, years: list[_Dated], fallback: tuple[int, str]) -> tuple[int, str]:
    """The year a quantity is aimed at: the nearest target year before it in its sentence, else the
    first one after it, else the fallback (an earlier sentence of the block, the heading, the plan's end)."""
    before = [item for item in years if item.mention.start < quantity.start]
    if years:
        return (before[-1] if before else years[0]).end_year, "stated"
    return fallback


def _section_fallback(plan: ParsedPlan, section: Block | None) -> tuple[int, str]:
    """Year of a quantity with no year in its block: the target heading's year, else the plan's last year."""
    heading_year = _heading_year(plan, section)
    if heading_year is not None:
        return heading_year, "section"
    return plan.meta.period[1], "period-end"


def _quantity_targets(plan: ParsedPlan, block: Block, section: Block | None) -> Iterator[Target]:
    """Targets of one block.

    A sentence qualifies when it names a ``target`` year, or when the block stands in a target
    section (or starts with 目标, as 目标任务: …) and the sentence states no past fact. In it, each
    quantity not part of a date becomes a Target. The metric is taken from the words before the
    quantity in its clause (fillers, a leading verb, 实现/完成 and the final verb removed), or from the
    words after it when the quantity comes first (``70%的…``) or counts something introduced by a verb
    (``培育8家左右…企业``). A sentence without a year takes the last target year of an earlier sentence
    of the block (``2005年，…;…形成1家…``).
    """
    text = block.zh
    in_target = section is not None or text.lstrip().startswith("目标")
    fallback = _section_fallback(plan, section)
    all_dated = _dated_in(block, plan)
    for start, end in _sentences(text):
        dated = [item for item in all_dated if start <= item.mention.start < end]
        kinds = [_classify(item, block, plan, in_target) for item in dated]
        years = [item for item, kind in zip(dated, kinds, strict=True) if kind in ("target", "period")]
        if ("target" in kinds) or (in_target and "fact" not in kinds):
            yield from _sentence_targets(plan, block, (start, end), dated, years, fallback)
        if "target" in kinds:
            fallback = (years[-1].end_year, "block")


def _sentence_targets(
    plan: ParsedPlan,
    block: Block,
    sentence: tuple[int, int],
    dated: list[_Dated],
    years: list[_Dated],
    fallback: tuple[int, str],
) -> Iterator[Target]:
    text, (start, end) = block.zh, sentence
    quantities = _quantities(text, start, end, dated)
    for number, quantity in enumerate(quantities):
        left, right = _clause_bounds(text, start, end, quantity.start)
        # Two quantities in one clause: each one's words start after the previous one.
        if number and quantities[number - 1].end > left:
            left = quantities[number - 1].end
        if number + 1 < len(quantities):
            right = min(right, quantities[number + 1].start)
        year, source = _target_year(quantity, years, fallback)
        match = quantity.match
        yield Target(
            plan_id=plan.meta.id,
            block_id=block.id,
            year=year,
            metric=_metric(text, quantity, (_after_dates(left, dated, quantity.start), right)),
            value=_number(match["value"]),
            unit=match["unit"],
            text=match.group(),
            qualifier=match["qualifier"] or "",
            value_high=_number(match["high"]),
            year_source=source,
            snippet=text[start:end],
        )


def _after_dates(left: int, dated: list[_Dated], limit: int) -> int:
    """Move a clause start past any dated expression before ``limit`` (到2020年, “十二五”末期)."""
    ends = [item.mention.end for item in dated if left <= item.mention.start and item.mention.end <= limit]
    return max([left] + ends)


def _heading_year(plan: ParsedPlan, heading: Block | None) -> int | None:
    """The year a target heading names (``2025 年发展目标``), or ``None``."""
    if heading is None:
        return None
    dated = _dated_in(heading, plan)
    return dated[0].end_year if dated else None


def extract_targets(plans: Edition | Iterable[ParsedPlan]) -> tuple[Target, ...]:
    """Quantitative targets of the plans, ordered by plan (issue date, id), block order, offset."""
    found: list[Target] = []
    for plan in _plans_of(plans):
        headings = _headings(plan)
        for block in plan.blocks:
            if block.zone == "body" and block.kind in ("paragraph", "list_item"):
                found.extend(_quantity_targets(plan, block, target_section(plan, block, headings)))
    return tuple(found)


def entries_for(entries: Sequence[TimelineEntry], plan_id: str) -> tuple[TimelineEntry, ...]:
    """The entries of one plan, in order (a convenience for the pages)."""
    return tuple(entry for entry in entries if entry.plan_id == plan_id)
