"""The offline bundle's zip takes the entries it deflated before from the cache and stays byte for byte what
zipfile's own ``writestr`` writes (build_tools/site/offline.py ``_write_entry``)."""

from __future__ import annotations

import os
import random
import zipfile
from pathlib import Path

from build_tools.core.cache import Cache
from build_tools.site.offline import LEVEL, write_deterministic_zip

STAMP = (2026, 11, 25, 0, 0, 0)


def _site(folder: Path) -> Path:
    """Files of every kind a site holds: pages, scripts, a PDF-like binary, an empty file, non-ASCII names."""
    rng = random.Random(7)
    files = {
        "index.html": "<p>首页 Home</p>\n" * 400,
        "plans/x/part-02.html": "".join(f"<div id='p{n}'>第{n}段 paragraph {n}</div>\n" for n in range(3000)),
        "assets/search.js": "var a = 1;\n" * 50,
        "downloads/x.pdf": bytes(rng.getrandbits(8) for _ in range(60_000)),
        "empty.txt": b"",
        "plans/x/原文 received.txt": "规划原文\r\n".encode("gb18030"),
    }
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return folder


def _writestr_zip(folder: Path, target: Path) -> bytes:
    """What the bundle's zip was before the cache: zipfile writing every entry itself."""
    files = sorted(
        (path for path in folder.rglob("*") if path.is_file()), key=lambda path: path.relative_to(folder).as_posix()
    )
    with zipfile.ZipFile(target, "w") as archive:
        for path in files:
            info = zipfile.ZipInfo(f"b/{path.relative_to(folder).as_posix()}", date_time=STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            archive.writestr(info, path.read_bytes(), compresslevel=LEVEL)
    return target.read_bytes()


def test_cold_warm_and_no_cache_zips_are_writestrs_bytes(tmp_path):
    site = _site(tmp_path / "site")
    expected = _writestr_zip(site, tmp_path / "reference.zip")
    kept = Cache(tmp_path / "cache" / "zip", ".deflate")
    made = {
        name: write_deterministic_zip(site, tmp_path / f"{name}.zip", "b", STAMP, kept=store).read_bytes()
        for name, store in (("none", None), ("cold", kept), ("warm", kept))
    }
    assert len(list(kept.folder.iterdir())) == 6  # one entry per distinct file content
    for name, data in made.items():
        assert data == expected, name
    with zipfile.ZipFile(tmp_path / "warm.zip") as archive:
        assert archive.testzip() is None
        assert archive.read("b/plans/x/原文 received.txt") == "规划原文\r\n".encode("gb18030")


def test_a_changed_page_is_deflated_again_and_the_rest_is_kept(tmp_path):
    site = _site(tmp_path / "site")
    kept = Cache(tmp_path / "cache" / "zip", ".deflate")
    write_deterministic_zip(site, tmp_path / "first.zip", "b", STAMP, kept=kept)
    before = {path.name: path.stat().st_mtime_ns for path in kept.folder.iterdir()}
    (site / "index.html").write_text("<p>改过 Edited</p>\n", encoding="utf-8")
    data = write_deterministic_zip(site, tmp_path / "second.zip", "b", STAMP, kept=kept).read_bytes()
    after = {path.name for path in kept.folder.iterdir()}
    assert len(after - set(before)) == 1  # only the edited page was deflated now
    assert data == _writestr_zip(site, tmp_path / "reference.zip")


def test_a_damaged_kept_entry_is_deflated_again(tmp_path):
    site = _site(tmp_path / "site")
    kept = Cache(tmp_path / "cache" / "zip", ".deflate")
    write_deterministic_zip(site, tmp_path / "first.zip", "b", STAMP, kept=kept)
    for entry in kept.folder.iterdir():  # every kept entry damaged: flipped bytes, or cut short
        data = entry.read_bytes()
        entry.write_bytes(data[:-1] + bytes([data[-1] ^ 0xFF]) if len(data) > 6 else data[:2])
        os.utime(entry)
    data = write_deterministic_zip(site, tmp_path / "second.zip", "b", STAMP, kept=kept).read_bytes()
    assert data == _writestr_zip(site, tmp_path / "reference.zip")
    with zipfile.ZipFile(tmp_path / "second.zip") as archive:
        assert archive.testzip() is None
