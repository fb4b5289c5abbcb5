"""The Traditional view: every place where a second converter disagrees has been reviewed by a person."""

from __future__ import annotations

import re

from build_tools.config import ROOT
from build_tools.sources.traditional import load_hant_settings
from build_tools.translation.hant import hant_converter, stock_s2tw
from build_tools.translation.hant_review import (
    Review,
    Reviewed,
    disagreements,
    edition_texts,
    fix_problems,
    load_review,
    rare_forms,
    review_texts,
)

REVIEW = ROOT / "translations" / "hant_review.yml"
PHRASES = ROOT / "translations" / "opencc" / "edition-phrases.txt"
# Errors a Taiwan reader saw at once in stock s2tw, each with the form the edition must print.
KNOWN_ERRORS = [
    ("现状和面临形势", "現狀和面臨形勢"),
    ("培育2—3家具有自主知识产权", "培育2—3家具有自主知識產權"),
    ("一旦被发达国家", "一旦被發達國家"),
    ("带动传统制造业转型", "帶動傳統製造業轉型"),
    ("国家制造业创新中心", "國家製造業創新中心"),
    ("面临高端回流", "面臨高端回流"),
    ("防控疫情采取的封锁", "防控疫情採取的封鎖"),
    ("扩大余热余压利用", "擴大餘熱餘壓利用"),
    ("山西卓里", "山西卓里"),
    ("拥有3个中国名牌", "擁有3個中國名牌"),
    ("由加工组装为主向上游的研发", "由加工組裝為主向上游的研發"),
    ("全国质量标杆称号", "全國質量標竿稱號"),
]


def test_every_disagreement_with_the_second_converter_is_reviewed(edition):
    review = load_review(REVIEW)
    found, unused = review_texts(edition_texts(edition.bilingual), review)
    unreviewed = [str(disagreement) for disagreement in found if not disagreement.covered_by]
    print(
        f"\nTraditional view vs zhconv: {len(found)} disagreements, {len(unreviewed)} unreviewed, "
        f"{len(review.reviewed)} review entries, {len(review.fixes)} fixes"
    )
    assert unreviewed == []
    assert [entry.zh for entry in unused] == []  # an entry that matches nothing any more is stale


def test_every_rare_form_of_a_character_is_reviewed(edition):
    """A character converted two ways: its rare form is where an error both converters share would show."""
    review = load_review(REVIEW)
    found, unused = rare_forms(edition_texts(edition.bilingual), review)
    unreviewed = [str(place) for place in found if not place.covered_by]
    print(f"\nrare forms: {len(found)} places, {len(unreviewed)} unreviewed, {len(review.rare)} entries")
    assert unreviewed == []
    assert [entry.zh for entry in unused] == []


def test_a_rare_form_is_reported():
    texts = {f"x/p{n}": ("上下游企业", "上下游企業") for n in range(5)} | {"x/p9": ("主向上游的", "主向上遊的")}
    found, _ = rare_forms(texts, Review((), ()))
    assert [(place.block_id, place.zh, place.ours, place.covered_by) for place in found] == [("x/p9", "游", "遊", "")]


def test_each_fix_is_in_the_phrase_dictionary_and_takes_effect(edition):
    assert fix_problems(load_review(REVIEW), PHRASES, edition_converter(edition)) == []


def test_known_conversion_errors_are_fixed(edition):
    convert = edition_converter(edition)
    for simplified, wanted in KNOWN_ERRORS:
        assert stock_s2tw(simplified) != wanted, simplified  # the case is a real OpenCC error
        assert convert(simplified) == wanted


def test_glossary_forms_agree_with_the_conversion(edition):
    convert = edition_converter(edition)
    disagree = [(t.zh, t.zh_hant, convert(t.zh)) for t in edition.bilingual.glossary if t.zh_hant]
    assert [row for row in disagree if row[1] != row[2]] == []


def test_one_form_for_tai_throughout(edition):
    """臺 everywhere (the MOE standard form, OpenCC's), except names printed with 台 such as 台州."""
    texts = [hant for _, hant in edition_texts(edition.bilingual).values()]
    stray = [m.group(0) for text in texts for m in re.finditer(r".?台.?", text) if "台州" not in m.group(0)]
    assert stray == []
    assert sum(text.count("臺") for text in texts) > 50


def test_an_unreviewed_disagreement_is_reported():
    text = "现状和面临形势"
    found = disagreements("x/s1", text, stock_s2tw(text), Review((), ()))
    assert [(d.zh, d.ours, d.theirs, d.covered_by) for d in found] == [("面", "麵", "面", "")]
    reviewed = Review((Reviewed("和面临", "和麵臨", "和面臨", "test"),), ())
    assert [d.covered_by for d in disagreements("x/s1", text, stock_s2tw(text), reviewed)] == ["和面临"]


def edition_converter(edition):
    settings = load_hant_settings(ROOT / "translations" / "traditional.yml")
    return hant_converter(settings, edition.bilingual.glossary).convert
