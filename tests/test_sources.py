"""The received texts are kept byte for byte; metadata is validated with errors naming file and line."""

from __future__ import annotations

import hashlib

import pytest

from build_tools.core.config import ROOT
from build_tools.core.errors import InputError
from build_tools.sources.discover import plan_folders
from build_tools.sources.load import load_source
from build_tools.sources.meta import load_meta
from tests.conftest import META, SHARED_SOURCES, skip_or_fail_in_ci, write_plan


def test_every_plan_folder_holds_its_received_text_byte_for_byte():
    folders = plan_folders(ROOT / "source_texts")
    assert folders  # how many: one per received text (test_every_received_text_is_used_once)
    for folder in folders:
        meta = load_meta(folder / "meta.yml", folder.name)
        received = SHARED_SOURCES / meta.source_file
        if not received.exists():
            skip_or_fail_in_ci("shared/source_texts not beside the project")
        assert (folder / "source.txt").read_bytes() == received.read_bytes(), folder.name


def test_every_received_text_is_used_once():
    if not SHARED_SOURCES.exists():
        skip_or_fail_in_ci("shared/source_texts not beside the project")
    used = sorted(load_meta(f / "meta.yml", f.name).source_file for f in plan_folders(ROOT / "source_texts"))
    assert used == sorted(path.name for path in SHARED_SOURCES.glob("*.txt"))


def test_source_hash_is_of_the_raw_bytes():
    path = ROOT / "source_texts" / "henan-equipment-2017" / "source.txt"
    assert load_source(path).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


BAD_META = [
    ("unknown-key", META + "colour: red\n", "unknown key 'colour'", 14),
    ("missing-key", META.replace("status: issued\n", ""), "missing required key 'status'", None),
    ("bad-status", META.replace("status: issued", "status: final"), "'status' must be one of", 7),
    ("bad-date", META.replace('date: "2020-01-02"', 'date: "2020/01/02"'), "'date' must be", 5),
    ("backward-period", META.replace("period: [2020, 2025]", "period: [2025, 2020]"), "'period' must be", 6),
    ("period-type", META.replace("period: [2020, 2025]", "period: 2020"), "[first_year, last_year], not a number", 6),
    ("bad-yaml", META.replace("status: issued", "status: [issued"), "invalid YAML", None),
    ("not-a-mapping", "- just\n- a list\n", "must be a mapping", None),
    ("inferred-unknown", META + "inferred:\n  title: guessed\n", "unknown key 'title' in 'inferred' in meta.yml", 15),
    ("inferred-flag", META + "inferred:\n  date: true\n", "'date' in 'inferred' in meta.yml must be", 15),
    ("source-url", META + "source_url: www.gd.gov.cn/x\n", "'source_url' must be an http(s):// address", 14),
    ("retrieved-date", META + "retrieved: 2024-02-30\n", "'retrieved' '2024-02-30': there is no day 30", 14),
    ("number-empty", META + "document_number: ''\n", "'document_number' must be", 14),
]


@pytest.mark.parametrize(("case", "meta", "message", "line"), BAD_META, ids=[case[0] for case in BAD_META])
def test_bad_metadata_is_a_clear_error_naming_file_and_line(tmp_path, case, meta, message, line):
    folder = write_plan(
        tmp_path,
        "test-plan",
        "一、总则\n正文。\n",
        meta=meta.format(title="测试规划", source_file="x.txt") if "{" in meta else meta,
    )
    with pytest.raises(InputError) as raised:
        load_meta(folder / "meta.yml", "test-plan")
    assert message in str(raised.value)
    assert str(folder / "meta.yml") in str(raised.value)
    if line:
        assert raised.value.line == line


def test_provenance_and_inferred_facts_are_read_and_never_made_up(tmp_path):
    extra = (
        "source_url: https://gdii.gd.gov.cn/x.html\ndocument_number: 粤工信规字〔2021〕1号\nretrieved: 2024-03\n"
        "inferred:\n  date: >\n    From the data\n    it cites.\n"
    )
    folder = write_plan(
        tmp_path, "test-plan", "一、总则\n正文。\n", meta=META.format(title="测试规划", source_file="x.txt") + extra
    )
    meta = load_meta(folder / "meta.yml", "test-plan")
    assert (meta.source_url, meta.document_number, meta.retrieved) == (
        "https://gdii.gd.gov.cn/x.html",
        "粤工信规字〔2021〕1号",
        "2024-03",
    )
    assert meta.date_inferred == "From the data it cites." and meta.issuer_inferred == ""
    plain = load_meta(write_plan(tmp_path / "b", "test-plan", "正文。").joinpath("meta.yml"), "test-plan")
    assert (plain.source_url, plain.document_number, plain.retrieved, plain.date_inferred) == ("", "", "", "")


def test_plan_id_must_be_readable(tmp_path):
    folder = write_plan(tmp_path, "Bad_Id", "正文。")
    with pytest.raises(InputError, match="plan id"):
        load_meta(folder / "meta.yml", "Bad_Id")


ENCODINGS = [
    ("utf-8", "utf-8", "一、总则\n第一段正文。\n".encode()),
    ("utf-8-bom", "utf-8-sig", b"\xef\xbb\xbf" + "一、总则\n第一段正文。\n".encode()),
    ("utf-16", "utf-16", "一、总则\r\n第一段正文。\r\n".encode("utf-16")),
    ("gb18030", "gb18030", "一、总则\n第一段正文。\n".encode("gb18030")),
    ("crlf", "utf-8", "一、总则\r\n第一段正文。\r\n".encode()),
    ("cr", "utf-8", "一、总则\r第一段正文。\r".encode()),
]


@pytest.mark.parametrize(("case", "encoding", "raw"), ENCODINGS, ids=[case[0] for case in ENCODINGS])
def test_encodings_and_line_ends_give_the_same_text(tmp_path, case, encoding, raw):
    path = tmp_path / "source.txt"
    path.write_bytes(raw)
    loaded = load_source(path)
    assert loaded.encoding == encoding
    assert loaded.text.rstrip("\n") == "一、总则\n第一段正文。"


@pytest.mark.parametrize(
    ("case", "raw", "message"),
    [
        ("empty", b"", "empty"),
        ("blank", b" \n\n ", "empty"),
        ("binary", b"\x89PNG\x00\x00\x01", "binary"),
        ("undecodable", b"abc\x81\xff\x81\xff", "decode"),
    ],
    ids=["empty", "blank", "binary", "undecodable"],
)
def test_unreadable_sources_are_clear_errors(tmp_path, case, raw, message):
    path = tmp_path / "source.txt"
    path.write_bytes(raw)
    with pytest.raises(InputError, match=message) as raised:
        load_source(path)
    assert str(path) in str(raised.value)


def test_invisible_characters_are_removed_but_visible_text_kept(tmp_path):
    path = tmp_path / "source.txt"
    path.write_text("一、总\u200b则\n正文\ufeff。\x07\n", encoding="utf-8")
    loaded = load_source(path)
    assert loaded.text == "一、总则\n正文。\n"
    assert loaded.removed_invisible == 3


SIMILARITY = "shingle: 3\nmin_chars: 8\n"
PAIRS = "every_pair_up_to: 12\nrules:\n  predecessor: 'yes'\n  national: true\nnational_region_en: National\n"
QUOTED = "quoted: {max_chars: 1, joiners: [], contains_glossary: true, followed_by: [], shift_words: []}\n"


@pytest.mark.parametrize(
    ("name", "content", "line", "message"),
    [
        ("similarity.yml", SIMILARITY + "threshold: high\nmax_per_clause: 6\n", 3,
         "'threshold' must be a number greater than 0"),
        ("similarity.yml", SIMILARITY + "threshold: 0.5\n", 1,
         "missing required key 'max_per_clause'"),
        ("compare.yml", PAIRS, 3, "'predecessor' in rules must be true or false"),
        ("vocabulary.yml", "glossary_categories: [politics]\n" + QUOTED, 1, "must be one of industry"),
        ("targets.yml", "units:\n  亿元: {factor: 0.1, en: billion yuan}\n  万元: {factor: ten, en: yuan}\n", 3,
         "'factor' in a unit must be a number"),
        ("targets.yml", "targets:\n- {block: a/s1/p1, zh: 产值, en: A}\n- {block: a/s1/p1, zh: 产值, en: B}\n", 3,
         "duplicate target a/s1/p1 产值"),
    ],
    ids=["similarity-type", "similarity-missing", "compare-quoted-bool", "vocabulary-category", "unit-factor",
         "target-duplicate"],
)  # fmt: skip
def test_the_rules_files_enrich_reads_are_checked_with_file_and_line(tmp_path, name, content, line, message):
    from build_tools.sources import across, target_english

    loaders = {
        "similarity.yml": across.load_similarity_rules,
        "compare.yml": across.load_pair_rules,
        "vocabulary.yml": across.load_vocabulary_rules,
        "targets.yml": target_english.load_target_english,
    }
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        loaders[name](path)
    assert str(error.value).startswith(f"{path}:{line}: "), str(error.value)
    assert message in str(error.value)
