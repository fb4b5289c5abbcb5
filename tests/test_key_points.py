"""Key points on each plan's overview: 5–8 bilingual points, each linked to the paragraphs it rests on, kept in
translations/key_points/ with the hash of the text they were written from (a changed text flags them)."""

from __future__ import annotations

import html
import re
import shutil
from dataclasses import replace

import pytest

from build_tools.cli import main
from build_tools.core.config import ROOT
from build_tools.core.errors import InputError
from build_tools.render.pages import environment, plan_overview
from build_tools.sources.key_points import load_key_points

FOLDER = ROOT / "translations" / "key_points"


def test_every_plan_has_five_to_eight_points_linked_to_their_paragraphs(built_site, edition):
    for plan in edition.plans:
        page = built_site / "plans" / plan.meta.id / "index.html"
        block = re.search(r'<div class="key-points"[^>]*>(.*?)</div>', page.read_text(encoding="utf-8"), re.S)[1]
        points = re.findall(r"<li>(.*?)</li>", block, re.S)
        assert 5 <= len(points) <= 8, plan.meta.id
        assert "needs review" not in block  # written from the texts as they are
        for point in points:
            # The English may quote the Chinese (“**亿元”): such a run is in its own lang, nothing else is markup.
            english = r'(?:[^<]|<span lang=zh-Hans>[^<]+</span>)+'
            assert re.search(rf'<p class="zh" lang="zh-Hans">[^<]+</p><p class="en" lang="en">{english}</p>', point)
            links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', point)
            assert links, point
            for href, short_id in links:
                target, anchor = html.unescape(href).split("#")
                path = page.parent / target
                text = (path if path.suffix == ".html" else path / "index.html").read_text(encoding="utf-8")
                assert f'id="{anchor}"' in text, (plan.meta.id, short_id)
                assert f"/{short_id}" in edition.block(f"{plan.meta.id}/{short_id}").id


def test_points_go_stale_when_the_received_text_changes(edition):
    plan = edition.plan("henan-equipment-2017")
    assert not load_key_points(FOLDER, plan).stale
    changed = replace(plan, source=replace(plan.source, sha256="0" * 64))
    points = load_key_points(FOLDER, changed)
    assert points.stale and points.points  # kept, flagged for review
    stale_edition = replace(edition, key_points={**edition.key_points, plan.meta.id: points})
    page = (
        environment()
        .get_template("plan-overview.md.jinja")
        .render(overview=plan_overview(stale_edition, changed), download=None, download_link="", compared=())
    )
    assert (
        '⚠ 待复核 · <span lang="en">needs review: the received text changed after these points were written.</span>'
        in page
    )


BAD = [
    ("rests_on: [s9.9/p9]", "no paragraph 's9.9/p9' in henan-equipment-2017", 5),
    ("rests_on: []", "'rests_on' in a key point must", 5),
    ("rests_of: [s1.3/p2]", "unknown key 'rests_of' in a key point", 5),
]


@pytest.mark.parametrize(("line", "message", "number"), BAD)
def test_a_bad_key_points_file_is_one_clear_error(tmp_path, edition, line, message, number):
    plan = edition.plan("henan-equipment-2017")
    (tmp_path / f"{plan.meta.id}.yml").write_text(
        f'source_sha256: {plan.source.sha256}\npoints:\n- zh: "要点。"\n  en: "A point."\n  {line}\n', encoding="utf-8"
    )
    with pytest.raises(InputError) as raised:
        load_key_points(tmp_path, plan)
    assert message in str(raised.value) and raised.value.line == number
    assert str(tmp_path / f"{plan.meta.id}.yml") in str(raised.value)


def test_a_key_point_on_an_unknown_paragraph_stops_generate_with_one_line(tmp_path, capsys):
    """Read at load, checked once the plans are parsed: still one line naming the file and the line."""
    translations = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", translations)
    path = translations / "key_points" / "henan-equipment-2017.yml"
    text = path.read_text(encoding="utf-8")
    first = re.search(r"rests_on: \[", text)
    path.write_text(text[: first.end()] + "s9.9/p9, " + text[first.end() :], encoding="utf-8")
    status = main(["generate", "--docs", str(tmp_path / "docs"), "--translations", str(translations)])
    stderr = capsys.readouterr().err
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    line = text[: first.start()].count("\n") + 1
    assert status != 0 and "Traceback" not in stderr
    assert errors == [f"error: {path}:{line}: no paragraph 's9.9/p9' in henan-equipment-2017 (a key point rests on it)"]
