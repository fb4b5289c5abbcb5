"""Industry topics: taxonomy validation, matching rules, and precision/recall against hand labels."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from build_tools.core.config import ROOT
from build_tools.core.errors import InputError
from build_tools.enrich.topics import tag_block, tag_edition, topics_of
from build_tools.model import Group, Taxonomy, Topic, TopicMatch
from build_tools.sources.topics import load_taxonomy

TOPICS_YML = ROOT / "topics" / "topics.yml"
LABELS_YML = Path(__file__).parent / "data" / "topic_labels.yml"
PLAN_IDS = (
    "china-machinery-2021",
    "guangdong-high-end-equipment-2021",
    "guangdong-machinery-2005",
    "henan-equipment-2017",
    "shanxi-equipment-2011",
)

# Topics allowed to match no block of the real edition (each with the reason). Empty today: every
# topic in topics.yml was chosen from the five plans, so a topic that stops matching is a regression.
ALLOWED_EMPTY: frozenset[str] = frozenset()

MIN_PRECISION = 0.9
MIN_RECALL = 0.7


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy(TOPICS_YML)


def small_taxonomy(*topics: Topic) -> Taxonomy:
    return Taxonomy(groups=(Group("g", "组", "Group"),), topics=topics)


def topic(topic_id: str, terms: tuple[str, ...], exclude: tuple[str, ...] = ()) -> Topic:
    return Topic(topic_id, "g", topic_id, topic_id, "", "", terms, exclude)


# ---------------------------------------------------------------------------------------- validation

VALID = """\
groups:
  - id: energy
    zh: 能源
    en: Energy
topics:
  - id: wind
    group: energy
    zh: 风电
    en: Wind
    scope_zh: 风电装备
    scope_en: Wind power equipment
    terms: [风电, 风能]
    exclude: [风电机组厂房]
"""

SECOND_TOPIC = """\
  - id: {id}
    group: {group}
    zh: 另一个
    en: Another
    scope_zh: 范围
    scope_en: Scope
    terms: [{terms}]
"""


def with_topic(topic_id: str = "solar", group: str = "energy", terms: str = "光伏") -> str:
    return VALID + SECOND_TOPIC.format(id=topic_id, group=group, terms=terms)


BAD_TAXONOMIES = [
    # (case, text, expected line, words the message must contain)
    ("duplicate topic id", with_topic(topic_id="wind"), 14, "duplicate topic id 'wind'"),
    (
        "duplicate group id",
        VALID.replace("topics:", "  - id: energy\n    zh: 重复\n    en: Again\ntopics:"),
        5,
        "duplicate group",
    ),
    ("unknown group", with_topic(group="transport"), 15, "unknown group 'transport'"),
    ("unknown key", VALID.replace("    scope_en:", "    colour: red\n    scope_en:"), 11, "unknown key 'colour'"),
    ("missing key", VALID.replace("    scope_zh: 风电装备\n", ""), 6, "missing required key 'scope_zh'"),
    ("missing top-level key", VALID.split("topics:")[0], 1, "missing required key 'topics'"),
    ("empty terms", VALID.replace("[风电, 风能]", "[]"), 12, "no terms"),
    ("duplicate term", VALID.replace("[风电, 风能]", "[风电, 风电]"), 12, "duplicate entry '风电'"),
    ("term not a string", VALID.replace("[风电, 风能]", "[风电, 42]"), 12, "non-empty string"),
    ("terms not a list", VALID.replace("[风电, 风能]", "风电"), 12, "must be a list"),
    ("zh not a string", VALID.replace("zh: 风电\n", "zh: [风电]\n"), 8, "'zh' in topic must be a non-empty string"),
    ("bad id", with_topic(topic_id="Solar_PV"), 14, "lowercase ascii"),
    ("useless exclusion", VALID.replace("[风电机组厂房]", "[海上风机]"), 13, "contains none of its terms"),
    ("duplicate key", VALID.replace("    en: Wind\n", "    en: Wind\n    en: Wind again\n"), 10, "duplicate key 'en'"),
    ("invalid yaml", VALID.replace("[风电, 风能]", "[风电, 风能"), None, "invalid YAML"),
]


@pytest.mark.parametrize(
    ("text", "line", "words"), [case[1:] for case in BAD_TAXONOMIES], ids=[c[0] for c in BAD_TAXONOMIES]
)
def test_bad_taxonomy_is_reported_with_file_and_line(tmp_path: Path, text: str, line: int | None, words: str) -> None:
    path = tmp_path / "topics.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_taxonomy(path)
    assert caught.value.path == path
    assert words in caught.value.message
    if line is not None:
        assert caught.value.line == line
        assert str(caught.value).startswith(f"{path}:{line}: ")
    else:
        assert caught.value.line  # the parser's own mark


def test_valid_taxonomy_loads_into_frozen_dataclasses(tmp_path: Path) -> None:
    path = tmp_path / "topics.yml"
    path.write_text(with_topic(), encoding="utf-8")
    loaded = load_taxonomy(path)
    assert loaded.groups == (Group("energy", "能源", "Energy"),)
    assert [t.id for t in loaded.topics] == ["wind", "solar"]
    assert loaded.topic("wind").terms == ("风电", "风能")
    assert loaded.topic("wind").exclude == ("风电机组厂房",)
    assert loaded.topic("solar").exclude == ()
    with pytest.raises(AttributeError):
        loaded.topic("wind").terms = ()  # type: ignore[misc]


def test_real_taxonomy_loads(taxonomy: Taxonomy) -> None:
    assert len(taxonomy.topics) >= 40
    assert {t.group for t in taxonomy.topics} == {g.id for g in taxonomy.groups}


# ---------------------------------------------------------------------------------------- matching


def test_exclusion_cancels_only_the_hit_inside_it() -> None:
    satellites = small_taxonomy(topic("satellites", ("卫星",), ("卫星城",)))
    assert tag_block("建设卫星城和新城。", satellites) == ()
    hits = tag_block("卫星城旁建设卫星产业园。", satellites)
    assert hits == (TopicMatch("satellites", "卫星", 6, 8),)


def test_longest_term_wins_at_a_position_and_hits_do_not_overlap() -> None:
    tools = small_taxonomy(topic("cnc", ("机床", "数控机床", "数控")))
    text = "发展高档数控机床和数控系统，机床工具。"
    hits = tag_block(text, tools)
    assert [(m.term, text[m.start : m.end]) for m in hits] == [
        ("数控机床", "数控机床"),
        ("数控", "数控"),
        ("机床", "机床"),
    ]
    assert all(a.end <= b.start for a, b in zip(hits, hits[1:], strict=False))


def test_a_topic_is_listed_once_per_block_in_taxonomy_order() -> None:
    taxonomy = small_taxonomy(topic("a", ("甲",)), topic("b", ("乙",)))
    hits = tag_block("乙甲乙甲", taxonomy)
    assert len(hits) == 4
    assert topics_of(hits, taxonomy) == ("a", "b")


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("突破关键核心技术，培育核心竞争力。", "nuclear-power-equipment", None),
        ("发展核电设备和核级密封件。", None, "nuclear-power-equipment"),
        ("与国机集团、国家电网合作。", "household-appliances", None),
        ("家用电器工业和家电产品。", None, "household-appliances"),
        ("降低遭受反倾销的风险，增强抗风险能力。", "wind-power-equipment", None),
        ("省财政厅、农业厅等按职责分工负责。", "agricultural-machinery", None),
        ("建设卫星城。", "satellites-and-applications", None),
        ("打造装备制造“航空母舰”。", "aviation", None),
        ("风电机组和发电机。", "electric-motors", "wind-power-equipment"),
    ],
)
def test_real_taxonomy_traps(taxonomy: Taxonomy, text: str, absent: str | None, present: str | None) -> None:
    found = topics_of(tag_block(text, taxonomy), taxonomy)
    if absent:
        assert absent not in found
    if present:
        assert present in found


def test_matches_point_at_the_term_in_the_display_text(edition, taxonomy: Taxonomy) -> None:
    index = tag_edition(edition.plans, taxonomy)
    blocks = {block.id: block for plan in edition.plans for block in plan.blocks}
    for block_id, matches in index.matches.items():
        for match in matches:
            assert blocks[block_id].display[match.start : match.end] == match.term


# ---------------------------------------------------------------------------------------- edition index


def test_index_counts_are_consistent(edition, taxonomy: Taxonomy) -> None:
    index = tag_edition(edition.plans, taxonomy)
    assert index.topic_ids == tuple(t.id for t in taxonomy.topics)
    for topic_id in index.topic_ids:
        blocks = index.blocks_of(topic_id)
        assert index.block_counts[topic_id] == len(blocks)
        assert index.plan_counts[topic_id] == len({block_id.split("/")[0] for block_id in blocks})
        per_plan = sum(count for (t, _), count in index.plan_block_counts.items() if t == topic_id)
        assert per_plan == len(blocks)
        assert all(topic_id in index.topics_of(block_id) for block_id in blocks)
    assert index.topics_of("no-such-plan/s1") == ()


def test_index_is_deterministic_and_headings_count(edition, taxonomy: Taxonomy) -> None:
    first, second = tag_edition(edition.plans, taxonomy), tag_edition(edition.plans, taxonomy)
    assert list(first.block_topics.items()) == list(second.block_topics.items())
    assert list(first.plan_block_counts) == list(second.plan_block_counts)
    # a heading that names an industry is a block of that topic
    assert "tunnel-boring-machines" in first.topics_of("henan-equipment-2017/s2.1.2")


def test_every_topic_matches_a_real_block(edition, taxonomy: Taxonomy) -> None:
    index = tag_edition(edition.plans, taxonomy)
    empty = {topic_id for topic_id, count in index.block_counts.items() if count == 0}
    assert empty <= ALLOWED_EMPTY, f"topics matching no block: {sorted(empty - ALLOWED_EMPTY)}"
    assert set(index.topic_ids) >= ALLOWED_EMPTY, "ALLOWED_EMPTY names a topic that does not exist"


# ---------------------------------------------------------------------------------------- labelled set


def load_labels() -> list[dict]:
    return yaml.safe_load(LABELS_YML.read_text(encoding="utf-8"))


def test_labelled_set_is_well_formed(edition, taxonomy: Taxonomy) -> None:
    labels = load_labels()
    block_ids = {block.id for plan in edition.plans for block in plan.blocks}
    topic_ids = {t.id for t in taxonomy.topics}
    assert len(labels) >= 70
    assert len({entry["block"] for entry in labels}) == len(labels), "a block is labelled twice"
    for plan_id in PLAN_IDS:
        assert sum(entry["block"].startswith(f"{plan_id}/") for entry in labels) >= 10, plan_id
    for entry in labels:
        assert entry["block"] in block_ids, entry["block"]
        assert set(entry["topics"]) <= topic_ids, entry
    assert any(not entry["topics"] for entry in labels), "no negative examples"
    assert any(len(entry["topics"]) >= 3 for entry in labels), "no multi-topic examples"


def test_precision_and_recall_on_labelled_blocks(edition, taxonomy: Taxonomy) -> None:
    """Micro-averaged over (block, topic) pairs."""
    index = tag_edition(edition.plans, taxonomy)
    labels = load_labels()
    expected = {(entry["block"], t) for entry in labels for t in entry["topics"]}
    predicted = {(entry["block"], t) for entry in labels for t in index.topics_of(entry["block"])}
    true_positives = len(expected & predicted)
    precision = true_positives / len(predicted) if predicted else 1.0
    recall = true_positives / len(expected) if expected else 1.0
    print(f"\ntopic tagger: precision={precision:.3f} recall={recall:.3f} on {len(labels)} labelled blocks")
    for block_id, topic_id in sorted(predicted - expected):
        print(f"  false positive: {block_id} {topic_id}")
    for block_id, topic_id in sorted(expected - predicted):
        print(f"  missed: {block_id} {topic_id}")
    assert precision >= MIN_PRECISION
    assert recall >= MIN_RECALL
