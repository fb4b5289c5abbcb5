"""Quantitative targets of the plans: what is measured, how much, by when, in both languages.

``extract_targets(plans, taxonomy, english)`` reads every body paragraph and list item.

Which sentences: one naming a ``target`` year (see ``timeline``); any sentence of a target section
(发展目标, 目标任务, a paragraph opening with 目标任务) that states no past fact; and, outside those,
a sentence of a paragraph with no past date that commits to a figure (每年…, 力争…, 争创…, 创建…).

Which figures: a number (or a blank ``**``) with a unit (亿元, %, 万人, 家, 个, 台…); a gap in years
(差距缩短到5年); a comparison without a figure (增速高于制造业增速). Not targets: the scope of a
programme (在…10个重点领域和10个园区, a count after 在 naming places) and a selection (选择50家…).

Each figure gets:

- ``year``/``end_year``: the nearest target year before it in its sentence (else the first after it),
  else an earlier sentence's, else the target heading's (2025 年发展目标), else the plan's last year;
  a five-year-plan part keeps its span (“十一五”中后期 → 2008–2010). A recurring figure (每年…, and a
  figure listed right after one with no verb of its own) spans 连续N年 from the plan's first year, or
  the plan's years, with ``per_year``.
- ``subject``: the words of its clause before it (fillers 我省/全省/其中, 力争/每年/滚动, the verb and
  实现 taken out) and, for a count or a figure written first (70%的…), the words after it. An empty or
  bare growth subject (年均增长) takes the subject of the target before it in the sentence; a bare
  measure (工业增加值) takes that target's sector (规模以上装备制造业…); a paragraph opening with 目标任务
  under a sector heading (1.电力装备。) takes the heading as its sector.
- ``qualifier``: 以上/左右/以内/以下 after the figure, else 突破/超过/不低于/不少于/近/约 before it.
- ``kind``: ``gap`` (年 of a 差距), ``comparative`` (高于…), ``growth`` (a % of 增长/增速), ``share``
  (any other %), ``count`` (家, 个, 项, 台, 套, 名, 万台…), ``level`` (亿元, 万人…).
- ``topics``: the topic tagger run over the subject alone.
- English (``subject_en``, ``qualifier_en``, ``compared_to_en``) from translations/en/targets.yml.
"""

from __future__ import annotations

import bisect
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate

from build_tools.enrich.timeline import (
    _classify,
    _Dated,
    _dated_in,
    _headings,
    _plans_of,
    _sentences,
    issue_year,
    snippet_bounds,
    target_section,
)
from build_tools.enrich.topics import tag_block, topics_of
from build_tools.model import AS_PRINTED, Block, Edition, ParsedPlan, SimplifiedView, Target, TargetEnglish, Taxonomy

_QUANTITY = re.compile(
    r"(?<![\d.])(?P<value>\d+(?:\.\d+)?|\*{1,4})(?:\s*[—\-－～~至]\s*(?P<high>\d+(?:\.\d+)?))?\s*"
    r"(?P<unit>万亿元|亿美元|亿元|万元|万人|万台|万辆|万吨|万千瓦|个百分点|%|％|家|项|个|台|套|名|倍)"
    r"(?P<qualifier>以上|左右|以内|以下)?"
)
# The gap and comparison patterns are found by their fixed words (差距缩短到…年, 增速高于…), then the
# subject is read back to the clause's start: a pattern that begins with a free run of characters is
# tried from every position of a clause and costs the square of its length (100,000 digits: minutes).
_GAP = re.compile(r"差距(?:缩短|缩小)(?:到|至|为)\s*(?P<value>\d+)(?:\s*[～~—\-至]\s*(?P<high>\d+))?\s*(?P<unit>年)")
_GAP_CLAUSE = re.compile(r"[^，,；;。]+")
_COMPARED = re.compile(r"(?:增速|增长率|增幅)(?P<qualifier>高于|快于)")
_COMPARED_BASE = re.compile(r"[^，,；;。]*?(?:增速|增长率|增幅|水平)")
_SUBJECT_SEP = re.compile(r"[，,；;。:：]")
# Past this a figure is no quantity a plan sets (and past 1e308 a float is infinite): it is kept as printed.
_LARGEST = 1e15
_COUNT_UNITS = ("家", "项", "个", "台", "套", "名", "万台", "万辆")
_CLAUSE_SEP = "，,；;：:。"
_PRE_QUALIFIER = re.compile(r"(突破|超过|不低于|不少于|高于|近|约)\s*$")
_LEADING = re.compile(r"^(?:[\s，,、到至于]|其中|我省|全省|我国|全国|力争|争取|连续\s*\S{1,2}\s*年|每年|滚动|在)+")
_LEADING_VERB = re.compile(r"^(培育|形成|建成|打造|争创|创建|推出|承担|推动|建设|引进|新增|扶持|建立|实施)")
_TRAILING_VERB = re.compile(
    r"(达到了|达到|达|突破|超过|增至|提高到|提高至|保持在|保持|为|约|近|不低于|不少于|争取|力争|"
    r"培育|形成|建成|打造|争创|创建|推出|承担|推动|建设|引进|新增|扶持|建立|和|及|与)\s*$"
)
_GROWTH = re.compile(r"(年均)?(增长|增速)$")
_MEASURES = ("工业增加值", "主营业务收入", "销售收入", "营业收入", "总产值", "利润", "出口交货值")
# 每年 makes a figure recur; 连续4年 says for how many years.
_RECURRING = re.compile(r"每年")
_YEARS_RUNNING = re.compile(r"连续\s*(?P<n>\d+|[一二三四五六七八九十])\s*年")
_COMMITMENT = re.compile(r"每年\s*(?:滚动)?\s*(?:推出|培育|争创|创建|承担|新增)|力争|争创|创建")
_SELECTION = re.compile(r"(选|选择|遴选)\s*$")
_SCOPE_NOUN = re.compile(r"领域|园区|地区")
_HEAD_NOUN = re.compile(r"^\S*?企业")
_SPACES = re.compile(r"\s+")
_CN_NUMBERS = "一二三四五六七八九十"


@dataclass(frozen=True)
class _Found:
    """A figure found in a sentence, before its subject is completed."""

    start: int
    end: int
    text: str
    value: float | None
    value_high: float | None
    unit: str
    qualifier: str
    kind: str
    metric: str
    subject: str
    compared_to: str
    per_year: bool


def _number(value: str | None) -> float | None:
    """The figure's value; None for a masked one (``***``) or one too long to be a number (shown as printed)."""
    number = float(value) if value and not value.startswith("*") else None
    return number if number is not None and number < _LARGEST else None


def _tidy(words: str) -> str:
    """Spaces out (the sources put them inside words: “设备换芯 ”), separators off the ends."""
    return _SPACES.sub("", words).strip("、，,：: ")


def _strip_verbs(words: str) -> str:
    previous = None
    while previous != words:
        previous = words
        words = _TRAILING_VERB.sub("", _LEADING.sub("", words)).strip()
        words = _LEADING_VERB.sub("", words)
    return words


def _before_words(raw: str) -> str:
    """What a figure measures, from the words before it: ``全省规模以上装备制造业实现销售收入`` →
    ``规模以上装备制造业销售收入`` (实现 joins the sector and the measure)."""
    words = _strip_verbs(_tidy(raw))
    for verb in ("实现", "完成"):
        head, found, tail = words.rpartition(verb)
        if found and _strip_verbs(tail):
            words = _strip_verbs(head) + _strip_verbs(tail)
    return _tidy(words)


def _kind(unit: str, metric: str) -> str:
    if unit in ("%", "％"):
        return "growth" if re.search(r"增长|增速", metric) else "share"
    return "count" if unit in _COUNT_UNITS else "level"


def _sector(subject: str) -> str:
    """The sector part of a subject: what comes before its measure (``规模以上装备制造业`` of …销售收入)."""
    positions = [subject.find(measure) for measure in _MEASURES if subject.find(measure) > 0]
    return subject[: min(positions)] if positions else ""


@lru_cache(maxsize=64)
def _clause_separators(text: str) -> tuple[int, ...]:
    """Offsets of the clause separators of ``text``, ascending (computed once per text)."""
    return tuple(offset for offset, char in enumerate(text) if char in _CLAUSE_SEP)


def _clause(text: str, start: int, end: int, offset: int) -> tuple[int, int]:
    """The clause around ``offset`` within ``start``–``end``, found by bisection: a sentence of thousands of
    clauses is not scanned from its start for every figure in it."""
    separators = _clause_separators(text)
    following = bisect_left(separators, offset)
    left = max(start, separators[following - 1] + 1) if following else start
    right = min(end, separators[following]) if following < len(separators) else end
    return left, right


@dataclass(frozen=True)
class _DateSpans:
    """The dates of one sentence as (start, end) offsets, ascending by start, for bisection."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    reach: tuple[int, ...]
    """The furthest end of the dates up to each one: whether any date before a point overlaps it."""

    @classmethod
    def of(cls, dated: list[_Dated]) -> _DateSpans:
        ends = tuple(item.mention.end for item in dated)
        return cls(tuple(item.mention.start for item in dated), ends, tuple(accumulate(ends, max)))

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self.starts, end)  # the dates starting before ``end``
        return bool(before) and self.reach[before - 1] > start

    def last_end_within(self, left: int, limit: int) -> int:
        """The end of the last date lying within ``left``–``limit`` (its start at or after ``left``), or ``left``."""
        found = left
        for number in range(bisect_left(self.starts, left), bisect_left(self.starts, limit)):
            if self.ends[number] <= limit:
                found = max(found, self.ends[number])
        return found


def _outside_dates(text: str, start: int, end: int, dates: _DateSpans) -> Iterator[re.Match[str]]:
    for match in _QUANTITY.finditer(text, start, end):
        if not dates.overlaps(match.start(), match.end()):
            yield match


@dataclass(frozen=True)
class _Around:
    """Where one figure's words lie: its clause, narrowed by the figures before and after it in that clause."""

    clause_left: int
    left: int
    right: int
    previous: re.Match[str] | None
    """The figure before, when it shares the clause."""
    following: re.Match[str] | None
    """The figure after, when it shares the clause."""


def _clause_end(text: str, sentence: tuple[int, int], offset: int) -> int:
    return _clause(text, sentence[0], sentence[1], offset)[1]


def _around(
    text: str, sentence: tuple[int, int], matches: list[re.Match[str]], number: int, dates: _DateSpans
) -> _Around:
    match = matches[number]
    clause_left, right = _clause(text, sentence[0], sentence[1], match.start())
    previous = matches[number - 1] if number and matches[number - 1].end() > clause_left else None
    following = matches[number + 1] if number + 1 < len(matches) and matches[number + 1].start() < right else None
    left = clause_left if previous is None else previous.end()
    right = right if following is None else following.start()
    return _Around(clause_left, dates.last_end_within(left, match.start()), right, previous, following)


def _not_a_goal(text: str, sentence: tuple[int, int], match: re.Match[str], around: _Around) -> bool:
    """A selection or the scope of a programme (在…10个领域), not a figure to reach."""
    clause_rest = text[match.end() : _clause_end(text, sentence, match.end())]
    in_frame = "在" in text[around.clause_left : match.start()] and _SCOPE_NOUN.search(clause_rest)
    return bool(_SELECTION.search(text[around.left : match.start()]) or in_frame)


def _metric_before(raw_before: str, around: _Around) -> str:
    """The words before the figure that name what it measures."""
    before = raw_before
    if around.previous is not None and "、" in before:
        before = before.rsplit("、", 1)[1]  # 10个智能工厂、20个… : the previous figure's noun is not ours
    elif around.previous is not None and around.previous["unit"] == "家":
        before = _HEAD_NOUN.sub("", _tidy(before))  # 200家企业 | 规模化示范应用 2000台机器人
    return _before_words(before)


def _counted_noun(text: str, sentence: tuple[int, int], match: re.Match[str], around: _Around) -> str:
    """What a count counts, read after the figure (10个智能工厂); "" for amounts that are not counts."""
    after = _SPACES.sub("", text[match.end() : around.right])
    following = around.following
    if following is not None and "、" in after:
        after, following = after.split("、", 1)[0], None  # 10个智能工厂、20个智能车间
    after = _tidy(after)
    after = _strip_verbs(after.removeprefix("的")) if match["unit"] in _COUNT_UNITS or after.startswith("的") else ""
    if after and following is not None:
        # the next figure stands inside this noun: the words after it finish the noun
        after += _tidy(text[following.end() : _clause_end(text, sentence, following.end())]).split("、", 1)[0]
    return after


def _figure(text: str, sentence: tuple[int, int], match: re.Match[str], around: _Around) -> _Found:
    raw_before = text[around.left : match.start()]
    metric = _metric_before(raw_before, around)
    after = _counted_noun(text, sentence, match, around)
    subject = _tidy(metric + after) if after else metric
    pre = _PRE_QUALIFIER.search(raw_before)
    unit = match["unit"]
    clause_words = text[around.clause_left : match.start()]
    return _Found(
        match.start(), match.end(), match.group(), _number(match["value"]), _number(match["high"]), unit,
        match["qualifier"] or (pre.group(1) if pre else ""), _kind(unit, metric), metric, subject, "",
        bool(_RECURRING.search(clause_words)),
    )  # fmt: skip


def _quantities(text: str, sentence: tuple[int, int], dated: list[_Dated]) -> list[_Found]:
    """The figures of one sentence, with their own clause's words (no inheritance yet)."""
    dates = _DateSpans.of(dated)
    matches = list(_outside_dates(text, sentence[0], sentence[1], dates))
    found: list[_Found] = []
    for number, match in enumerate(matches):
        around = _around(text, sentence, matches, number, dates)
        if not _not_a_goal(text, sentence, match, around):
            found.append(_figure(text, sentence, match, around))
    return found


def _gaps(text: str, sentence: tuple[int, int]) -> list[_Found]:
    """差距缩短到…年: in each clause the last such phrase, its subject the clause up to 差距."""
    found = []
    for clause in _GAP_CLAUSE.finditer(text, *sentence):
        matches = list(_GAP.finditer(text, clause.start(), clause.end()))
        if not matches:
            continue
        match = matches[-1]
        subject = _before_words(text[clause.start() : match.start() + 2])
        found.append(
            _Found(
                match.start("value"), match.end(), text[match.start("value") : match.end()], _number(match["value"]),
                _number(match["high"]), "年", "", "gap", subject, subject, "", False,
            )
        )  # fmt: skip
    return found


def _comparisons(text: str, sentence: tuple[int, int]) -> list[_Found]:
    """增速高于…水平: the subject read back to the clause's start (or the previous comparison's end)."""
    found = []
    starts = [sentence[0], *(sep.end() for sep in _SUBJECT_SEP.finditer(text, *sentence))]
    taken = sentence[0]
    for match in _COMPARED.finditer(text, *sentence):
        base = _COMPARED_BASE.match(text, match.end(), sentence[1])
        if match.start() < taken or base is None:
            continue
        left = max(taken, starts[bisect.bisect_right(starts, match.start()) - 1])
        subject = _tidy(text[left : match.start("qualifier")])
        found.append(
            _Found(
                match.start("qualifier"), base.end(), match["qualifier"] + base.group(), None, None, "",
                match["qualifier"], "comparative", subject, subject, _tidy(base.group()), False,
            )
        )  # fmt: skip
        taken = base.end()
    return found


def _inherit(found: list[_Found]) -> list[_Found]:
    """Complete subjects the text elides from the target before (年均增长 → what grows)."""
    done: list[_Found] = []
    for item in found:
        subject, per_year = item.subject, item.per_year
        previous = done[-1] if done else None
        if previous is not None:
            bare = _GROWTH.sub("", subject)
            if not bare:
                subject = previous.subject
            elif item.kind == "growth":
                subject = bare
            if subject.startswith(_MEASURES) and not _sector(subject):
                subject = _sector(previous.subject) + subject
            if not item.metric and item.unit == previous.unit and previous.per_year:
                per_year = True  # 每年推出10个…,100个… : listed under the same 每年
        elif item.kind == "growth":
            subject = _GROWTH.sub("", subject) or subject
        done.append(replace(item, subject=subject, per_year=per_year))
    return done


@dataclass(frozen=True)
class _Years:
    """Where a sentence's figures get their years from."""

    fallback: tuple[int, int, str]
    recurring: tuple[int, int]
    stated: tuple[_Dated, ...]
    """The sentence's target and period dates, ascending by offset."""
    stated_starts: tuple[int, ...]


def _span(item: _Found, sentence_years: _Years) -> tuple[int, int, str]:
    if item.per_year:
        return (*sentence_years.recurring, "recurring")
    years = sentence_years.stated
    if years:
        before = bisect_left(sentence_years.stated_starts, item.start)  # the last date before the figure
        chosen = years[before - 1] if before else years[0]
        part = chosen.mention.relation == "part"
        return (chosen.year if part else chosen.end_year), chosen.end_year, "stated"
    return sentence_years.fallback


def _recurring_span(plan: ParsedPlan, sentence: str) -> tuple[int, int]:
    first = max(issue_year(plan), plan.meta.period[0])
    running = _YEARS_RUNNING.search(sentence)
    if running:
        count = running["n"]
        years = int(count) if count.isdigit() else _CN_NUMBERS.index(count) + 1
        return first, first + years - 1
    return first, plan.meta.period[1]


def _section_fallback(plan: ParsedPlan, section: Block | None, hans: SimplifiedView) -> tuple[int, int, str]:
    if section is not None:
        dated = _dated_in(section, plan, hans)
        if dated:
            return dated[0].end_year, dated[0].end_year, "section"
    last = plan.meta.period[1]
    return last, last, "period-end"


def _sector_heading(plan: ParsedPlan, block: Block, headings: dict[str, Block], hans: SimplifiedView) -> str:
    """The heading of a 目标任务 paragraph's section when it names a sector (1.电力装备。)."""
    if not _tidy(hans.zh(block)).startswith("目标任务"):
        return ""
    heading = headings.get(block.section)
    title = hans.zh(heading).strip().rstrip("。.") if heading else ""
    return title if 0 < len(title) <= 8 else ""


def _printed(item: _Found, text: str, printed: str) -> str:
    """``item.text`` as printed: its characters taken in order from ``text[item.start:item.end]`` (a
    comparison's text skips the words between qualifier and base), read at the same places of the print."""
    if text == printed:
        return item.text
    chars, position = [], item.start
    for char in item.text:
        position = text.index(char, position, item.end)
        chars.append(printed[position])
        position += 1
    return "".join(chars)


_Placed = tuple[_Found, tuple[int, int, str], tuple[int, int]]
"""A figure with its (year, end_year, year source) and its sentence's (start, end) in the block's ``zh``."""


def _block_targets(
    plan: ParsedPlan, block: Block, section: Block | None, sector: str, hans: SimplifiedView
) -> Iterator[_Placed]:
    """The figures of one block, placed in time: found on its Simplified view, quoted from the print."""
    text = hans.zh(block)
    in_target = section is not None or _tidy(text).startswith("目标")
    fallback = _section_fallback(plan, section, hans)
    all_dated = _dated_in(block, plan, hans)
    issued = issue_year(plan)
    past = any(d.end_year < issued or d.mention.relation == "since" for d in all_dated)
    starts = [item.mention.start for item in all_dated]  # ascending: each sentence's dates by bisection
    for start, end in _sentences(text):
        dated = all_dated[bisect_left(starts, start) : bisect_left(starts, end)]
        kinds = [_classify(item, block, plan, in_target, hans) for item in dated]
        years = [item for item, kind in zip(dated, kinds, strict=True) if kind in ("target", "period")]
        committed = not past and _COMMITMENT.search(text[start:end])
        if "target" in kinds or (in_target and "fact" not in kinds) or committed:
            found = _quantities(text, (start, end), dated) + _gaps(text, (start, end))
            found += _comparisons(text, (start, end))
            found.sort(key=lambda item: item.start)
            stated = tuple(years)
            recurring = _recurring_span(plan, text[start:end])
            sentence_years = _Years(fallback, recurring, stated, tuple(item.mention.start for item in stated))
            for item in _inherit(found):
                subject = f"{sector}：{item.subject}" if sector else item.subject
                quoted = replace(item, subject=subject, text=_printed(item, text, block.zh))
                shown = snippet_bounds(block.zh, (item.start, item.end))
                yield quoted, _span(item, sentence_years), (max(start, shown[0]), min(end, shown[1]))
        if "target" in kinds:
            last = years[-1]
            fallback = (last.end_year, last.end_year, "block")


def _subject_topics(subject: str, taxonomy: Taxonomy | None, tagged: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Topic ids of a subject, each distinct subject tagged once (a paragraph may repeat one thousands of times)."""
    if taxonomy is None:
        return ()
    if subject not in tagged:
        tagged[subject] = topics_of(tag_block(subject, taxonomy), taxonomy)
    return tagged[subject]


def extract_targets(
    plans: Edition | Iterable[ParsedPlan],
    taxonomy: Taxonomy | None = None,
    english: TargetEnglish | None = None,
    hans: SimplifiedView = AS_PRINTED,
) -> tuple[Target, ...]:
    """Quantitative targets of the plans, ordered by plan (issue date, id), block order, offset.

    ``taxonomy`` tags each subject with topics; ``english`` gives the English renderings.
    """
    english = english or TargetEnglish.empty()
    found: list[Target] = []
    tagged: dict[str, tuple[str, ...]] = {}
    for plan in _plans_of(plans):
        headings = _headings(plan)
        for block in plan.blocks:
            if block.zone != "body" or block.kind not in ("paragraph", "list_item"):
                continue
            sector = _sector_heading(plan, block, headings, hans)
            section = target_section(plan, block, headings, hans)
            for item, (year, end_year, source), sentence in _block_targets(plan, block, section, sector, hans):
                topics = _subject_topics(item.subject, taxonomy, tagged)
                qualifier_en = english.qualifier(item.qualifier)
                if item.kind == "comparative":
                    figure = english.compared_to(block.id, item.subject)
                else:
                    figure = english.figure(item.value, item.value_high, item.unit)
                if figure and item.kind == "growth":
                    figure += " a year"
                value_en = " ".join(part for part in (qualifier_en, figure) if part) if figure else ""
                found.append(
                    Target(
                        plan_id=plan.meta.id, block_id=block.id, year=year, metric=item.metric or item.subject,
                        value=item.value, unit=item.unit, text=item.text, qualifier=item.qualifier,
                        value_high=item.value_high, year_source=source, snippet_start=sentence[0],
                        snippet_end=sentence[1], end_year=end_year,
                        per_year=item.per_year, subject=item.subject, kind=item.kind, compared_to=item.compared_to,
                        topics=topics, subject_en=english.subject(block.id, item.subject), qualifier_en=qualifier_en,
                        compared_to_en=english.compared_to(block.id, item.subject), value_en=value_en,
                    )
                )  # fmt: skip
    return tuple(found)
