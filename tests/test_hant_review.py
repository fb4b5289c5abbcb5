"""The Traditional view: every place where a second converter disagrees has been reviewed by a person."""

from __future__ import annotations

import re

import opencc
import pytest

from build_tools.core.config import ROOT
from build_tools.core.errors import InputError
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
from build_tools.translation.hant_words import (
    Word,
    WordReview,
    check_texts,
    load_one_to_many,
    load_words,
    name_problems,
    unused_entries,
)

REVIEW = ROOT / "translations" / "hant_review.yml"
PHRASES = ROOT / "translations" / "opencc" / "edition-phrases.txt"
WORDS = ROOT / "translations" / "hant_words.yml"
ONE_TO_MANY = ROOT / "translations" / "opencc" / "one-to-many.txt"
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
    # Found by the one-to-many scan (hant_words.yml): zhconv makes the same errors, the comparison cannot see them.
    ("严重制约主机水平的问题", "嚴重制約主機水平的問題"),
    ("以增强制造能力为目标", "以增強製造能力為目標"),
    ("社会主义现代化国家新征程", "社會主義現代化國家新征程"),
    ("雷沃重工、五征山拖等", "雷沃重工、五征山拖等"),
    ("干式变压器、卷铁芯变压器", "乾式變壓器、捲鐵芯變壓器"),
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


def test_every_one_to_many_character_sits_in_a_reviewed_word(edition):
    """制, 征, 卷…: each occurrence is in a word reviewed in context, and prints that word's form."""
    one_to_many = load_one_to_many(ONE_TO_MANY)
    review = load_words(WORDS, one_to_many)
    places, wrong, used = check_texts(edition_texts(edition.bilingual), one_to_many, review)
    print(
        f"\none-to-many characters: {len(places)} occurrences of {len({p.char for p in places})} characters, "
        f"{len(wrong)} not covered or printed wrongly; {len(review.words)} reviewed words, {len(review.names)} names"
    )
    assert [str(place) for place in wrong] == []
    assert unused_entries(review, used) == []  # an entry that covers nothing any more is stale
    assert len(places) > 4000


def test_names_keep_their_characters_by_the_rule():
    one_to_many = load_one_to_many(ONE_TO_MANY)
    review = load_words(WORDS, one_to_many)
    assert name_problems(review, one_to_many) == []
    assert {"山西卓里", "五征山拖"} <= {name.zh for name in review.names if name.kind == "company"}


def test_the_one_to_many_list_is_opencc_s():
    """Derived from OpenCC's STCharacters.txt: the converter's own single-character result is one of the forms."""
    one_to_many = load_one_to_many(ONE_TO_MANY)
    assert len(one_to_many) > 250
    assert {"制": ("制", "製"), "征": ("徵", "征"), "卷": ("卷", "捲")}.items() <= one_to_many.items()
    s2t = opencc.OpenCC("s2t.json").convert
    assert [char for char, forms in one_to_many.items() if s2t(char) not in forms] == []


def test_a_misread_phrase_is_reported_although_both_converters_agree():
    text = "严重制约主机"
    one_to_many = {"制": ("制", "製")}
    review = WordReview((Word("制约", "制", "制"),), ())
    _, wrong, _ = check_texts({"x/p1": (text, stock_s2tw(text))}, one_to_many, review)
    assert [(place.printed, place.word, place.wanted) for place in wrong] == [("製", "制约", "制")]
    _, wrong, _ = check_texts({"x/p1": ("控制", "控制")}, one_to_many, review)
    assert [(place.char, place.word) for place in wrong] == [("制", "")]  # no reviewed word: reported too


def edition_converter(edition):
    settings = load_hant_settings(ROOT / "translations" / "traditional.yml")
    return hant_converter(settings, edition.bilingual.glossary).convert


def test_a_bad_word_review_is_one_line_naming_file_and_line(tmp_path):
    path = tmp_path / "hant_words.yml"
    text = (
        "names_take_the_full_form: 万\nnames: []\ncharacters:\n"
        "  制:\n    製:\n      sense: make\n      words: 制造 控件\n"
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_words(path, {"制": ("制", "製")})
    assert str(error.value) == f"{path}:5: the word '控件' listed under 制 does not contain it"
    path.write_text(text.replace("  制:", "  水:").replace("制造 控件", "水"), encoding="utf-8")
    with pytest.raises(InputError, match=r":4: '水' is not a one-to-many character"):
        load_words(path, {"制": ("制", "製")})
