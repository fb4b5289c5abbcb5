"""One highlighting rule (issue 27): a topic's page and its briefing PDF mark the same words of a paragraph."""

from __future__ import annotations

from build_tools.pdf.topic_briefing import topic_briefing_doc
from build_tools.render.topics import topic_page


def marked(pieces) -> list[str]:
    return [text.lower() for text, mark in pieces if mark]


def page_excerpts(edition, topic):
    page = topic_page(edition, topic)
    return {excerpt.block.id: excerpt for group in page.plans for excerpt in group.excerpts}


def test_the_topic_page_and_its_briefing_highlight_the_same_words(edition):
    compared = 0
    for topic in edition.taxonomy.topics:
        on_page = page_excerpts(edition, topic)
        for quoted in topic_briefing_doc(edition, topic).excerpts:
            excerpt = on_page[quoted.item.block.id]
            assert marked(quoted.zh) == marked((s.text, s.mark) for s in excerpt.segments), quoted.item.block.id
            assert marked(quoted.en) == marked((s.text, s.mark) for s in excerpt.segments_en), quoted.item.block.id
            compared += 1
    assert compared > 20


def test_a_topic_names_itself_in_english_on_its_page(edition):
    # Read from the translation: heading henan s2.2.1 1.数控机床。 is "1. CNC Machine Tools."; the whole
    # topic name is marked, not only the glossary's "machine tools" inside it.
    topic = edition.taxonomy.topic("cnc-machine-tools")
    excerpt = page_excerpts(edition, topic)["henan-equipment-2017/s2.2.1"]
    assert [s.text for s in excerpt.segments_en if s.mark] == ["CNC Machine Tools"]
