"""The search index: postings sharded by term hash and stored fields in chunks, as <script>-loaded files.

Layout under docs/search/ (search.js reads it; a first query loads the manifest, the few posting
shards its terms hash to, and the stored-field chunks of its top results — never the whole index):

- ``index.js``: the manifest (counts, shard count, chunk size, stopwords, Traditional→Simplified map);
- ``p/<n>.js``: postings of the terms hashing to shard n: term -> doc ids and BM25 impacts;
- ``d/<n>.js``: stored fields of documents n*CHUNK … (n+1)*CHUNK-1 (url, title, context, text);
- ``d-hant/<n>.js``: the Traditional text of the same documents (SearchDoc.hant), loaded only when the reader
  chose 繁體: a Simplified reader's queries load what they loaded before;
- ``suggest.js``: the names of glossary entries and topics, loaded only when a query finds nothing;
- ``facets.js``: which plan and kind each document is, as id ranges, and the paragraphs stating targets: the
  results page counts and filters every hit with it before loading any stored field (the dialog never loads it).

Files call ``editionSearch.load(...)``: a <script> element loads them under file:// too, where fetch() is blocked.
Scores are computed here (BM25 with a title boost, quantized), so the browser only adds integers.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from build_tools.core.cache import NO_REUSE, Reuse
from build_tools.search.documents import SearchDoc
from build_tools.search.text import index_terms, name_term, shard_of

TITLE_WEIGHT = 3
K1 = 1.2
B = 0.75
IMPACT_SCALE = 2
"""Half BM25 points: nearly every impact fits one base-32 digit."""
CHUNK = 16
"""Documents per stored-field file: a result list of 20 loads at most 20 small files."""
SHARD_BYTES = 24_000
"""Target size of a posting shard; the shard count grows with the corpus, a query's load does not."""

# Variable-length base-32 numbers: continuation digits, then one final digit (JSON-safe characters).
CONTINUE = "0123456789abcdefghijklmnopqrstuv"
FINAL = "ABCDEFGHIJKLMNOPQRSTUVWXYZ@#$%&*"


def encode_number(number: int) -> str:
    digits = [FINAL[number & 31]]
    number >>= 5
    while number:
        digits.append(CONTINUE[number & 31])
        number >>= 5
    return "".join(reversed(digits))


_SMALL = [encode_number(number) for number in range(1024)]  # most deltas and impacts: looked up, not computed


def encode_postings(postings: list[tuple[int, int]]) -> str:
    """Doc ids (delta-coded, ascending) and impacts, alternating."""
    out = []
    previous = 0
    for doc, impact in postings:
        delta = doc - previous
        out.append(_SMALL[delta] if delta < 1024 else encode_number(delta))
        out.append(_SMALL[impact] if impact < 1024 else encode_number(impact))
        previous = doc
    return "".join(out)


@dataclass(frozen=True)
class SearchIndex:
    files: dict[str, str]
    """Path under docs/search/ -> file content."""
    documents: int
    terms: int


CALL = "editionSearch.load("


def _script(payload) -> str:
    return f"{CALL}{json.dumps(payload, ensure_ascii=False, separators=(',', ':'), sort_keys=True)});\n"


def payload_of(script: str) -> dict:
    """The data an index file hands to search.js (for tests and benchmarks)."""
    return json.loads(script.removeprefix(CALL).removesuffix(");\n"))


def doc_terms(doc: SearchDoc, stopwords: frozenset[str]) -> Counter[str]:
    """A document's terms, each with its count (a title's counting TITLE_WEIGHT times)."""
    counts: Counter[str] = Counter(index_terms(f"{doc.zh} {doc.en}", stopwords))
    title = " ".join((doc.title, *(name for name in doc.names if name not in doc.title)))
    for term, count in Counter(index_terms(title, stopwords)).items():
        counts[term] += TITLE_WEIGHT * count
    return counts


def weighted_terms(docs: list[SearchDoc], stopwords: frozenset[str], reuse: Reuse = NO_REUSE) -> list[Counter[str]]:
    """Each document's terms. With ``reuse``, those of a plan's documents (a run of documents of one plan, or of
    none) are kept from a build where the run's indexed text was the same: only an edited plan is analysed."""
    if reuse.store is None:
        return [doc_terms(doc, stopwords) for doc in docs]
    words = tuple(sorted(stopwords))  # sorted: a set's order changes with each process's hash seed
    weighted: list[Counter[str]] = []
    for _, first, end in _runs([doc.plan for doc in docs]):
        run = docs[first:end]
        content = (words, tuple((doc.zh, doc.en, doc.title, doc.names) for doc in run))
        found, _ = reuse.made("search terms", content, lambda run=run: [doc_terms(doc, stopwords) for doc in run])
        weighted.extend(found)
    return weighted


def postings(
    docs: list[SearchDoc], stopwords: frozenset[str], reuse: Reuse = NO_REUSE
) -> dict[str, list[tuple[int, int]]]:
    """term -> [(doc id, impact)], the impact being the term's BM25 score in the doc, times IMPACT_SCALE."""
    weighted = weighted_terms(docs, stopwords, reuse)
    lengths = [sum(counts.values()) for counts in weighted]
    average = sum(lengths) / max(1, len(lengths))
    frequency: Counter[str] = Counter(term for counts in weighted for term in counts)
    total = len(docs)
    # idf × (k1 + 1) × scale, once per term: the loop below runs once per posting.
    weight = {
        term: math.log(1 + (total - df + 0.5) / (df + 0.5)) * (K1 + 1) * IMPACT_SCALE for term, df in frequency.items()
    }
    result: dict[str, list[tuple[int, int]]] = {term: [] for term in frequency}
    for number, counts in enumerate(weighted):
        norm = K1 * (1 - B + B * lengths[number] / average)
        for term, tf in counts.items():
            result[term].append((number, max(1, round(weight[term] * tf / (tf + norm)))))
    for number, doc in enumerate(docs):
        # A query equal to a name: 2 for the entry's own names (Chinese, English), 1 for a variant.
        levels: dict[str, int] = {}
        for position, name in enumerate(doc.names):
            term = name_term(name, stopwords)
            if term:
                levels[term] = max(levels.get(term, 0), 2 if position < 2 else 1)
        for term, level in sorted(levels.items()):
            result.setdefault(term, []).append((number, level))
    return result


def stored(doc: SearchDoc) -> list:
    # A glossary entry's title is its first two names: search.js rebuilds it (772 titles not stored twice).
    title = "" if doc.kind == "term" and doc.title == " ".join(doc.names[:2]) else doc.title
    # A heading or paragraph stores its block id without the plan id (the page names the plan): search.js
    # shows it as the ¶ id and makes the anchor from it (Block.anchor: dots and slashes made dashes).
    anchor = doc.block.split("/", 1)[1] if doc.block else doc.anchor
    return [doc.kind, doc.page, anchor, title, doc.context, doc.zh, doc.en, list(doc.names)]


FACET_KINDS = {"heading": "text", "paragraph": "text"}
"""Kinds the results page filters by: a plan's headings and paragraphs are one, its text."""


def _runs(values: list[str]) -> list[tuple[str, int, int]]:
    """(value, first id, last id + 1) for each run of equal consecutive values."""
    runs: list[tuple[str, int, int]] = []
    for number, value in enumerate(values):
        if runs and runs[-1][0] == value and runs[-1][2] == number:
            runs[-1] = (value, runs[-1][1], number + 1)
        else:
            runs.append((value, number, number + 1))
    return runs


def facets(docs: list[SearchDoc]) -> dict:
    """Kind runs, each plan's id ranges (flat: first, end, first, end…) and the target paragraphs (delta-coded)."""
    kinds = [[kind, first, end] for kind, first, end in _runs([FACET_KINDS.get(doc.kind, doc.kind) for doc in docs])]
    plans: dict[str, list[int]] = {}
    for plan, first, end in _runs([doc.plan for doc in docs]):
        if plan:
            plans.setdefault(plan, []).extend((first, end))
    targets = [number for number, doc in enumerate(docs) if doc.target]
    deltas = "".join(encode_number(number - previous) for previous, number in pairwise([0, *targets]))
    return {"kinds": kinds, "plans": [[plan, ranges] for plan, ranges in plans.items()], "targets": deltas}


def glossary_range(docs: list[SearchDoc]) -> list[int]:
    """[first, last + 1) ids of the glossary entries: the browser keeps them from crowding out paragraphs."""
    ids = [number for number, doc in enumerate(docs) if doc.kind == "term"]
    return [ids[0], ids[-1] + 1] if ids else [0, 0]


def suggestions(docs: list[SearchDoc]) -> list[list[str]]:
    """Glossary entries and topics by name (page, anchor, Chinese, English), offered when a query finds nothing."""
    return [[doc.page, doc.anchor, doc.names[0], doc.names[1]] for doc in docs if doc.kind in ("term", "topic")]


def build_index(
    docs: list[SearchDoc], t2s: dict[str, str], stopwords: frozenset[str], reuse: Reuse = NO_REUSE
) -> SearchIndex:
    encoded = {term: encode_postings(found) for term, found in sorted(postings(docs, stopwords, reuse).items())}
    size = sum(len(term.encode()) + len(value) + 6 for term, value in encoded.items())
    shard_count = max(1, math.ceil(size / SHARD_BYTES))
    shards: list[dict[str, str]] = [{} for _ in range(shard_count)]
    for term, value in encoded.items():
        shards[shard_of(term, shard_count)][term] = value
    files = {f"p/{n}.js": _script({"shard": n, "postings": shard}) for n, shard in enumerate(shards)}
    for start in range(0, len(docs), CHUNK):
        files[f"d/{start // CHUNK}.js"] = _script(
            {"chunk": start // CHUNK, "docs": [stored(doc) for doc in docs[start : start + CHUNK]]}
        )
        files[f"d-hant/{start // CHUNK}.js"] = _script(
            {"hantChunk": start // CHUNK, "docs": [doc.hant for doc in docs[start : start + CHUNK]]}
        )
    files["facets.js"] = _script({"facets": facets(docs)})
    files["suggest.js"] = _script({"suggest": suggestions(docs)})
    version = hashlib.sha256("".join(files[name] for name in sorted(files)).encode()).hexdigest()[:12]
    manifest = {
        "manifest": {
            "version": version,
            "documents": len(docs),
            "shards": shard_count,
            "chunk": CHUNK,
            "terms": glossary_range(docs),
            "stopwords": sorted(stopwords),
            "t2s": "".join(f"{hant}{hans}" for hant, hans in sorted(t2s.items())),
        }
    }
    files["index.js"] = _script(manifest)
    return SearchIndex(files, len(docs), len(encoded))
