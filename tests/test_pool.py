"""The build's one process pool (core/parallel.py): BUILD_WORKERS everywhere, never more processes than cores."""

from __future__ import annotations

import os
import signal
import time

import pytest

from build_tools.core import parallel
from build_tools.core.config import BuildConfig
from build_tools.core.errors import BuildFailed
from build_tools.pdf.cache import render_jobs
from build_tools.pdf.jobs import PdfJob
from build_tools.site import mkdocs_build

PAGE = '<html lang="zh-Hans"><head><title>{0}</title></head><body><p>{0} 数控机床</p></body></html>'


def _pid_after_a_while(item: int, pause: float) -> int:
    time.sleep(pause)  # long enough that an idle pool would start every worker it may
    return os.getpid()


def _processes(count: int) -> set[int]:
    return set(parallel.shared_with_workers(_pid_after_a_while, list(range(count)), (0.05,)))


def test_workers_never_outnumber_the_cores(monkeypatch):
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    monkeypatch.setenv("BUILD_WORKERS", "24")
    assert parallel.worker_count() == 2
    used = _processes(24)
    assert os.getpid() not in used and 1 <= len(used) <= 2


def test_build_workers_is_honoured_below_the_cores(monkeypatch):
    monkeypatch.setattr(parallel, "cores", lambda: 8)
    monkeypatch.setenv("BUILD_WORKERS", "1")
    assert _processes(6) == {os.getpid()}  # one worker: everything in this process
    monkeypatch.setenv("BUILD_WORKERS", "3")
    assert parallel.worker_count() == 3 and 1 <= len(_processes(12)) <= 3
    monkeypatch.delenv("BUILD_WORKERS")
    assert parallel.worker_count() == 8  # unset: every core


def test_a_bad_setting_means_every_core(monkeypatch):
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    for setting in ("many", "-4", ""):
        monkeypatch.setenv("BUILD_WORKERS", setting)
        assert parallel.worker_count() == 2, setting
    monkeypatch.setenv("BUILD_WORKERS", "0")
    assert parallel.worker_count() == 1


def test_pdfs_use_the_same_pool(monkeypatch, tmp_path):
    """The PDF renderer honours BUILD_WORKERS=1: every PDF is made in this process."""
    made_in: list[int] = []
    monkeypatch.setenv("BUILD_WORKERS", "1")
    monkeypatch.setattr(
        "build_tools.pdf.cache.write_pdf", lambda html, target: made_in.append(os.getpid()) or target
    )
    jobs = [PdfJob(f"{name}.pdf", PAGE.format(name)) for name in ("甲", "乙", "丙")]
    monkeypatch.setattr("build_tools.pdf.cache.copy_if_changed", lambda source, target: None)
    monkeypatch.setattr("build_tools.core.cache.Cache.used", lambda self, key: self.path(key))
    render_jobs(jobs, tmp_path / "out", tmp_path / "cache")
    assert made_in == [os.getpid()] * 3


def test_mkdocs_shares_are_capped_too(monkeypatch, tmp_path):
    """BUILD_WORKERS=24 on two cores: two MkDocs processes, not 24."""
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    monkeypatch.setenv("BUILD_WORKERS", "24")
    started: list[int] = []

    def count(command, cwd, folders, dirty, progress=None):
        started.append(len(folders))
        return "stopped here: only the number of processes is under test"

    monkeypatch.setattr(mkdocs_build, "_run_shares", count)
    docs = tmp_path / "docs"
    docs.mkdir()
    with pytest.raises(BuildFailed, match="stopped here"):  # the stand-in fails the build: nothing is published
        mkdocs_build.mkdocs_build(BuildConfig(docs=docs, site=tmp_path / "site"), clean=True)
    assert started == [2]


def _interrupt_handler(_: int) -> bool:
    return signal.getsignal(signal.SIGINT) == signal.SIG_IGN


def test_workers_leave_ctrl_c_to_the_build(monkeypatch):
    """Ctrl-C reaches every process of the build: the workers ignore it, so only the build prints its one line."""
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    monkeypatch.setenv("BUILD_WORKERS", "2")
    # The build answers Ctrl-C; pytest itself may have been started ignoring it (a background job of a shell)
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        assert list(parallel.shared_with_workers(_interrupt_handler, [1, 2, 3, 4], ())) == [True] * 4
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # the build itself still answers it
    finally:
        signal.signal(signal.SIGINT, before)
