"""No stage after load reads a file (issue 27): `generate` with every file read recorded, from before the first
import of build_tools, in a process of its own with one worker (so every stage runs where the recorder is).

A read is a defect when, after `load_inputs` returned, it happens outside the per-plan load (`enrich_plan` reads
its own plan folder and PO file), or when, at any time (importing included), a module in render/, export/,
search/, pdf/, present/ or enrich/ asks for it. Not reads of inputs: the build cache and the hashing of
inputs for its keys (cache.py, incremental.py), templates and Python files, and build_tools/core/write.py comparing what
it is about to write with what is there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from build_tools.core.config import ROOT
from tests.conftest import copy_real_sources, sandbox_config, worker_cache

RECORDER = r"""
import builtins, io, json, pathlib, sys

FORBIDDEN = tuple(f"build_tools.{name}" for name in ("render", "export", "search", "pdf", "present", "enrich"))
# hashing inputs for cache keys is not reading them; write.py compares what it writes with what is there
EXEMPT = ("build_tools.core.cache", "build_tools.core.incremental", "build_tools.core.write")
cache, out = sys.argv[1], sys.argv[2]
state = {"loaded": False}
found = []


def asker(frame):
    # the innermost build_tools module, the schema reader and the cache aside: the module that wants the data
    while frame is not None:
        name = frame.f_globals.get("__name__", "")
        if name.startswith("build_tools") and not name.startswith(("build_tools.sources", "build_tools.core.cache")):
            return name
        frame = frame.f_back
    return ""


def stack_has(frame, test):
    while frame is not None:
        if test(frame):
            return True
        frame = frame.f_back
    return False


def record(path, mode):
    text = str(path)
    if any(letter in mode for letter in "wax+"):
        return  # writing is the stages' job
    if text.startswith(cache) or text.endswith((".py", ".pyc", ".jinja")) or "/templates/" in text:
        return
    if "site-packages" in text or text.startswith((sys.prefix, sys.base_prefix)) or text.startswith("/usr/"):
        return
    frame = sys._getframe(2)
    if stack_has(frame, lambda f: f.f_code.co_name == "enrich_plan" or f.f_globals.get("__name__") in EXEMPT):
        return
    who = asker(frame)
    if state["loaded"] or who.startswith(FORBIDDEN):
        found.append([who, text])


def wrap(owner, name, path_of, mode_at):
    original = getattr(owner, name)

    def recorded(*args, **kwargs):
        mode = args[mode_at] if mode_at is not None and len(args) > mode_at else kwargs.get("mode", "r")
        record(path_of(args, kwargs), mode if isinstance(mode, str) else "r")
        return original(*args, **kwargs)

    setattr(owner, name, recorded)


first = lambda args, kwargs: args[0] if args else kwargs.get("file")
wrap(builtins, "open", first, 1)
wrap(io, "open", first, 1)
wrap(pathlib.Path, "read_text", first, None)
wrap(pathlib.Path, "read_bytes", first, None)
wrap(pathlib.Path, "open", first, 1)

from build_tools import pipeline
from build_tools.core.config import BuildConfig

load_inputs = pipeline.load_inputs


def loaded(*args, **kwargs):
    inputs = load_inputs(*args, **kwargs)
    state["loaded"] = True
    return inputs


pipeline.load_inputs = loaded
config = json.loads(sys.argv[3])
pipeline.generate(BuildConfig(**{key: pathlib.Path(value) for key, value in config.items()}))
pathlib.Path(out).write_text(json.dumps(found), encoding="utf-8")
"""


def test_no_stage_after_load_reads_a_file(tmp_path):
    config = sandbox_config(tmp_path, copy_real_sources(tmp_path / "sources"))  # a copy: stages must not read it
    fields = {name: str(getattr(config, name)) for name in ("sources", "docs", "site", "cache")}
    out = tmp_path / "reads.json"
    env = {**os.environ, "BUILD_WORKERS": "1"}
    done = subprocess.run(
        [sys.executable, "-c", RECORDER, str(worker_cache()), str(out), json.dumps(fields)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    reads = sorted({(who, path.removeprefix(str(tmp_path))) for who, path in json.loads(out.read_text("utf-8"))})
    assert reads == [], "\n".join(f"{who} read {path}" for who, path in reads)
