"""Where a page names a plan's issuer and date outside its citations (home cards, a topic page's plan line), an
inferred fact is marked as the citations mark it (meta.yml `inferred`: the two Guangdong plans)."""

from __future__ import annotations

from pathlib import Path


def test_home_cards_and_topic_plan_lines_mark_inferred_facts(built_site: Path):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "广东省人民政府（编者推定） · [2005] · 2005–2010" in home
    assert "广东省工业和信息化厅（编者推定） · [2020] · 2021–2025" in home
    assert "河南省人民政府办公厅 · 2017-09-29 · 2017–2020" in home  # given in the text: not marked
    robots = (built_site / "topics" / "robots.html").read_text(encoding="utf-8")
    assert "广东省工业和信息化厅（编者推定） · [2020] · 2021–2025" in robots
    assert "河南省人民政府办公厅 · 2017-09-29" in robots
