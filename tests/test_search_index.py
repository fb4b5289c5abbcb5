"""The search index as built: analysis vectors (shared with search.js), what is and is not indexed, layout."""

from __future__ import annotations

import pytest
import yaml

from build_tools.core.config import ROOT, BuildConfig
from build_tools.search.documents import search_docs, traditional
from build_tools.search.hant_map import traditional_map
from build_tools.search.index import CHUNK, build_index, payload_of
from build_tools.search.text import name_term, query_groups, shard_of, stem
from build_tools.sources.search_words import load_stopwords

STOPWORDS = load_stopwords(BuildConfig().stopwords)
VECTORS = yaml.safe_load((ROOT / "tests" / "data" / "search_analysis.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("word", "expected"), VECTORS["stem"].items())
def test_stem(word, expected):
    assert stem(word) == expected


@pytest.mark.parametrize(("query", "expected"), VECTORS["query_groups"].items())
def test_query_groups(query, expected):
    assert query_groups(query, STOPWORDS) == expected


@pytest.mark.parametrize(("text", "expected"), VECTORS["fnv1a"].items())
def test_term_hash_is_fnv1a(text, expected):
    assert shard_of(text, 2**32) == expected


@pytest.mark.parametrize(("name", "key"), VECTORS["name_key"].items())
def test_name_term_hashes_the_analysed_name(name, key):
    assert name_term(name, STOPWORDS) == f"={shard_of(key, 2**32):08x}"
    assert name_term("the", STOPWORDS) == ""  # nothing left to match


@pytest.fixture(scope="module")
def docs(edition):
    return search_docs(edition)


def test_traditional_queries_map_to_the_simplified_index(edition):
    mapping = traditional_map(edition)
    for hant, hans in VECTORS["traditional"].items():
        assert "".join(mapping.get(character, character) for character in hant) == hans


def test_one_entry_per_paragraph_no_copies(edition, docs):
    blocks = [doc for doc in docs if doc.kind in ("paragraph", "heading")]
    keys = [(doc.page, doc.anchor) for doc in blocks]
    assert len(keys) == len(set(keys))
    assert len(blocks) == sum(1 for plan in edition.plans for block in plan.blocks if block.kind != "title")
    assert not any(doc.page.startswith(("topics/", "timeline")) for doc in blocks)  # topic pages copy paragraphs
    # A paragraph is indexed by its Simplified text and English only: no Traditional copy, no cite string.
    texts = {f"{text.label_hans}{text.zh_hans}" for text in edition.bilingual.blocks.values()}
    assert all(doc.zh in texts for doc in blocks if doc.kind == "paragraph")
    assert not any("¶" in doc.zh + doc.en for doc in blocks)


def test_glossary_terms_link_to_their_entry(docs):
    first_set = next(doc for doc in docs if doc.kind == "term" and doc.names[0] == "首台（套）")
    assert (first_set.page, first_set.anchor) == ("glossary", "g-first-set")


def test_layout_shards_postings_and_chunks_stored_fields(docs, edition):
    index = build_index(docs, traditional_map(edition), edition.search_stopwords)
    manifest = payload_of(index.files["index.js"])["manifest"]
    shards = [name for name in index.files if name.startswith("p/")]
    chunks = [name for name in index.files if name.startswith("d/")]
    assert len(shards) == manifest["shards"] > 1
    assert len(chunks) == -(-len(docs) // CHUNK)
    postings = payload_of(index.files[f"p/{shard_of('机床', manifest['shards'])}.js"])["postings"]
    assert "机床" in postings
    stored = payload_of(index.files["d/0.js"])["docs"]
    assert [row[1] for row in stored[:2]] == [f"topics/{topic.id}" for topic in edition.taxonomy.topics[:2]]


def decode_numbers(encoded: str) -> list[int]:
    """The variable-length base-32 numbers of index.py, read back (search.js reads them the same way)."""
    from build_tools.search.index import CONTINUE, FINAL

    numbers, value = [], 0
    for character in encoded:
        if character in CONTINUE:
            value = value * 32 + CONTINUE.index(character)
        else:
            numbers.append(value * 32 + FINAL.index(character))
            value = 0
    return numbers


def test_facets_give_every_documents_plan_kind_and_targets(docs, edition):
    """The results page counts and filters hits from facets.js alone: it must place every document right."""
    index = build_index(docs, traditional_map(edition), edition.search_stopwords)
    facets = payload_of(index.files["facets.js"])["facets"]
    kind_of = {number: kind for kind, first, end in facets["kinds"] for number in range(first, end)}
    assert [kind_of[number] for number in range(len(docs))] == [
        "text" if doc.kind in ("heading", "paragraph") else doc.kind for doc in docs
    ]
    plan_of = {
        number: plan
        for plan, ranges in facets["plans"]
        for first, end in zip(ranges[::2], ranges[1::2], strict=True)
        for number in range(first, end)
    }
    for number, doc in enumerate(docs):
        expected = doc.page.split("/")[1] if doc.kind in ("heading", "paragraph", "plan") else None
        assert plan_of.get(number) == expected, doc
    assert [plan for plan, _ in facets["plans"]] == [plan.meta.id for plan in edition.plans]
    targets = set()
    for delta in decode_numbers(facets["targets"]):
        targets.add(delta + max(targets, default=0))
    with_targets = {target.block_id for target in edition.targets}
    assert {docs[number].block for number in targets} == with_targets
    assert all(docs[number].kind == "paragraph" for number in targets)


def test_paragraphs_store_their_block_id(docs, edition):
    """A hit shows its ¶ id; the anchor the browser makes from it is the block's own."""
    index = build_index(docs, traditional_map(edition), edition.search_stopwords)
    number, doc = next((n, d) for n, d in enumerate(docs) if d.kind == "paragraph")
    row = payload_of(index.files[f"d/{number // CHUNK}.js"])["docs"][number % CHUNK]
    block = next(block for plan in edition.plans for block in plan.blocks if block.id == doc.block)
    assert f"{doc.page.split('/')[1]}/{row[2]}" == block.id
    assert row[2].replace("/", "-").replace(".", "-") == block.anchor


@pytest.mark.parametrize(
    ("hans", "hant", "stored"),
    [
        ("发展数控机床。", "發展數控機床。", "發展數控機床。"),  # one for one: stored, marks fall in place
        ("2025年", "2025年", ""),  # reads alike: nothing stored, the Simplified is shown
        ("发展数控机床。", "發展數控機床", None),  # a character lost: not aligned
        ("机床，发展", "機床發，展", None),  # same length, punctuation moved: not aligned
    ],
)
def test_traditional_text_is_stored_only_when_it_aligns(hans, hant, stored):
    assert traditional(hans, hant) == stored


def test_every_block_of_the_edition_has_its_aligned_traditional_text(docs, edition):
    blocks = [doc for doc in docs if doc.kind == "paragraph"]
    assert blocks and all(doc.hant is not None for doc in blocks)
    cnc = next(doc for doc in blocks if doc.block == "henan-equipment-2017/s3.3.2/p1")
    assert cnc.hant == edition.bilingual.blocks[cnc.block].label_hant + edition.bilingual.blocks[cnc.block].zh_hant
    assert "數控機床" in cnc.hant


def test_traditional_text_is_a_chunk_of_its_own(docs, edition):
    index = build_index(docs, {}, edition.search_stopwords)
    hant = [name for name in index.files if name.startswith("d-hant/")]
    assert len(hant) == len([name for name in index.files if name.startswith("d/")])
    first = payload_of(index.files["d-hant/0.js"])
    assert first["hantChunk"] == 0 and len(first["docs"]) == CHUNK
