"""Topic pages, the matrix and the topic tags on plan pages, checked against the tagger's data."""

from __future__ import annotations

import json
import re

from build_tools.present.labels import short_title


def test_every_topic_has_a_page_linking_to_its_paragraphs(built_site, edition):
    for topic in edition.taxonomy.topics:
        page = built_site / "topics" / f"{topic.id}.html"
        html = page.read_text(encoding="utf-8")
        links = re.findall(r'class="excerpt-link"><a href="([^"]+)"', html)
        assert len(links) == edition.topics.block_counts[topic.id], topic.id
        assert all("/plans/" in link and "#" in link for link in links)
        assert topic.scope_en.split()[0] in html


def test_matched_terms_are_highlighted(built_site):
    html = (built_site / "topics" / "tunnel-boring-machines.html").read_text(encoding="utf-8")
    assert "<mark>盾构</mark>" in html


def test_matrix_cells_equal_the_block_tags(built_site, edition):
    html = (built_site / "topics" / "matrix.html").read_text(encoding="utf-8")
    for topic in edition.taxonomy.topics:
        row = re.search(rf'<a href="{topic.id}\.html">.*?</tr>', html, re.S).group(0)
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)  # the row match starts inside the first cell
        values = [
            int(re.sub(r"<[^>]+>", "", cell).strip() or 0) if re.sub(r"<[^>]+>", "", cell).strip() != "·" else 0
            for cell in cells
        ]
        expected = [
            sum(1 for block in plan.blocks if topic.id in edition.topics.topics_of(block.id)) for plan in edition.plans
        ]
        assert values == expected, topic.id


def test_plan_pages_show_each_blocks_topics(built_site, edition):
    html = (built_site / "plans" / "henan-equipment-2017" / "part-02.html").read_text(encoding="utf-8")
    assert 'class="topic-tag" href="../../topics/tunnel-boring-machines.html"' in html
    tagged = [b for b in edition.plan("henan-equipment-2017").blocks if b.part == 2 and edition.topics.topics_of(b.id)]
    assert html.count('class="blk-topics"') == len(tagged)


def test_export_carries_topics(built_site, edition):
    data = json.loads((built_site / "data" / "edition.json").read_text(encoding="utf-8"))
    assert len(data["topics"]) == len(edition.taxonomy.topics)
    tbm = next(topic for topic in data["topics"] if topic["id"] == "tunnel-boring-machines")
    assert tbm["blocks"] == sum(tbm["blocks_per_plan"].values())
    block = next(b for p in data["plans"] for b in p["blocks"] if b["id"] == "henan-equipment-2017/s2.1.2")
    assert "tunnel-boring-machines" in block["topics"]


def test_topic_page_opens_with_the_briefing_summary(built_site, edition):
    """The same summary as the briefing PDF's first page: plans with their status, targets, years."""
    html = (built_site / "topics" / "robots.html").read_text(encoding="utf-8")
    summary = html.index('class="topic-summary"')
    assert summary < html.index('class="blk excerpt')
    block = html[summary : html.index('class="blk excerpt')]
    for status in ("已到期", "Expired", "内部资料", "Internal", "征求意见稿", "Draft"):
        assert status in block, status
    assert "2万台" in block and "20,000 units" in block and "at least" in block
    assert "henan-equipment-2017/part-03.html#s3-3-2-p1" in block
    ids = edition.topics.blocks_of("robots")
    paragraphs = [i for i in ids if edition.block(i).kind not in ("heading", "box", "title")]
    plans = {i.split("/", 1)[0] for i in ids}
    assert f"{len(paragraphs)} paragraphs in {len(plans)} plans" in block


def test_topic_page_lists_every_plan_a_silent_one_with_0_paragraphs(built_site, edition):
    """A negative finding is read off the page: Shanxi 2011 never names robots, and Guangdong 2005 only in the
    list of technologies the taxonomy excludes (数控加工技术、机器人技术), so both say nothing of the topic."""
    html = (built_site / "topics" / "robots.html").read_text(encoding="utf-8")
    silent = html[html.index('id="silent"') :]
    silent = silent[: silent.index("</ul>")]
    listed = re.findall(r'href="\.\./plans/([a-z0-9-]+)/index\.html"', silent)
    assert listed == ["guangdong-machinery-2005", "shanxi-equipment-2011"]
    assert silent.count("0 个段落 · 0 paragraphs") == 2
    assert "2 plans say nothing of it (0 paragraphs)" in html
    summary = html[html.index('class="topic-summary"') : html.index('id="targets"')]
    rows = re.findall(
        r'<tr>\s*<td><a href="\.\./plans/([a-z0-9-]+)/index\.html">.*?<td[^>]*>(\d+)</td>\s*</tr>', summary, re.S
    )
    assert [plan for plan, _ in rows] == [plan.meta.id for plan in edition.plans]  # every plan, in time order
    assert {plan: count for plan, count in rows if count == "0"}.keys() >= set(listed)


def test_a_topic_targets_table_names_each_targets_plan(built_site, edition):
    html = (built_site / "topics" / "robots.html").read_text(encoding="utf-8")
    table = html[html.index('id="targets"') :]
    table = table[: table.index("</table>")]
    rows = re.findall(r'<tr>\s*<td[^>]*>(\d{4})</td>\s*<td>(.*?)</td>.*?href="[^"]*/plans/([a-z0-9-]+)/', table, re.S)
    assert rows
    names = {plan.meta.id: short_title(plan.meta) for plan in edition.plans}
    for _year, named, linked in rows:
        assert named == names[linked]  # the plan column names the plan its ¶ link leads to


def test_each_plans_paragraph_count_is_the_same_in_the_summary_and_above_its_paragraphs(built_site, edition):
    """The summary table's ¶ and the line above a plan's paragraphs count the same thing (headings apart)."""
    checked = 0
    for topic in edition.taxonomy.topics:
        html = (built_site / "topics" / f"{topic.id}.html").read_text(encoding="utf-8")
        summary = html[html.index('class="topic-summary"') :]
        for plan in edition.plans:
            section = re.search(rf'<h2 id="{plan.meta.id}".*?<p class="plan-line">(.*?)</p>', html, re.S)
            if section is None:  # silent on the topic, or on a batch page of a large topic
                continue
            row = re.search(rf'href="\.\./plans/{plan.meta.id}/index\.html".*?</tr>', summary, re.S).group(0)
            in_table = int(re.findall(r"<td[^>]*>(\d+)</td>", row)[-1])
            line = re.sub(r"<[^>]+>", "", section.group(1))
            assert f"{in_table} 个段落 · {in_table} paragraph" in line, (topic.id, plan.meta.id, line, in_table)
            checked += 1
    assert checked > 50
