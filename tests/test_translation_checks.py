"""The translation checks, on crafted cases (each check can fail) and on the whole edition (all pass)."""

from __future__ import annotations

from collections import Counter

import pytest

from build_tools.core.config import ROOT
from build_tools.model import Term
from build_tools.sources.target_english import load_target_english, load_target_words
from build_tools.translation.checks import (
    at_least_figures,
    bracketed_explanations,
    british_spellings,
    check_block,
    heading_case,
    load_spelling,
    malformed_variants,
    missing_numbers,
    missing_terms,
    more_than_for_at_least,
    other_renderings,
    rejected_wordings,
)

SPELLING = load_spelling(ROOT / "translations" / "spelling.yml")


def term(zh, en, *variants, check=True, not_en=()):
    return Term(
        id=en.lower().replace(" ", "-").replace("(", "").replace(")", ""),
        zh=zh,
        en=en,
        en_variants=variants,
        zh_hant="",
        category="product",
        note="",
        check=check,
        exception="" if check else "context",
        line=1,
        not_en=not_en,
    )


NUMBERS = [
    ("plain", "2010年总产值达到7000亿元，年均增长20%", "In 2010, output reaches 700 billion yuan, up 20% a year", []),
    ("raw-form-accepted", "总产值7000亿元", "output of 7,000 hundred million yuan", []),
    ("wrong-conversion", "总产值7000亿元", "output of 70 billion yuan", ["7000亿"]),
    ("missing-year", "到2025年，年均增长6%以上", "grow by more than 6% a year", ["2025"]),
    ("wan", "从业人员31.2万人", "312,000 employees", []),
    ("wan-yi", "突破2万亿元", "exceed 2 trillion yuan", []),
    ("million", "装机容量1600万千瓦", "16 million kilowatts", []),
    ("month-name", "2017年9月29日", "September 29, 2017", []),
    ("decade", "20世纪30年代大萧条", "the Great Depression of the 1930s", []),
    ("range", "2017—2020年", "2017–2020", []),
    ("decimal", "增长11.5%", "growth of 11.5%", []),
    ("decimal-missing", "增长11.5%", "growth of 11%", ["11.5"]),
]


@pytest.mark.parametrize(("case", "zh", "en", "missing"), NUMBERS, ids=[case[0] for case in NUMBERS])
def test_number_check(case, zh, en, missing):
    assert missing_numbers(zh, en) == missing


def test_term_check_uses_longest_match_and_variants():
    terms = (
        term("数控机床", "CNC machine tool", "CNC machine tools"),
        term("机床", "machine tool", "machine tools"),
        term("整机", "complete machine", check=False),
    )
    assert missing_terms("发展高档数控机床", "develop high-end CNC machine tools", terms) == []
    assert [t.zh for t in missing_terms("发展数控机床", "develop numerically controlled lathes", terms)] == ["数控机床"]
    assert missing_terms("整机企业", "makers of whole units", terms) == []  # check: false


def test_a_second_rendering_of_a_term_is_reported():
    cluster = term("产业集群", "industrial cluster", "industrial clusters", "industry cluster")
    assert other_renderings("产业集群", "build industry clusters", (cluster,))[0][1] == "industry cluster"
    # forms of the one rendering are not a second rendering: plural, shortened or extended, -ing, acronym
    assert other_renderings("产业集群", "build industrial clusters", (cluster,)) == []
    henan = term("河南", "Henan", "Henan Province")
    assert other_renderings("河南省", "Henan Province", (henan,)) == []
    cad = term("计算机辅助设计", "computer-aided design", "CAD")
    assert other_renderings("计算机辅助设计", "CAD software", (cad,)) == []
    shore = term("补短板", "shore up weak links", "shoring up weak links", "address weaknesses")
    assert other_renderings("补短板", "Shoring Up Weak Links", (shore,)) == []
    assert other_renderings("补短板", "address weaknesses", (shore,))[0][1] == "address weaknesses"
    fusion = term("军民融合", "military-civil fusion", "civil-military integration", check=False)
    assert other_renderings("军民融合", "civil-military integration", (fusion,)) == []  # check: false


def test_british_spellings_are_reported_with_the_us_form():
    text = "The licence, a 700-tonne press of high calibre; organisation of the programme, centres analysed."
    found = british_spellings(text, SPELLING)
    assert [item.split(" → ")[0] for item in found] == [
        "licence",
        "tonne",
        "calibre",
        "organisation",
        "programme",
        "centres",
        "analysed",
    ]
    us = "The license, a 700-ton press of high caliber; the program's centers analyzed the analyses; a license."
    assert british_spellings(us, SPELLING) == []


def test_malformed_variants_are_found():
    assert malformed_variants(term("内源经济", "endogenous economy", "endogenous economys")) == ["endogenous economys"]
    assert malformed_variants(term("团体标准", "association standards", "association standardss")) == [
        "association standardss"
    ]
    assert malformed_variants(term("教育厅", "Department of Education", "Department of Educations")) == [
        "Department of Educations"
    ]
    assert malformed_variants(term("数控机床", "CNC machine tool", "CNC machine tools")) == []


def test_the_glossary_has_one_rendering_per_term_in_us_spelling(edition):
    problems = []
    for item in edition.bilingual.glossary:
        problems += [f"{item.id}: malformed variant {variant!r}" for variant in malformed_variants(item)]
        for rendering in item.renderings:
            problems += [f"{item.id}: {word}" for word in british_spellings(rendering, SPELLING)]
        if not item.check and "to be unified" in item.exception:
            problems.append(f"{item.id}: check: false still waiting to be unified")
    assert problems == []


def test_chinese_left_in_english_is_reported():
    problems = check_block("x/s1/p1", "发展。", "Develop 装备.", ())
    assert [(p.check, p.detail) for p in problems] == [("chinese", "装")]


def test_the_whole_edition_is_translated_and_passes_every_check(edition):
    report = []
    failures = []
    for plan in edition.plans:
        texts = [edition.bilingual.blocks[block.id] for block in plan.blocks]
        statuses = Counter(text.en_status for text in texts)
        problems = [
            problem
            for block, text in zip(plan.blocks, texts, strict=True)
            if text.en
            for problem in check_block(
                block.id,
                block.label + block.zh,
                text.en,
                edition.bilingual.glossary,
                SPELLING,
                text.note,
                heading=block.kind == "heading",
            )
        ]
        coverage = statuses["translated"] / len(plan.blocks)
        by_check = Counter(problem.check for problem in problems)
        report.append(
            f"{plan.meta.id}: coverage {coverage:.1%}, number problems {by_check['numbers']}, "
            f"term problems {by_check['terms']}, second renderings {by_check['renderings']}, "
            f"British spellings {by_check['spelling']}, Chinese left {by_check['chinese']}"
        )
        failures += problems
        assert coverage == 1.0, plan.meta.id
    print("\n".join(["translation checks:", *report]))
    assert failures == []


AT_LEAST = [
    ("more-than", "到2020年推出10个以上", "launch more than 10 by 2020", ["10个以上"]),
    ("at-least", "到2020年推出10个以上", "launch at least 10 by 2020", []),
    ("or-more", "年均增长6%以上", "average growth of 6% or more", []),
    ("and-above", "30 万千瓦及以上燃机", "gas turbines of 300,000 kilowatts and above", []),
    ("over", "30 吨以上大型挖掘机", "excavators of over 30 tons", ["30 吨以上"]),
    ("exceed", "力争机器人示范应用2万台以上", "strive for robot applications to exceed 20,000", ["2万台以上"]),
    ("converted", "主营业务收入5百亿元以上企业", "revenue of more than 50 billion yuan", ["5百亿元以上"]),
    ("no-digit", "百亿元以上企业10家", "10 firms with more than 10 billion yuan", ["百亿元以上"]),
    ("exceeds-is-more-than", "数量超过9万家", "more than 90,000 enterprises", []),
    ("other-figure", "达到90%以上，超过20年", "at least 90% for more than 20 years", []),
    ("not-a-figure", "规模以上企业", "enterprises above designated size", []),
]


@pytest.mark.parametrize(("case", "zh", "en", "flagged"), AT_LEAST, ids=[case[0] for case in AT_LEAST])
def test_at_least_n_is_never_more_than_n(case, zh, en, flagged):
    assert [found.split(" → ")[0] for found in more_than_for_at_least(zh, en)] == flagged


def test_a_wording_the_glossary_decided_against_is_reported():
    batch = term("一批", "a number of", not_en=("a batch of", "a group of"))
    assert rejected_wordings("培育一批企业", "cultivate a batch of enterprises", (batch,)) == [(batch, "a batch of")]
    # mixed with the decided rendering in one block: still reported (the renderings check alone would pass it)
    mixed = "cultivate a number of enterprises and a group of brands"
    assert rejected_wordings("培育一批企业，打造一批品牌", mixed, (batch,)) == [(batch, "a group of")]
    assert rejected_wordings("培育一批企业", "cultivate a number of enterprises", (batch,)) == []
    innovative = term("创新发展", "innovative development", not_en=("innovation-driven development",))
    driven = term("创新驱动", "innovation-driven")
    both = "innovation-driven development and the innovative development of industry"
    assert rejected_wordings("坚持创新驱动发展，推动产业创新发展", both, (innovative, driven)) == []
    assert rejected_wordings("推动产业创新发展", "innovation-driven development", (innovative, driven)) != []


def test_headings_are_in_title_case():
    assert heading_case("I. Main Achievements of the Industry during the 13th Five-Year Plan Period") == []
    assert heading_case("(I) Review of Development During the 11th Five-Year Plan Period.") == ["During"]
    assert heading_case("3. Operating pressure Has Increased across the Board") == ["pressure"]
    assert heading_case("(II) Carry Out Pilot Work on Patent Rights as Equity") == []  # particle, then preposition
    assert heading_case("2. Concentrate Resources to Shore Up Weak Links") == []
    assert heading_case("(V) Boost Dual Circulation through High-Level Opening-Up") == []
    assert heading_case("(I) Advance the In-Depth Integration of CNC and iPhone-Like Products") == []
    assert heading_case("Box 1: Key Technologies And Products") == ["And"]


def test_explanations_in_brackets_are_reported():
    found = bracketed_explanations("培育企业", "cultivate enterprises (in revenue/output)", ())
    assert found == ["(in revenue/output)"]
    assert bracketed_explanations("发展可燃冰开采", "develop [the Federation’s] extraction", ()) == [
        "[the Federation’s]"
    ]
    assert bracketed_explanations("国家重点(工程)实验室", "national key (engineering) laboratories", ()) == []
    assert bracketed_explanations("发展GIS", "develop gas-insulated switchgear (GIS)", ()) == []
    first = term("首台（套）", "first-unit (set)")
    assert bracketed_explanations("首台（套）", "first-unit (set) equipment", (first,)) == []
    assert bracketed_explanations("首台套", "first-unit (set) equipment", (first,)) == ["(set)"]  # no term hit


def test_target_qualifiers_render_at_least_as_at_least():
    """以上 in the targets' English (timeline: before the figure; briefings: after it) includes the figure."""
    before = load_target_english(ROOT / "translations" / "en" / "targets.yml").qualifiers["以上"]
    after = load_target_words(ROOT / "build_tools" / "enrich" / "target_words.yml").qualifiers["以上"]
    assert (before, after) == ("at least", "or more")


def test_what_the_consistency_checks_cover(edition):
    """Counts for the report: how many places each consistency check reads in the edition."""
    glossary = edition.bilingual.glossary
    decided = [item for item in glossary if item.not_en]
    counts = Counter()
    for plan in edition.plans:
        for block in plan.blocks:
            chinese = block.label + block.zh
            counts["N以上"] += len(at_least_figures(chinese))
            counts["headings"] += block.kind == "heading"
            counts["blocks with a term decided against a second wording"] += any(item.zh in chinese for item in decided)
            counts["parentheses in the English"] += edition.bilingual.blocks[block.id].en.count("(")
    print(f"\n{len(decided)} glossary terms with not_en wordings; " + "; ".join(f"{k}: {v}" for k, v in counts.items()))
    assert counts["N以上"] >= 20 and counts["headings"] >= 200 and len(decided) >= 8
