"""Hostile and careless inputs, round 3 (issue 32): paths that escape, outputs that forge, entries that
vanish or lie, costs that explode, two builds at once, tracebacks.

The cases run the command line in-process on the small workspace of tests/test_hostile_inputs.py, as
its table does: exit 1 with exactly one ``error:`` line naming the file, the line and what was wrong,
or a clean run whose output is checked. Each class has variants beyond the issue's examples.
"""

from __future__ import annotations

import csv
import fcntl
import json
import os
import re
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from build_tools.cli import main
from build_tools.core.config import ROOT, BuildConfig
from build_tools.core.errors import InputError
from build_tools.present.citation import Citation
from build_tools.sources.across import load_similarity_rules
from build_tools.sources.target_english import load_target_words
from tests.test_hostile_inputs import PLAN, Workspace, pristine  # noqa: F401 (the shared workspace fixture)

OUTSIDE_TEXT = "OUTSIDE-SECRET-LINE"


class Space(Workspace):
    @property
    def opencc(self) -> Path:
        return self.root / "translations" / "opencc" / "s2tw-edition.json"

    @property
    def traditional(self) -> Path:
        return self.root / "translations" / "traditional.yml"

    @property
    def mkdocs(self) -> Path:
        return ROOT / "mkdocs.yml"

    def outside(self, name: str = "outside.txt") -> Path:
        """A file beside the workspace (outside every input folder) whose text must never be read."""
        path = self.root.parent / name
        path.write_text(f"{OUTSIDE_TEXT}\t{OUTSIDE_TEXT}\n", encoding="utf-8")
        return path


@pytest.fixture
def hostile(pristine, tmp_path) -> Space:  # noqa: F811 (the imported fixture)
    """A copy of round 2's valid workspace (its ``pristine`` fixture) to edit."""
    shutil.copytree(pristine, tmp_path / "w")
    return Space(tmp_path / "w")


@dataclass(frozen=True)
class Error:
    file: str
    line: int | Callable[[Space], int] | None
    words: str


@dataclass(frozen=True)
class Clean:
    check: Callable[[Space, str], None]


def _dictionary(name: Callable[[Space], str]) -> Callable[[Space], None]:
    """Point the first dictionary of the project OpenCC config at ``name``."""

    def edit(space: Space) -> None:
        space.replace(space.opencc, '"file": "edition-phrases.txt"', f'"file": {json.dumps(name(space))}')

    return edit


def _linked_dictionary(space: Space) -> None:
    link = space.opencc.parent / "linked.txt"
    link.symlink_to(space.outside())
    space.replace(space.opencc, '"file": "edition-phrases.txt"', '"file": "linked.txt"')


def _opencc_line(space: Space) -> int:
    return space.line_of(space.opencc, '"type": "text"') + 1


def _edition_date(date: str) -> Callable[[Space], None]:
    return lambda s: s.replace(s.edition, '"2026-01-01"', f'"{date}"')


def _english(old: str, new: str) -> Callable[[Space], None]:
    return lambda s: s.replace(s.po, old, new)


def _plural(space: Space) -> None:
    space.replace(
        space.po,
        'msgid "本段说明发展方向。"\nmsgstr "This paragraph states the direction of development."',
        'msgid "本段说明发展方向。"\nmsgid_plural "本段说明发展方向。"\n'
        'msgstr[0] "This paragraph states the direction of development."\nmsgstr[1] "These paragraphs"',
    )


def _flagged_figures(figure: str) -> Callable[[Space, str], None]:
    def check(space: Space, stderr: str) -> None:
        line = space.entry_line("By 20")
        assert f"warning: {space.po}:{line}: the English of '{PLAN}/s1.1/p1' does not give the figure(s) {figure}" in (
            stderr
        )
        pages = "".join(page.read_text(encoding="utf-8") for page in (space.docs / "plans" / PLAN).glob("*.md"))
        assert pages.count("needs review: the figures of this translation differ from the Chinese") == 1

    return check


def _source(old: str, new: str) -> Callable[[Space], None]:
    return lambda s: s.replace(s.source, old, new)


def _blocks(space: Space) -> list[dict]:
    data = json.loads((space.docs / "data" / "edition.json").read_text(encoding="utf-8"))
    return data["plans"][0]["blocks"]


def _heading_kept(label: str) -> Callable[[Space, str], None]:
    def check(space: Space, _: str) -> None:
        blocks = [block for block in _blocks(space) if block["zh"].startswith(label) or block.get("label") == label]
        assert blocks and all(block["kind"] == "heading" for block in blocks), blocks
        # the next paragraph stays a paragraph of its own
        assert any(block["zh"] == "本节说明发展方向。" and block["kind"] == "paragraph" for block in _blocks(space))

    return check


def _clean_build_with_figure(space: Space, stderr: str) -> None:
    assert "Traceback" not in stderr
    assert (space.docs / "plans" / PLAN / "index.md").exists()


def _notice_title_reported(space: Space, stderr: str) -> None:
    assert "is not a line of the text: the whole text was read as the notice before the title" in stderr
    assert "no recognizable headings" not in stderr


def _unrelated_title(space: Space) -> None:
    space.replace(space.meta, "title_zh: 测试规划", "title_zh: 完全无关的标题")


FORMULA = 'Develop "CNC", =HYPERLINK("http://x.invalid") \\ </script><!--'


def _exports_round_trip(space: Space, _: str) -> None:
    """CSV and JSON carry the hostile English as data: one field, the same text (quotes doubled, not split)."""
    with (space.docs / "data" / "blocks.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["en"] for row in rows if row["en"].startswith("Develop")] == [FORMULA]
    assert any(block.get("en") == FORMULA for block in _blocks(space)) or FORMULA in json.dumps(
        json.loads((space.docs / "data" / "edition.json").read_text(encoding="utf-8")), ensure_ascii=False
    )


NOTICE = "测试省人民政府关于印发测试规划的通知\n各市人民政府：\n现将规划印发给你们。\n"
HUGE = "1" * 310

CASES: list[tuple[str, Callable[[Space], None], Error | Clean, tuple[str, ...]]] = [
    # Paths that escape the project: refused before anything outside is read.
    (
        "opencc-dictionary-dotdot",
        _dictionary(lambda s: "../" * 12 + "etc/passwd"),
        Error("opencc", _opencc_line, "lies outside opencc/ and OpenCC's own"),
        ("generate",),
    ),
    (
        "opencc-dictionary-absolute",
        _dictionary(lambda s: str(s.outside())),
        Error("opencc", _opencc_line, "lies outside opencc/ and OpenCC's own"),
        ("generate",),
    ),
    (
        "opencc-dictionary-symlink-out",
        _linked_dictionary,
        Error("opencc", _opencc_line, "lies outside opencc/ and OpenCC's own"),
        ("generate",),
    ),
    (
        "opencc-dictionary-in-then-out",
        _dictionary(lambda s: f"../opencc/../../../{s.outside().name}"),
        Error("opencc", _opencc_line, "lies outside"),
        ("generate",),
    ),
    (
        "traditional-config-dotdot",
        lambda s: s.replace(s.traditional, "opencc_config: opencc/s2tw-edition.json", "opencc_config: ../../x.json"),
        Error("traditional", lambda s: s.line_of(s.traditional, "opencc_config:"), "lies outside translations/"),
        ("generate",),
    ),
    (
        "traditional-config-absolute",
        lambda s: s.replace(
            s.traditional, "opencc_config: opencc/s2tw-edition.json", f"opencc_config: {s.root.parent}/x.json"
        ),
        Error("traditional", lambda s: s.line_of(s.traditional, "opencc_config:"), "lies outside translations/"),
        ("generate",),
    ),
    # Outputs that forge: one-line fields refuse line breaks (they would start a second RIS record).
    (
        "meta-title-en-newline",
        lambda s: s.replace(s.meta, "title_en: A Test Plan", 'title_en: "A Test Plan\\nER  -\\nTY  - GEN"'),
        Error("meta", 2, "'title_en' must be one line"),
        ("generate",),
    ),
    (
        "meta-issuer-en-literal-block",
        lambda s: s.replace(s.meta, "issuer_en: Test Issuer", "issuer_en: |\n  Test\n  Issuer"),
        Error("meta", 4, "'issuer_en' must be one line"),
        ("generate",),
    ),
    (
        "meta-region-carriage-return",
        lambda s: s.replace(s.meta, "region_en: Testland", 'region_en: "Test\\rland"'),
        Error("meta", 10, "'region_en' must be one line"),
        ("generate",),
    ),
    (
        "edition-title-newline",
        lambda s: s.replace(s.edition, "title_en: Test edition", 'title_en: "Test\\r\\nedition"'),
        Error("edition", 2, "'title_en' must be one line"),
        ("generate",),
    ),
    # Entries that vanish or lie.
    ("po-plural-entry", _plural, Error("po", lambda s: s.entry_line("msgid_plural"), "plural forms"), ("generate",)),
    (
        "po-plural-entry-update",
        _plural,
        Error("po", lambda s: s.entry_line("msgid_plural"), "plural forms"),
        ("translations", "update"),
    ),
    (
        "po-year-changed",
        _english("By 2025, output", "By 2026, output"),
        Clean(_flagged_figures("2025")),
        ("generate",),
    ),
    (
        "po-amount-changed",
        _english("reach 10 billion yuan", "reach 12 billion yuan"),
        Clean(_flagged_figures("100亿")),
        ("generate",),
    ),
    (
        "meta-date-after-period",
        lambda s: s.replace(s.meta, 'date: "2020-01-02"', 'date: "2099-01-02"'),
        Error("meta", 5, "does not fit the period 2020–2025"),
        ("generate",),
    ),
    (
        "meta-date-long-before-period",
        lambda s: s.replace(s.meta, 'date: "2020-01-02"', 'date: "1990"'),
        Error("meta", 5, "does not fit the period 2020–2025"),
        ("generate",),
    ),
    (
        "edition-date-before-plan-year",
        _edition_date("2019"),
        Error("edition", 3, f"'edition_date' '2019' lies before {PLAN}'s issue date '2020-01-02'"),
        ("generate",),
    ),
    (
        "edition-date-before-plan-day",
        _edition_date("2020-01-01"),
        Error("edition", 3, "lies before"),
        ("generate",),
    ),
    (
        "heading-section-label",
        _source("（一）发展数控机床。", "第一节 发展数控机床\n本节说明发展方向。"),
        Clean(_heading_kept("第一节")),
        ("generate",),
    ),
    (
        "heading-article-label",
        _source("（一）发展数控机床。", "第3条 发展数控机床\n本节说明发展方向。"),
        Clean(_heading_kept("第3条")),
        ("generate",),
    ),
    (
        "title-one-character-off-after-notice",
        lambda s: (s.replace(s.meta, "title_zh: 测试规划", "title_zh: 测试计划"), _source("测试规划\n", NOTICE)(s)),
        Clean(_notice_title_reported),
        ("generate",),
    ),
    (
        "title-not-in-text-after-notice",
        lambda s: (_unrelated_title(s), _source("测试规划\n", NOTICE)(s)),
        Clean(_notice_title_reported),
        ("generate",),
    ),
    (
        "po-english-csv-json-syntax",
        _english('msgstr "(I) Develop CNC machine tools."', "msgstr " + json.dumps(FORMULA)),
        Clean(_exports_round_trip),
        ("generate",),
    ),
    # Costs that explode: numbers of any length.
    ("figure-310-digits", _source("100亿元", f"{HUGE}亿元"), Clean(_clean_build_with_figure), ("generate",)),
    (
        "figure-10000-digits-comparison",
        _source("本段说明发展方向。", "1" * 10_000 + "亿元，增速高于" + "2" * 10_000 + "水平。"),
        Clean(_clean_build_with_figure),
        ("generate",),
    ),
    (
        "chapter-5000-digits",
        _source("二、保障措施", "第" + "9" * 5000 + "章 保障措施"),
        Clean(_clean_build_with_figure),
        ("generate",),
    ),
    (
        "meta-horizon-5000-digits",
        lambda s: s.append(s.meta, "horizon: " + "9" * 5000 + "\n"),
        Error("meta", 14, "'horizon' must be a whole number from 1949 to 2100, not a number of 5000 digits"),
        ("generate",),
    ),
    (
        "meta-period-negative-huge",
        lambda s: s.replace(s.meta, "period: [2020, 2025]", "period: [-" + "1" * 40 + ", 2025]"),
        Error("meta", 6, "not a number of 40 digits"),
        ("generate",),
    ),
    # Tracebacks: over-long ids, messages printed as text.
    (
        "plan-id-250-characters",
        lambda s: (s.sources / PLAN).rename(s.sources / ("a" * 250)),
        Error("sources", None, "must be lowercase ascii words joined by hyphens, at most 64 characters"),
        ("generate",),
    ),
    (
        "status-emoji-code",
        lambda s: s.replace(s.meta, "status: issued", 'status: "final :x:"'),
        Error("meta", 7, "'status' must be one of issued, draft, internal, not 'final :x:'"),
        ("generate",),
    ),
]


def _run(space: Space, command: tuple[str, ...], capsys) -> tuple[int, str]:
    status = main(space.args(*command))
    stderr = capsys.readouterr().err
    assert "Traceback" not in stderr
    return status, stderr


@pytest.mark.parametrize(("edit", "expected", "command"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_hostile_input_gets_its_documented_result(hostile, capsys, edit, expected, command):
    edit(hostile)
    before = hostile.po.read_bytes()
    status, stderr = _run(hostile, command, capsys)
    assert OUTSIDE_TEXT not in stderr
    if isinstance(expected, Clean):
        assert status == 0, stderr
        expected.check(hostile, stderr)
        return
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert status == 1 and len(errors) == 1, stderr
    path = getattr(hostile, expected.file)
    if expected.file == "sources":
        path = path / ("a" * 250)
    line = expected.line(hostile) if callable(expected.line) else expected.line
    where = f"error: {path}:{line}: " if line else f"error: {path}: "
    assert errors[0].startswith(where), (errors[0], where)
    assert expected.words in errors[0], errors[0]
    # a refused input changes nothing: `translations update` never rewrites (or empties) the store
    assert hostile.po.read_bytes() == before


# ---------------------------------------------------------------- outputs that forge: site_url


@pytest.mark.parametrize(
    "address",
    [
        'https://x.example/"><script>alert(1)</script>/',
        "https://x.example/a b/",
        "https://x.example/\nTY  - GEN",
        "https://x.example/<svg>",
        "https://x.example/\x07",
        "https://x.example/`x`",
        "javascript:alert(1)//",
        "//x.example/",
    ],
)
def test_a_forged_site_url_from_the_environment_is_refused_naming_it(hostile, capsys, monkeypatch, address):
    monkeypatch.setenv("SITE_URL", address)
    status, stderr = _run(hostile, ("generate",), capsys)
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert status == 1 and len(errors) == 1, stderr
    line = hostile.line_of(hostile.mkdocs, "site_url:")
    assert errors[0].startswith(f"error: {hostile.mkdocs}:{line}: the environment variable SITE_URL must be"), errors
    assert not (hostile.docs / "plans").exists()


def test_a_forged_site_url_in_mkdocs_yml_is_refused_naming_the_file(tmp_path):
    from build_tools.sources.site_address import read_site_url

    config = tmp_path / "mkdocs.yml"
    config.write_text('site_name: x\nsite_url: "https://x.example/\\"onmouseover=alert(1)"\n', encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_site_url(config)
    assert str(raised.value).startswith(f"{config}:2: site_url must be an http(s) address")
    config.write_text("site_name: x\nsite_url: https://x.example/ok\n", encoding="utf-8")
    assert read_site_url(config) == "https://x.example/ok/"


HOSTILE_FIELDS = [
    "Title\nER  - \nTY  - GEN\nTI  - Forged",
    "Title\r\nER  - ",
    "Title\u2028ER  - ",
    "Title\x0bER  - ",
    "Title} @misc{forged, title={x",
]


@pytest.mark.parametrize("value", HOSTILE_FIELDS)
def test_citation_formats_keep_every_field_on_its_line(value):
    """Defence in depth behind the schema: whatever reaches a citation stays one field of one record."""
    cite = Citation(
        issuer_zh="机构", issuer_en=value, title_zh="规划", title_en=value, date="2020-01-02", section_zh="",
        section_en=value, block_id="p/s1/p1", edition_zh="版", edition_en=value, edition_date="2026-01-01",
        url="https://x.example/p/", plan_id="p",
    )  # fmt: skip
    ris = cite.ris()
    lines = ris.splitlines()
    assert all(re.match(r"^[A-Z][A-Z0-9]  - ", line) for line in lines), ris
    assert [line[:2] for line in lines].count("TY") == 1 and lines[-1] == "ER  - "
    assert ris.count("\n") == len(lines) and "\r" not in ris and "\u2028" not in ris
    bibtex = cite.bibtex()
    assert bibtex.count("@misc{") == 1
    body = bibtex.split("\n")[1:-2]
    assert all(re.match(r"^  [a-z]+ = \{", line) for line in body), bibtex
    assert json.loads(cite.csl_json())[0]["title"] == value


# ---------------------------------------------------------------- entries that lie: range checks


@pytest.mark.parametrize(
    ("factor", "words"),
    [("0", "must be a number greater than 0"), ("-1000", "greater than 0"), (".nan", "greater than 0"),
     ("1" * 400, "not a number of 400 characters")],
)  # fmt: skip
def test_a_unit_factor_out_of_range_is_refused(tmp_path, factor, words):
    words_file = tmp_path / "target_words.yml"
    words_file.write_text(f"units:\n  亿元: {{factor: {factor}, en: yuan}}\nqualifiers:\n  以上: or more\n", "utf-8")
    with pytest.raises(InputError) as raised:
        load_target_words(words_file)
    assert str(raised.value).startswith(f"{words_file}:2: ") and words in str(raised.value)


SIMILARITY = {"shingle": "3", "min_chars": "8", "threshold": "0.55", "max_per_clause": "6"}


@pytest.mark.parametrize(
    ("key", "value"),
    [("threshold", "7"), ("threshold", "0"), ("threshold", "-0.5"), ("shingle", "0"), ("shingle", "500"),
     ("max_per_clause", "10000000"), ("min_chars", "99999999")],
)  # fmt: skip
def test_a_shared_wording_setting_out_of_range_is_refused(tmp_path, key, value):
    settings = tmp_path / "similarity.yml"
    settings.write_text("".join(f"{k}: {value if k == key else v}\n" for k, v in SIMILARITY.items()), "utf-8")
    with pytest.raises(InputError) as raised:
        load_similarity_rules(settings)
    line = list(SIMILARITY).index(key) + 1
    assert str(raised.value).startswith(f"{settings}:{line}: '{key}' must be"), raised.value
    settings.write_text("".join(f"{k}: {v}\n" for k, v in SIMILARITY.items()), "utf-8")
    assert load_similarity_rules(settings).threshold == 0.55


# ---------------------------------------------------------------- output folders


@pytest.mark.parametrize(
    ("docs", "words"),
    [
        (lambda s: s.sources, "--docs must be apart from the inputs: it overlaps --sources"),
        (lambda s: s.sources / "docs", "it overlaps --sources"),
        (lambda s: s.root, "it overlaps --sources"),
        (lambda s: s.root / "translations", "it overlaps --translations"),
        (lambda s: s.glossary, "--docs must name a folder, not a file"),
    ],
)
def test_docs_may_not_be_a_file_or_overlap_the_inputs(hostile, capsys, docs, words):
    folder = docs(hostile)
    listing = sorted(path.name for path in hostile.root.rglob("*"))
    args = hostile.args("generate")
    args[args.index("--docs") + 1] = str(folder)
    status = main(args)
    stderr = capsys.readouterr().err
    assert status == 1 and "Traceback" not in stderr
    assert stderr.startswith(f"error: {folder}: ") and words in stderr, stderr
    assert sorted(path.name for path in hostile.root.rglob("*")) == listing  # nothing written


def test_a_file_where_a_generated_folder_goes_is_one_line(hostile, capsys):
    (hostile.docs / "plans").mkdir(parents=True)
    (hostile.docs / "plans" / PLAN).write_text("not a folder", encoding="utf-8")
    status, stderr = _run(hostile, ("generate",), capsys)
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert status == 1 and len(errors) == 1 and str(hostile.docs / "plans" / PLAN) in errors[0], stderr


@pytest.mark.parametrize(
    ("raised", "words"),
    [
        (OSError(28, "No space left on device", "/full/docs/a.md"), "/full/docs/a.md: No space left on device: free"),
        (OSError(30, "Read-only file system", "/ro/docs/a.md"), "/ro/docs/a.md: Read-only file system: the folder"),
        (OSError(36, "File name too long", "/x/" + "a" * 300), "File name too long"),
        (KeyboardInterrupt(), "interrupted (Ctrl-C)"),
    ],
)
def test_disk_errors_and_ctrl_c_are_one_line(hostile, capsys, monkeypatch, raised, words):
    def fail(*_args, **_kwargs):
        raise raised

    monkeypatch.setattr("build_tools.cli.generate", fail)
    status, stderr = _run(hostile, ("generate",), capsys)
    assert status == (130 if isinstance(raised, KeyboardInterrupt) else 1)
    assert stderr.strip().count("\n") == 0 and stderr.startswith("error: ") and words in stderr, stderr


def test_emoji_codes_and_markup_in_a_message_are_printed_as_written(hostile, capsys):
    hostile.replace(hostile.meta, "status: issued", 'status: "final :x: :smile: [bold]b[/bold]"')
    status, stderr = _run(hostile, ("generate",), capsys)
    assert status == 1
    assert "final :x: :smile: [bold]b[/bold]" in stderr and "\u274c" not in stderr


# ---------------------------------------------------------------- one build at a time


def test_a_second_build_on_the_same_docs_waits_for_the_first(hostile, capsys):
    from build_tools.core.folders import lock_path

    config = BuildConfig(docs=hostile.docs.resolve())
    lock = lock_path(config, hostile.docs.resolve())
    lock.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(lock, os.O_RDWR | os.O_CREAT)
    fcntl.flock(handle, fcntl.LOCK_EX)  # the first build, holding the lock
    result: list[int] = []
    second = threading.Thread(target=lambda: result.append(main(hostile.args("generate"))))
    try:
        second.start()
        time.sleep(1.5)
        assert second.is_alive() and not result  # waiting, not writing
        assert not (hostile.docs / "plans").exists()
    finally:
        os.close(handle)  # the first build ends
    second.join(timeout=120)
    assert result == [0]
    stderr = capsys.readouterr().err
    assert f"waiting: another build is writing {hostile.docs.resolve()}" in stderr
    assert (hostile.docs / "plans" / PLAN / "index.md").exists()


# ---------------------------------------------------------------- costs: linear in the input


@pytest.mark.parametrize("make", [lambda n: "1" * n + "亿元", lambda n: "增速" + "1" * n, lambda n: "差距" + "1" * n])
def test_target_patterns_cost_grows_linearly(make):
    from build_tools.enrich.targets import _comparisons, _gaps

    def cost(size: int) -> float:
        text = make(size)
        started = time.perf_counter()
        _comparisons(text, (0, len(text)))
        _gaps(text, (0, len(text)))
        return time.perf_counter() - started

    small, large = cost(50_000), cost(200_000)
    # Quadratic cost took minutes at 100,000 characters; linear takes milliseconds at four times that.
    assert large < 0.5 and large < 16 * max(small, 1e-3), (small, large)
