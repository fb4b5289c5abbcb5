"""Shared wording: precision of the method on a hand-checked sample, LSH against exact search, the pages."""

from __future__ import annotations

import itertools
import re

import yaml

from build_tools.core.config import ROOT, BuildConfig
from build_tools.enrich.similarity import NOT_TEXT, _shingles, clauses, find_shared
from build_tools.sources.across import load_similarity_rules

SAMPLE = yaml.safe_load((ROOT / "tests" / "data" / "shared_wording.yml").read_text(encoding="utf-8"))["pairs"]
RULES = load_similarity_rules(BuildConfig().across / "similarity.yml")


def key(a: str, b: str) -> frozenset[str]:
    return frozenset((NOT_TEXT.sub("", a), NOT_TEXT.sub("", b)))


def jaccard(a: str, b: str) -> float:
    x, y = (_shingles(NOT_TEXT.sub("", text), RULES.shingle) for text in (a, b))
    return len(x & y) / len(x | y)


def test_precision_on_hand_checked_sample(edition):
    judged = {key(pair["a"], pair["b"]): pair["same"] for pair in SAMPLE}
    found = {key(pair.left.text, pair.right.text) for pair in edition.shared.pairs}
    unjudged = [sorted(pair) for pair in found if pair not in judged]
    assert not unjudged, f"pairs the method reports that the sample does not judge: {unjudged}"
    true = sum(judged[pair] for pair in found)
    precision = true / len(found)
    recall = true / sum(judged.values())
    print(
        f"\nshared wording at Jaccard ≥ {RULES.threshold}: {len(found)} pairs of clauses, precision {precision:.2f}, "
        f"recall on the sample {recall:.2f}"
    )
    for threshold in (0.3, 0.4, 0.5, 0.55, 0.6):
        kept = [pair for pair in SAMPLE if jaccard(pair["a"], pair["b"]) >= threshold]
        print(f"  sample at {threshold}: {len(kept)} kept, precision {sum(p['same'] for p in kept) / len(kept):.2f}")
    assert len(found) >= 5
    assert precision >= 0.9


def test_the_join_finds_what_all_pairs_comparison_finds(edition):
    """The prefix-filtered join against all pairs compared exactly: it must lose no pair above the threshold."""
    wanted = ("henan-equipment-2017", "guangdong-high-end-equipment-2021", "china-machinery-2021")
    units = [item for plan in edition.plans if plan.meta.id in wanted for item in clauses(plan, RULES.min_chars)]
    exact = set()
    for (c1, n1), (c2, n2) in itertools.combinations(units, 2):
        if c1.plan_id != c2.plan_id and jaccard(n1, n2) >= RULES.threshold:
            exact.add(frozenset((c1, c2)))
    found = {
        frozenset((pair.left, pair.right))
        for pair in edition.shared.pairs
        if pair.left.plan_id in wanted and pair.right.plan_id in wanted
    }
    print(f"\nexact search {len(exact)} pairs, join {len(found)}")
    assert found == exact


def test_a_shared_clause_is_found_and_bounded(tmp_path):
    """Eight made-up plans repeat one clause among different words: each pair is found once, and no
    clause keeps more than max_per_clause matches; clauses that share only a term are not matched."""
    from build_tools.pipeline import load_and_parse
    from tests.conftest import sandbox_config, write_plan

    words = [
        "发展海洋工程装备",
        "壮大农业机械产业",
        "培育轨道交通装备",
        "提升数控机床水平",
        "做强工程机械集群",
        "突破航空发动机技术",
        "推广工业机器人应用",
        "建设智能制造示范工厂",
    ]
    for number, word in enumerate(words):
        text = f"一、总体要求\n{word}，推动首台套重大技术装备示范应用取得新突破。\n"
        write_plan(tmp_path / "sources", f"plan-{number}", text)
    plans = load_and_parse(sandbox_config(tmp_path, tmp_path / "sources"))
    index = find_shared(sorted(plans, key=lambda p: p.meta.id), RULES)
    texts = {NOT_TEXT.sub("", c.text) for pair in index.pairs for c in (pair.left, pair.right)}
    assert texts == {"推动首台套重大技术装备示范应用取得新突破"}
    assert all(pair.left.plan_id != pair.right.plan_id for pair in index.pairs)
    per_clause = {}
    for pair in index.pairs:
        per_clause.setdefault(pair.left, set()).add(pair.right)
    assert max(len(matches) for matches in per_clause.values()) <= RULES.max_per_clause
    assert len(index.pairs) < len(words) * (len(words) - 1) // 2  # bounded below all 28 pairs


def test_shared_wording_on_the_built_pages(built_site):
    page = (built_site / "shared-wording.html").read_text(encoding="utf-8")
    assert "<mark>在全球产业分工和价值链中的地位明显提升</mark>" in page.replace("；", "").replace("。", "")
    assert "data-search-exclude" in page
    henan = (built_site / "plans" / "henan-equipment-2017" / "part-01.html").read_text(encoding="utf-8")
    note = re.search(r'<details class="similar-wording" data-search-exclude[^>]*>.*?</details>', henan, re.S)
    assert note, "a shared clause shows a note under its paragraph"
    assert "<mark>" in note.group() and "china-machinery-2021" in note.group()
