"""Hostile and careless inputs (issue 13), replayed through the command line.

Each case edits a small, valid workspace (one plan, its PO file, a glossary, a taxonomy), runs
``python -m build_tools generate`` (or ``translations …``) in-process and checks the documented
result: either exit 1 with exactly one ``error:`` line naming the file, the line and what was
expected, or a clean run whose output shows the hostile text as text. No case may end in a
traceback: an unexpected exception fails the test where it is raised.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from build_tools.cli import main
from build_tools.core.config import ROOT
from tests.conftest import META, write_plan

PLAN = "test-plan-2020"
TEXT = """测试规划
一、总体要求
（一）发展数控机床。
到2025年，产值达到100亿元。
本段说明发展方向。
二、保障措施
加强组织领导。
"""
GLOSSARY = """\
terms:
- id: cnc-machine-tool
  zh: 数控机床
  en: CNC machine tool
  category: product
"""
TOPICS = """\
groups:
  - id: machine-tools
    zh: 机床
    en: Machine tools
topics:
  - id: cnc
    group: machine-tools
    zh: 数控机床
    en: CNC machine tools
    scope_zh: 数控机床
    scope_en: CNC machine tools
    terms: [数控机床]
"""
EDITION = 'title_zh: 测试版\ntitle_en: Test edition\nedition_date: "2026-01-01"\n'
INJECTION = "<img src=x onerror=alert(1)>"


@dataclass
class Workspace:
    root: Path

    @property
    def sources(self) -> Path:
        return self.root / "sources"

    @property
    def meta(self) -> Path:
        return self.sources / PLAN / "meta.yml"

    @property
    def source(self) -> Path:
        return self.sources / PLAN / "source.txt"

    @property
    def edition(self) -> Path:
        return self.sources / "edition.yml"

    @property
    def glossary(self) -> Path:
        return self.root / "glossary.yml"

    @property
    def topics(self) -> Path:
        return self.root / "topics.yml"

    @property
    def po(self) -> Path:
        return self.root / "translations" / "en" / f"{PLAN}.po"

    @property
    def delivery(self) -> Path:
        return self.root / "delivery.yml"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def args(self, *command: str) -> list[str]:
        paths = ["--sources", str(self.sources), "--docs", str(self.docs)]
        paths += ["--translations", str(self.root / "translations"), "--glossary", str(self.glossary)]
        return [*command, *paths, "--topics", str(self.topics)]

    def replace(self, path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def append(self, path: Path, text: str) -> None:
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    def line_of(self, path: Path, needle: str) -> int:
        return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)

    def entry_line(self, needle: str) -> int:
        """First line (its comments included) of the PO entry holding ``needle``."""
        lines = self.po.read_text(encoding="utf-8").splitlines()
        number = self.line_of(self.po, needle)
        while number > 1 and lines[number - 2].strip():
            number -= 1
        return number


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """The valid workspace, made once: with its PO file created and translated by `translations update`."""
    root = tmp_path_factory.mktemp("hostile")
    space = Workspace(root)
    write_plan(space.sources, PLAN, TEXT, meta=META.format(title="测试规划", source_file="test.txt"))
    space.edition.write_text(EDITION, encoding="utf-8")
    space.glossary.write_text(GLOSSARY, encoding="utf-8")
    space.topics.write_text(TOPICS, encoding="utf-8")
    (root / "translations" / "en").mkdir(parents=True)
    shutil.copy(ROOT / "translations" / "traditional.yml", root / "translations" / "traditional.yml")
    shutil.copytree(ROOT / "translations" / "opencc", root / "translations" / "opencc")
    assert main(space.args("translations", "update")) == 0
    english = {
        "一、总体要求": "I. General Requirements",
        "（一）发展数控机床。": "(I) Develop CNC machine tools.",
        "到2025年，产值达到100亿元。": "By 2025, output will reach 10 billion yuan.",
        "本段说明发展方向。": "This paragraph states the direction of development.",
    }
    text = space.po.read_text(encoding="utf-8")
    for chinese, translation in english.items():
        assert f'msgid "{chinese}"\nmsgstr ""' in text
        text = text.replace(f'msgid "{chinese}"\nmsgstr ""', f'msgid "{chinese}"\nmsgstr "{translation}"')
    space.po.write_text(text, encoding="utf-8")
    assert main(space.args("generate")) == 0
    shutil.rmtree(space.docs)
    return root


@pytest.fixture
def space(pristine, tmp_path) -> Workspace:
    shutil.copytree(pristine, tmp_path / "w")
    return Workspace(tmp_path / "w")


@dataclass(frozen=True)
class Error:
    """Exit 1 and one error line naming ``file`` (a Workspace attribute) at ``line`` with ``words``."""

    file: str
    line: int | Callable[[Workspace], int] | None
    words: str


@dataclass(frozen=True)
class Clean:
    """Exit 0; then ``check`` looks at the workspace (its generated docs) and the captured stderr."""

    check: Callable[[Workspace, str], None]


def _edition_json(space: Workspace) -> dict:
    return json.loads((space.docs / "data" / "edition.json").read_text(encoding="utf-8"))


def _pages(space: Workspace) -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(space.docs.rglob("*.md")))


def _injection_is_text(space: Workspace, _: str) -> None:
    pages = [space.docs / "glossary.md", *sorted((space.docs / "glossary").glob("*.md"))]
    glossary = "\n".join(path.read_text(encoding="utf-8") for path in pages)
    # where a term occurs (its letter's page, Markdown) the plan's region is named: the injected tag must
    # arrive escaped, never as a tag
    assert "&lt;img src=x onerror=alert" in glossary and "<img" not in glossary


def _no_bidi(space: Workspace, _: str) -> None:
    pages = _pages(space)
    assert not any(
        char in pages for char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u2028\u2029"
    )
    plan = _edition_json(space)["plans"][0]
    assert plan["source"]["removed_invisible"] == 14
    assert any(block["zh"] == "本段说明发展方向。" for block in plan["blocks"])


def _utf32(space: Workspace, _: str) -> None:
    plan = _edition_json(space)["plans"][0]
    assert plan["source"]["encoding"] == "utf-32"
    assert plan["blocks"][1]["zh"] == "总体要求"


def _warned_unknown_block(space: Workspace, stderr: str) -> None:
    line = space.entry_line(f'msgctxt "{PLAN}/s1.1/p9"')
    assert f"warning: {space.po}:{line}: entry for unknown block '{PLAN}/s1.1/p9'" in stderr


def _bidi_removed_from_english(space: Workspace, stderr: str) -> None:
    line = space.entry_line("This \u202eparagraph")
    assert f"warning: {space.po}:{line}: 1 invisible or bidi control character(s) removed" in stderr
    assert "This paragraph states" in _pages(space) and "\u202e" not in _pages(space)


def _bidi_source(space: Workspace) -> None:
    controls = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u2028\u2029"
    space.replace(space.source, "本段说明发展方向。", f"本段{controls[:6]}说明{controls[6:]}发展方向。")


def _link_out(space: Workspace) -> None:
    space.source.unlink()
    space.source.symlink_to("/etc/passwd")


def _delivery(text: str) -> Callable[[Workspace], None]:
    return lambda space: space.delivery.write_text(text, encoding="utf-8")


def _raw_source(raw: bytes) -> Callable[[Workspace], None]:
    return lambda space: space.source.write_bytes(raw)


def _heading_newline(space: Workspace) -> None:
    space.replace(space.po, 'msgstr "I. General Requirements"', 'msgstr "I. General\\nRequirements"')


MARKUP = "[link=https://x.invalid]a[/link][blink]b[/blink][/bold]"
MARKUP_STATUS = f'status: "{MARKUP}"'
CASES: list[tuple[str, Callable[[Workspace], None], Error | Clean, tuple[str, ...]]] = [
    # Security: user text never becomes markup (pages, terminal).
    (
        "meta-region-en-html",
        lambda s: s.replace(s.meta, "region_en: Testland", f"region_en: '{INJECTION}'"),
        Clean(_injection_is_text),
        ("generate",),
    ),
    (
        "edition-date-html",
        lambda s: s.replace(s.edition, '"2026-01-01"', f"'{INJECTION}'"),
        Error("edition", 3, "'edition_date' must be YYYY, YYYY-MM or YYYY-MM-DD"),
        ("generate",),
    ),
    (
        "status-rich-markup",
        lambda s: s.replace(s.meta, "status: issued", MARKUP_STATUS),
        Error(
            "meta",
            7,
            f"'status' must be one of issued, draft, internal, not '{MARKUP}'",
        ),
        ("generate",),
    ),
    ("source-link-to-etc-passwd", _link_out, Error("source", None, "outside"), ("generate",)),
    # Tracebacks before: broken encodings.
    (
        "utf8-bom-invalid-bytes",
        _raw_source(b"\xef\xbb\xbf" + "测试规划\n一、总体要求\n".encode() + b"\xff\xfe\n"),
        Error("source", 3, "byte 35 is not valid utf-8-sig"),
        ("generate",),
    ),
    (
        "utf16-odd-length",
        _raw_source(TEXT.encode("utf-16") + b"x"),
        Error("source", None, "not a whole number of 2-byte units"),
        ("generate",),
    ),
    (
        "utf16-lone-surrogate",
        _raw_source(b"\xff\xfe" + "测试规划\n一、".encode("utf-16-le") + b"\x00\xd8" + "总体".encode("utf-16-le")),
        Error("source", 2, "illegal UTF-16 surrogate"),
        ("generate",),
    ),
    ("utf32-with-bom", _raw_source(TEXT.encode("utf-32")), Clean(_utf32), ("generate",)),
    (
        "shift-jis-is-not-gb18030",
        _raw_source("あいうえお日本語\n".encode("shift_jis")),
        Error("source", None, "cannot tell the encoding with confidence; candidates: gb18030 (0% common"),
        ("generate",),
    ),
    ("bidi-controls-removed", _bidi_source, Clean(_no_bidi), ("generate",)),
    (
        "meta-title-bidi-override",
        lambda s: s.replace(s.meta, "title_en: A Test Plan", "title_en: A Test \u202ePlan"),
        Error("meta", 2, "'title_en' holds an invisible control character U+202E"),
        ("generate",),
    ),
    (
        "po-msgstr-bidi-override",
        lambda s: s.replace(s.po, "This paragraph states", "This \u202eparagraph states"),
        Clean(_bidi_removed_from_english),
        ("generate",),
    ),
    # Tracebacks and silent results before: YAML types, dates, duplicate keys, tags.
    (
        "date-impossible-unquoted",
        lambda s: s.replace(s.meta, 'date: "2020-01-02"', "date: 2025-02-30"),
        Error("meta", 5, "'date' '2025-02-30': there is no day 30 in 2025-02"),
        ("generate",),
    ),
    (
        "date-impossible-quoted",
        lambda s: s.replace(s.meta, 'date: "2020-01-02"', 'date: "2021-13-99"'),
        Error("meta", 5, "there is no month 13"),
        ("generate",),
    ),
    (
        "date-year-zero",
        lambda s: s.replace(s.meta, 'date: "2020-01-02"', 'date: "0000"'),
        Error("meta", 5, "the year must lie between 1949 and 2100"),
        ("generate",),
    ),
    (
        "edition-date-not-a-date",
        lambda s: s.replace(s.edition, '"2026-01-01"', '"not a date"'),
        Error("edition", 3, "'edition_date' must be YYYY, YYYY-MM or YYYY-MM-DD, not 'not a date'"),
        ("generate",),
    ),
    (
        "edition-date-february-30",
        lambda s: s.replace(s.edition, '"2026-01-01"', "2026-02-30"),
        Error("edition", 3, "there is no day 30"),
        ("generate",),
    ),
    (
        "meta-duplicate-key",
        lambda s: s.append(s.meta, "title_en: Another Title\n"),
        Error("meta", 14, "duplicate key 'title_en' in meta.yml (first at line 2)"),
        ("generate",),
    ),
    (
        "meta-python-tag",
        lambda s: s.replace(s.meta, "title_en: A Test Plan", 'title_en: !!python/object/apply:os.system ["true"]'),
        Error("meta", 2, "the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"),
        ("generate",),
    ),
    (
        "meta-title-a-number",
        lambda s: s.replace(s.meta, "title_en: A Test Plan", "title_en: 2020"),
        Error("meta", 2, "'title_en' must be a non-empty string, not a number '2020'"),
        ("generate",),
    ),
    (
        "meta-period-strings",
        lambda s: s.replace(s.meta, "period: [2020, 2025]", 'period: ["2020", "2025"]'),
        Error("meta", 6, "each entry of 'period' must be a whole number from 1949 to 2100, not a string '2020'"),
        ("generate",),
    ),
    (
        "glossary-zh-hant-number",
        lambda s: s.append(s.glossary, "  zh_hant: 123\n"),
        Error("glossary", 6, "'zh_hant' in a term must be a non-empty string, not a number '123'"),
        ("generate",),
    ),
    (
        "glossary-note-list",
        lambda s: s.append(s.glossary, "  note: [a]\n"),
        Error("glossary", 6, "'note' in a term must be a non-empty string, not a list"),
        ("generate",),
    ),
    (
        "glossary-exception-list",
        lambda s: s.append(s.glossary, "  check: false\n  exception: [a]\n"),
        Error("glossary", 7, "'exception' in a term must be a non-empty string, not a list"),
        ("generate",),
    ),
    (
        "glossary-check-string-false",
        lambda s: s.append(s.glossary, "  check: 'false'\n  exception: depends\n"),
        Error("glossary", 6, "'check' in a term must be true or false (unquoted), not a string 'false'"),
        ("generate",),
    ),
    (
        "glossary-two-terms-keys",
        lambda s: s.append(s.glossary, "terms:\n- id: other\n  zh: 其他\n  en: other\n  category: other\n"),
        Error("glossary", 6, "duplicate key 'terms' in the glossary (first at line 1)"),
        ("generate",),
    ),
    (
        "topic-id-index",
        lambda s: s.replace(s.topics, "  - id: cnc", "  - id: index"),
        Error("topics", 6, "'id' in topic 'index' is reserved"),
        ("generate",),
    ),
    (
        "topic-id-matrix",
        lambda s: s.replace(s.topics, "  - id: cnc", "  - id: matrix"),
        Error("topics", 6, "'matrix' is reserved"),
        ("generate",),
    ),
    (
        "yaml-alias-loop",
        lambda s: s.append(s.meta, "notes_en: &a [x, *a]\n"),
        Error("meta", 14, "YAML aliases (*name) are not allowed"),
        ("generate",),
    ),
    (
        "yaml-billion-laughs",
        lambda s: s.append(s.glossary, "  note: &a x\n- id: b\n  zh: 乙\n  en: B\n  category: other\n  note: *a\n"),
        Error("glossary", 6, "YAML aliases (*name) are not allowed"),
        ("generate",),
    ),
    # Deliveries (translations import).
    (
        "delivery-python-tag",
        _delivery(f"{PLAN}/s1: !!python/object/new:os.system [true]\n"),
        Error("delivery", 1, "is not allowed"),
        ("translations", "import"),
    ),
    (
        "delivery-list-as-key",
        _delivery("? [a, b]\n: {en: x}\n"),
        Error("delivery", 1, "a key in a translation delivery must be plain text, not a list"),
        ("translations", "import"),
    ),
    (
        "delivery-note-list",
        _delivery(f"{PLAN}/s1:\n  en: General requirements\n  note: [a]\n"),
        Error("delivery", 3, "'note' in a delivered entry must be a non-empty string, not a list"),
        ("translations", "import"),
    ),
    (
        "delivery-unknown-block",
        _delivery(f"{PLAN}/s9:\n  en: Nothing\n"),
        Error("delivery", 1, f"no block '{PLAN}/s9' in the current sources"),
        ("translations", "import"),
    ),
    # PO anomalies that used to turn translations silently into "untranslated".
    ("po-empty-file", lambda s: s.po.write_bytes(b""), Error("po", None, "the PO file is empty"), ("generate",)),
    (
        "po-missing-msgctxt",
        lambda s: s.replace(s.po, f'msgctxt "{PLAN}/s1"\n', ""),
        Error("po", lambda s: s.entry_line('msgid "一、总体要求"'), "entry without msgctxt"),
        ("generate",),
    ),
    (
        "po-msgstr-plural-on-singular",
        lambda s: s.replace(s.po, 'msgstr "I. General Requirements"', 'msgstr[0] "I. General Requirements"'),
        Error("po", lambda s: s.entry_line(f'msgctxt "{PLAN}/s1"'), "msgstr[0] on an entry without msgid_plural"),
        ("generate",),
    ),
    (
        "po-unterminated-string",
        lambda s: s.replace(s.po, 'msgstr "I. General Requirements"', 'msgstr "I. General Requirements'),
        Error("po", lambda s: s.line_of(s.po, 'msgstr "I. General Requirements'), "unterminated or badly quoted"),
        ("generate",),
    ),
    (
        "po-wrong-msgctxt",
        lambda s: s.replace(s.po, f'msgctxt "{PLAN}/s1.1/p1"', f'msgctxt "{PLAN}/s1.1/p9"'),
        Clean(_warned_unknown_block),
        ("generate",),
    ),
    (
        "po-heading-newline",
        _heading_newline,
        Error(
            "po", lambda s: s.entry_line(f'msgctxt "{PLAN}/s1"'), f"the English of heading '{PLAN}/s1' has a line break"
        ),
        ("generate",),
    ),
]


@pytest.mark.parametrize(("edit", "expected", "command"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_hostile_input_gets_its_documented_result(space, capsys, edit, expected, command):
    edit(space)
    args = space.args(*command)
    if command[-1] == "import":
        args.append(str(space.delivery))
    status = main(args)
    stderr = capsys.readouterr().err
    assert "Traceback" not in stderr
    if isinstance(expected, Clean):
        assert status == 0, stderr
        expected.check(space, stderr)
        return
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert status == 1 and len(errors) == 1, stderr
    path = getattr(space, expected.file)
    line = expected.line(space) if callable(expected.line) else expected.line
    where = f"error: {path}:{line}: " if line else f"error: {path}: "
    assert errors[0].startswith(where), (errors[0], where)
    assert expected.words in errors[0], errors[0]


def test_rich_markup_in_an_error_is_printed_as_text(space, capsys):
    space.replace(space.meta, "status: issued", MARKUP_STATUS)
    assert main(space.args("generate")) == 1
    stderr = capsys.readouterr().err
    assert MARKUP in stderr


def test_removed_plan_pages_are_cleaned_by_generate(space):
    write_plan(space.sources, "second-plan-2021", TEXT, meta=META.format(title="测试规划", source_file="second.txt"))
    assert main(space.args("generate")) == 0
    assert (space.docs / "plans" / "second-plan-2021" / "index.md").exists()
    shutil.rmtree(space.sources / "second-plan-2021")
    assert main(space.args("generate")) == 0
    assert not (space.docs / "plans" / "second-plan-2021").exists()
    assert (space.docs / "plans" / PLAN / "index.md").exists()


def test_leftovers_of_a_killed_build_are_removed_but_not_those_of_a_running_one(tmp_path):
    from build_tools.site.mkdocs_build import remove_leftovers

    dead, running, old_style = (
        tmp_path / ".site-999999999-abc",
        tmp_path / f".site-{os.getpid()}-abc",
        tmp_path / ".site-x1y2",
    )
    for folder in (dead, running, old_style):
        (folder / "assets").mkdir(parents=True)
    (tmp_path / ".mkdocs-.site-999999999-abc.yml").write_text("INHERIT: x\n", encoding="utf-8")
    remove_leftovers(tmp_path, tmp_path)
    assert not dead.exists() and not old_style.exists() and running.exists()
    assert not (tmp_path / ".mkdocs-.site-999999999-abc.yml").exists()


def test_translations_follow_their_text_through_the_command_line(space, capsys):
    """Delete a paragraph, update, restore it, update: the PO file comes back byte for byte."""
    original_source, original_po = space.source.read_text(encoding="utf-8"), space.po.read_bytes()
    deleted = "到2025年，产值达到100亿元。\n"
    space.replace(space.source, deleted, "")
    assert main(space.args("translations", "update")) == 0
    text = space.po.read_text(encoding="utf-8")
    # The next paragraph moved into the deleted one's id with its own English, not fuzzy.
    entry = text.split(f'msgctxt "{PLAN}/s1.1/p1"\n', 1)[1].split("\n\n", 1)[0]
    assert 'msgid "本段说明发展方向。"' in entry and "This paragraph states" in entry
    assert "fuzzy" not in text.split(f'msgctxt "{PLAN}/s1.1/p1"', 1)[0].rsplit("\n\n", 1)[1]
    assert '#~ msgstr "By 2025, output will reach 10 billion yuan."' in text
    space.source.write_text(original_source, encoding="utf-8")
    assert main(space.args("translations", "update")) == 0
    assert space.po.read_bytes() == original_po
    assert "Traceback" not in capsys.readouterr().err
