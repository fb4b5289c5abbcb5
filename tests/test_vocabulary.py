"""Policy vocabulary: the quoted-phrase rules against a hand-checked list, the page and the export."""

from __future__ import annotations

import csv
import json

import yaml

from build_tools.core.config import ROOT, BuildConfig
from build_tools.enrich.vocabulary import QuotedClassifier, classify_quoted
from build_tools.sources.across import load_vocabulary_rules
from build_tools.sources.glossary import load_glossary

HAND = yaml.safe_load((ROOT / "tests" / "data" / "vocabulary_quoted.yml").read_text(encoding="utf-8"))


def test_quoted_phrases_precision_and_recall(edition):
    config = BuildConfig()
    glossary = {term.zh: term for term in load_glossary(config.glossary)}
    classifier = QuotedClassifier(load_vocabulary_rules(config.across / "vocabulary.yml"), glossary)
    predicted: dict[str, bool] = {}
    for plan in edition.plans:
        for block in plan.blocks:
            for phrase, policy in classify_quoted(block.zh, classifier):
                predicted[phrase] = predicted.get(phrase, False) or policy
    gold_policy, gold_ordinary, periods = set(HAND["policy"]), set(HAND["ordinary"]), set(HAND["period"])
    assert set(predicted) == gold_policy | gold_ordinary | periods, "every quotation is in the hand-checked list"
    found = {phrase for phrase, policy in predicted.items() if policy}
    true = found & gold_policy
    precision, recall = len(true) / len(found), len(true) / len(gold_policy)
    print(
        f"\nquoted policy vocabulary: precision {precision:.2f}, recall {recall:.2f} "
        f"(false: {sorted(found - gold_policy)}, missed: {sorted(gold_policy - found)})"
    )
    assert precision >= 0.9 and recall >= 0.9
    assert not found & periods  # periods are their own kind
    kinds = {entry.key: entry.kind for entry in edition.vocabulary}
    assert {key for key, kind in kinds.items() if kind == "period"} == periods


def test_entries_have_english_and_first_appearance(edition):
    entries = {entry.key: entry for entry in edition.vocabulary}
    assert all(entry.en for entry in edition.vocabulary), [e.key for e in edition.vocabulary if not e.en]
    assert entries["机器换人"].en == "replacing workers with machines"
    assert entries["机器换人"].first.plan_id == "henan-equipment-2017"
    assert entries["专精特新"].first.plan_id == "shanxi-equipment-2011"  # 2011, before the national outline
    assert set(entries["专精特新"].plan_ids) >= {"shanxi-equipment-2011", "china-machinery-2021"}
    assert entries["十二五"].years == (2011, 2015)
    assert entries["政府采购协议"].kind == "document"
    # a slogan printed with stray spaces (“机器换人 ”) is the same entry, found where it is unquoted too
    assert all(o.block_id.startswith("henan-") for o in entries["机器换人"].occurrences)


def test_vocabulary_page_and_export(built_site):
    page = (built_site / "vocabulary.html").read_text(encoding="utf-8")
    assert "机器换人" in page and "replacing workers with machines" in page
    # one row per entry on the index, the charts and plans on the entry pages (ten a page, present/paging.py)
    entries = [path.read_text(encoding="utf-8") for path in (built_site / "vocabulary").glob("*.html")]
    assert page.count("<tr id=") == len(json.loads((built_site / "data" / "edition.json").read_text())["vocabulary"])
    assert sum(html.count('class="vocab-chart"') for html in entries) >= 300
    period = next(html for html in entries if 'id="twelfth-five-year-plan"' in html)
    assert 'href="../plans/shanxi-equipment-2011/' in period  # period 十二五 links to its plans
    data = json.loads((built_site / "data" / "edition.json").read_text(encoding="utf-8"))
    records = {record["key"]: record for record in data["vocabulary"]}
    assert records["卡脖子"]["kind"] == "slogan" and records["卡脖子"]["en"] == "chokepoint"
    assert records["十四五"]["period_years"] == [2021, 2025]
    rows = list(csv.DictReader((built_site / "data" / "vocabulary.csv").open(encoding="utf-8")))
    assert {"key", "kind", "en", "plan_id", "block_id", "quoted"} <= set(rows[0])
    assert any(row["key"] == "碳达峰" and row["plan_id"] == "china-machinery-2021" for row in rows)
