"""The parser: an explicit state machine over segments that yields blocks with permanent ids.

States, in the order a document passes through them:
  FRONT  cover lines before the body (附件, 内部资料, issuer, date) and the title lines
  NOTICE a notice wrapper (…的通知) around the plan, up to the plan's own title
  TOC    a table of contents: dropped, it is regenerated from the headings
  BODY   headings, boxes, paragraphs and list items; the hierarchy is built from label types
The back matter (a trailing contact block) is found before the walk and kept apart.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum

from build_tools.model import Block, Dropped, ParsedPlan, Part, PlanMeta, SourceText, Span
from build_tools.parse.labels import Label, match_box, match_bullet, match_label
from build_tools.parse.segments import SPACE, Segment, segment
from build_tools.parse.vocabulary import Vocabulary, vocabulary

TOC_LINE = re.compile(r"(?:[.…·．]{2,}|\t)\s*\d{1,4}\s*$")


class State(Enum):
    FRONT = "front"
    NOTICE = "notice"
    TOC = "toc"
    BODY = "body"


def squeeze(text: str) -> str:
    """Text with all spaces removed, for comparing lines whatever their spacing."""
    return "".join(char for char in text if char not in SPACE)


@dataclass
class Run:
    """Text made of source spans joined in order (a paragraph split over lines is one run)."""

    source: str
    spans: list[Span]

    @staticmethod
    def _joiner(left: str, right: str) -> str:
        # Latin words split over a line break get their space back; Chinese never had one.
        return (
            " " if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum() else ""
        )

    def pieces(self) -> list[str]:
        return [self.source[span.start : span.end] for span in self.spans]

    @property
    def text(self) -> str:
        out = ""
        for piece in self.pieces():
            out += self._joiner(out, piece) + piece if out else piece
        return out

    def split(self, index: int) -> tuple[Run, Run]:
        """Split at a character index of .text (never inside a joiner)."""
        head: list[Span] = []
        tail: list[Span] = []
        position = 0
        out = ""
        for span, piece in zip(self.spans, self.pieces(), strict=True):
            if out:
                joiner = self._joiner(out, piece)
                position += len(joiner)
                out += joiner
            out += piece
            if position + len(piece) <= index:
                head.append(span)
            elif position >= index:
                tail.append(span)
            else:
                cut = span.start + index - position
                head.append(Span(span.start, cut))
                tail.append(Span(cut, span.end))
            position += len(piece)
        return Run(self.source, head), Run(self.source, tail)

    def strip(self) -> Run:
        """Drop spaces at both ends (they are layout, not text)."""
        spans = [span for span in self.spans if span.end > span.start]
        while spans:
            first = spans[0]
            start = first.start
            while start < first.end and self.source[start] in SPACE:
                start += 1
            if start < first.end:
                spans[0] = Span(start, first.end)
                break
            spans.pop(0)
        while spans:
            last = spans[-1]
            end = last.end
            while end > last.start and self.source[end - 1] in SPACE:
                end -= 1
            if end > last.start:
                spans[-1] = Span(last.start, end)
                break
            spans.pop()
        return Run(self.source, spans)


@dataclass
class Open:
    """A section open on the stack while the body is walked."""

    type: str
    level: int
    path: str
    transparent: bool = False
    """An unnumbered top-level heading (前言): a new label type after it is still level 1."""
    local_levels: dict[str, int] = field(default_factory=dict)
    """Inside a 专栏 box: levels of the label types first met in the box."""


@dataclass
class Draft:
    """A block being built; frozen into a Block when the walk is over."""

    kind: str
    zone: str
    level: int
    label: str
    label_span: Span | None
    run: Run
    section: str
    box: str
    line: int
    part: int
    id: str = ""


class PlanParser:
    """Parse one plan; use parse_plan() rather than this class directly."""

    def __init__(self, meta: PlanMeta, source: SourceText, vocab: Vocabulary) -> None:
        self.meta = meta
        self.source = source
        self.text = source.text
        self.vocab = vocab
        self.title_squeezed = squeeze(meta.title_zh)
        self.drafts: list[Draft] = []
        self.dropped: list[Dropped] = []
        self.warnings: list[str] = []
        self.stack: list[Open] = []
        self.global_levels: dict[str, int] = {}
        self.used_paths: set[str] = set()
        self.paragraph_counts: Counter[str] = Counter()
        self.box_counts: Counter[str] = Counter()
        self.part = 0
        self.part_titles: dict[int, str] = {0: "卷首"}
        self.pending_label: tuple[Label, Span] | None = None
        self.pending_heading: tuple[Label, Span, Run] | None = None
        self.run_in_types: set[str] = set()
        self._pending_level = 1
        """Level decided by _place() for the heading _heading() is about to emit."""

    # ----------------------------------------------------------------- the walk
    def parse(self) -> ParsedPlan:
        segments, debris = segment(self.text, self.vocab)
        self.dropped.extend(debris)
        body_end = self._find_back_matter(segments)
        self.run_in_types = self._run_in_types(segments[:body_end])
        state = State.FRONT
        for index, seg in enumerate(segments[:body_end]):
            state = self._step(state, seg, first=index == 0)
        self._flush_pending()
        for seg in segments[body_end:]:
            self._emit("paragraph", "back", seg, None, self._run(seg), section="back")
        self._check_title(state)
        return self._finish()

    def _check_title(self, state: State) -> None:
        """After a notice the plan starts at its title line: when meta.yml's title_zh is no line of the text,
        say so (the whole text was read as the notice), not that the plan has no headings."""
        if state is State.NOTICE:
            self.warnings.append(
                f"{self.source.path}: title_zh {self.meta.title_zh!r} of meta.yml is not a line of the text:"
                " the whole text was read as the notice before the title"
            )
        elif not any(d.kind in ("heading", "box") for d in self.drafts if d.zone == "body"):
            self.warnings.append(f"{self.source.path}: no recognizable headings; the plan is one section")

    def _step(self, state: State, seg: Segment, first: bool) -> State:
        squeezed = squeeze(seg.text)
        if state is State.FRONT:
            if first and squeezed.endswith(self.vocab.notice_endings) and len(squeezed) > 10:
                self._emit("heading", "notice", seg, None, self._run(seg), section="notice", level=1, block_id="notice")
                return State.NOTICE
            if self._is_title_line(squeezed):
                self._emit("title", "title", seg, None, self._run(seg), section="title")
                return State.FRONT
            if squeezed in self.vocab.toc_markers:
                self.dropped.append(
                    Dropped(seg.text, seg.line, "table of contents (regenerated from the headings)", seg.span)
                )
                return State.TOC
            if not self._is_body_start(seg):
                self._emit("paragraph", "front", seg, None, self._run(seg), section="front")
                return State.FRONT
            self._body(seg)
            return State.BODY
        if state is State.NOTICE:
            if self._is_title_line(squeezed):
                self._emit("title", "title", seg, None, self._run(seg), section="title")
                return State.FRONT
            self._emit("paragraph", "notice", seg, None, self._run(seg), section="notice")
            return State.NOTICE
        if state is State.TOC and TOC_LINE.search(seg.text):
            self.dropped.append(
                Dropped(seg.text, seg.line, "table of contents (regenerated from the headings)", seg.span)
            )
            return State.TOC
        self._body(seg)
        return State.BODY

    # ------------------------------------------------------------ recognizers
    def _is_title_line(self, squeezed: str) -> bool:
        return len(squeezed) >= 4 and squeezed in self.title_squeezed

    def _is_body_start(self, seg: Segment) -> bool:
        text = seg.text
        if match_label(text) or match_box(text) or squeeze(text) in self.vocab.unnumbered_headings:
            return True
        return len(text) >= 20 and text[-1] in self.vocab.terminal_punctuation

    def _find_back_matter(self, segments: list[Segment]) -> int:
        """Index where a trailing contact block starts (len(segments) when there is none)."""
        end = len(segments)
        while end > 0 and re.match(rf"^(?:{'|'.join(self.vocab.contact_prefixes)})\s*[:：]", segments[end - 1].text):
            end -= 1
        if end == len(segments):
            return end
        previous = segments[end - 1].text
        if len(previous) <= 40 and previous[-1] not in self.vocab.terminal_punctuation:
            end -= 1
        return end

    def _run_in_types(self, segments: list[Segment]) -> set[str]:
        """Label types whose headings mostly run into their text (（一）标题。正文…)."""
        with_ender: Counter[str] = Counter()
        without: Counter[str] = Counter()
        for seg in segments:
            label = match_label(seg.text)
            if not label:
                continue
            rest = seg.text[len(label.text) :].strip(SPACE)
            if not rest:
                continue
            if any(char in self.vocab.title_enders for char in rest[: self.vocab.max_title_chars]):
                with_ender[label.type] += 1
            else:
                without[label.type] += 1
        return {kind for kind in with_ender if with_ender[kind] > without[kind]}

    # ---------------------------------------------------------------- body
    def _run(self, seg: Segment) -> Run:
        return Run(self.text, [seg.span])

    def _body(self, seg: Segment) -> None:
        text = seg.text
        if self.pending_heading:
            label, label_span, run = self.pending_heading
            if not (
                match_label(text)
                or match_box(text)
                or match_bullet(text)
                or squeeze(text) in self.vocab.unnumbered_headings
            ):
                self.pending_heading = None
                run.spans.append(seg.span)
                self._labeled(label, label_span, run, seg)
                return
            self._flush_pending()
        if self.pending_label:
            label, label_span = self.pending_label
            self.pending_label = None
            self._labeled(label, label_span, self._run(seg), seg, fresh=True)
            return
        squeezed = squeeze(text)
        if squeezed in self.vocab.unnumbered_headings:
            self._close_box()
            self.stack.clear()
            path = self._unique_path(self.vocab.unnumbered_headings[squeezed])
            self._new_part(text)
            self._emit("heading", "body", seg, None, self._run(seg), section=path, level=1, block_id=path)
            self.stack.append(Open("unnumbered", 1, path, transparent=True))
            return
        box = match_box(text)
        if box:
            self._open_box(seg, *box)
            return
        label = match_label(text)
        if label:
            label_span = Span(seg.span.start, seg.span.start + len(label.text))
            rest = Run(self.text, [Span(label_span.end, seg.span.end)]).strip()
            if not rest.spans:
                self.pending_label = (label, label_span)
                return
            self._labeled(label, label_span, rest, seg, fresh=True)
            return
        bullet = match_bullet(text)
        if bullet:
            label_span = Span(seg.span.start, seg.span.start + len(bullet))
            rest = Run(self.text, [Span(label_span.end, seg.span.end)]).strip()
            self._emit("list_item", "body", seg, label_span, rest, section=self._section())
            return
        last = self.drafts[-1] if self.drafts else None
        if (
            last
            and last.zone == "body"
            and last.kind in ("paragraph", "list_item")
            and last.run.text[-1:] not in self.vocab.terminal_punctuation
        ):
            last.run.spans.append(seg.span)
            return
        self._emit("paragraph", "body", seg, None, self._run(seg), section=self._section())

    def _labeled(self, label: Label, label_span: Span, rest: Run, seg: Segment, fresh: bool = False) -> None:
        """A numbered segment: a heading, a run-in heading plus its text, or a numbered paragraph."""
        if fresh:
            self._place(label)
        text = rest.text
        enders = [i for i, char in enumerate(text) if char in self.vocab.title_enders]
        limit = self.vocab.max_title_chars
        if enders and enders[0] < limit:
            title, body = rest.split(enders[0] + 1)
            self._heading(label, label_span, title, seg)
            body = body.strip()
            if body.spans:
                self._emit("paragraph", "body", seg, None, body, section=self._section())
            return
        if not enders and len(text) <= limit and text[-1] not in "，,；;、":
            if label.type in self.run_in_types and fresh:
                self.pending_heading = (label, label_span, rest)
                return
            self._heading(label, label_span, rest, seg)
            return
        self._emit("list_item", "body", seg, label_span, rest, section=self._section(), label_text=label.text)

    def _flush_pending(self) -> None:
        if self.pending_heading:
            label, label_span, run = self.pending_heading
            self.pending_heading = None
            self._heading(label, label_span, run, None)
        if self.pending_label:
            label, label_span = self.pending_label
            self.pending_label = None
            self.warnings.append(f"{self.source.path}: a bare label {label.text!r} has no text after it")
            self._place(label)
            self._heading(label, label_span, Run(self.text, []), None)

    # ------------------------------------------------------------- hierarchy
    def _depth(self) -> int:
        return sum(1 for entry in self.stack if not entry.transparent)

    def _box_entry(self) -> Open | None:
        return next((entry for entry in self.stack if entry.type == "box"), None)

    def _place(self, label: Label) -> None:
        """Pop the stack to where a heading of this label type belongs; remember its level."""
        box = self._box_entry()
        if box and label.type in self.global_levels:
            self._close_box()
            box = None
        levels = box.local_levels if box else self.global_levels
        if label.type not in levels:
            levels[label.type] = self._depth() + 1
        level = levels[label.type]
        while self.stack and self.stack[-1].level >= level and self.stack[-1].type != "box":
            self.stack.pop()
        while self.stack and self.stack[-1].transparent:
            self.stack.pop()
        self._pending_level = level

    def _heading(self, label: Label, label_span: Span, title: Run, seg: Segment | None) -> None:
        level = self._pending_level
        parent = self.stack[-1].path if self.stack else ""
        path = self._unique_path(f"{parent}.{label.number}" if parent else f"s{label.number}")
        if level == 1 and not self._box_entry():
            self._new_part(label.text + title.text)
        line = seg.line if seg else self._line_of(label_span.start)
        self._emit(
            "heading",
            "body",
            seg,
            label_span,
            title,
            section=path,
            level=level,
            block_id=path,
            label_text=label.text,
            line=line,
        )
        self.stack.append(Open(label.type, level, path))

    def _open_box(self, seg: Segment, label_text: str, number: int) -> None:
        self._close_box()
        parent = self.stack[-1].path if self.stack else ""
        self.box_counts[parent] += 1
        name = f"box{number or self.box_counts[parent]}"
        path = self._unique_path(f"{parent}.{name}" if parent else name)
        label_span = Span(seg.span.start, seg.span.start + len(label_text))
        title = Run(self.text, [Span(label_span.end, seg.span.end)]).strip()
        level = self._depth() + 1
        self._emit(
            "box",
            "body",
            seg,
            label_span,
            title,
            section=path,
            level=level,
            block_id=path,
            label_text=label_text,
            box=path,
        )
        self.stack.append(Open("box", level, path))

    def _close_box(self) -> None:
        box = self._box_entry()
        if box:
            while self.stack and self.stack[-1] is not box:
                self.stack.pop()
            self.stack.pop()

    def _section(self) -> str:
        return self.stack[-1].path if self.stack else "s0"

    def _unique_path(self, path: str) -> str:
        # A repeated number gets b, c … z, then z27, z28 …: ids stay lowercase ascii whatever the count
        # (counting on past z gave "{", "|" and any character, which broke anchors).
        count = 1
        candidate = path
        while candidate in self.used_paths:
            count += 1
            candidate = f"{path}{chr(ord('a') + count - 1)}" if count <= 26 else f"{path}z{count}"
        self.used_paths.add(candidate)
        return candidate

    def _new_part(self, title: str) -> None:
        # Part 0 is the opening (title, notice, preamble); each top-level heading opens the next part.
        self.part += 1
        self.part_titles[self.part] = title

    def _line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    # ---------------------------------------------------------------- output
    def _emit(
        self,
        kind: str,
        zone: str,
        seg: Segment | None,
        label_span: Span | None,
        run: Run,
        *,
        section: str,
        level: int | None = None,
        block_id: str = "",
        label_text: str = "",
        box: str = "",
        line: int | None = None,
    ) -> None:
        box_entry = self._box_entry()
        if not box and box_entry and zone == "body":
            box = box_entry.path
        if level is None:
            level = self._depth() if zone == "body" else 0
        label = label_text or (self.text[label_span.start : label_span.end] if label_span else "")
        self.drafts.append(
            Draft(
                kind,
                zone,
                level,
                label,
                label_span,
                run,
                section,
                box,
                line if line is not None else (seg.line if seg else 0),
                self.part if zone != "back" else -1,
                block_id,
            )
        )

    def _finish(self) -> ParsedPlan:
        last_part = max((d.part for d in self.drafts), default=0)
        blocks: list[Block] = []
        for draft in self.drafts:
            block_id = draft.id
            if not block_id:
                self.paragraph_counts[draft.section] += 1
                block_id = f"{draft.section}/p{self.paragraph_counts[draft.section]}"
            zh = draft.run.text
            spans = ((draft.label_span,) if draft.label_span else ()) + tuple(draft.run.spans)
            digest = hashlib.sha256((draft.label + zh).encode("utf-8")).hexdigest()[:16]
            blocks.append(
                Block(
                    id=f"{self.meta.id}/{block_id}",
                    kind=draft.kind,
                    level=draft.level,
                    label=draft.label,
                    zh=zh,
                    hash=digest,
                    zone=draft.zone,
                    section=f"{self.meta.id}/{draft.section}",
                    part=last_part if draft.part < 0 else draft.part,
                    box=f"{self.meta.id}/{draft.box}" if draft.box else "",
                    line=draft.line,
                    spans=spans,
                )
            )
        # One pass, not one per part: a plan of 10,000 parts grew with the square of its length here.
        by_part: dict[int, list[str]] = {}
        for block in blocks:
            by_part.setdefault(block.part, []).append(block.id)
        parts = [
            Part(index, f"part-{index:02d}", self.part_titles.get(index, ""), tuple(by_part[index]))
            for index in sorted(by_part)
        ]
        return ParsedPlan(
            self.meta,
            self.source,
            tuple(blocks),
            tuple(sorted(self.dropped, key=lambda d: d.span.start)),
            tuple(parts),
            tuple(self.warnings),
        )


def parse_plan(meta: PlanMeta, source: SourceText) -> ParsedPlan:
    """Parse a loaded source text into blocks."""
    return PlanParser(meta, source, vocabulary()).parse()
