"""Run MkDocs in strict mode into a temporary folder, then swap it in: a failed build keeps the last good site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from build_tools.core import incremental
from build_tools.core.config import BuildConfig
from build_tools.core.errors import BuildFailed
from build_tools.core.parallel import worker_count
from build_tools.core.progress import Progress, counting, quiet
from build_tools.core.write import write_if_changed
from build_tools.site import mkdocs_shard


def mkdocs_build(config: BuildConfig, progress: Progress = quiet, clean: bool = False) -> None:
    """Run mkdocs build --strict into a temporary directory, then swap it in.

    A failed build leaves the last good site in place. When only the contents of pages changed since
    the last build of this site (see incremental.py), the staging folder starts as a copy of the
    site and MkDocs re-renders only the pages whose Markdown is newer (``--dirty``); ``clean`` forces
    a clean build.
    """
    site, config_file = config.site, config.mkdocs_config
    site.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(site.parent, config_file.parent)
    wide = incremental.site_wide_state(config_file, config.docs)
    dirty = not clean and incremental.mkdocs_dirty_allowed(site, wide)
    progress(f"mkdocs build --strict{' --dirty' if dirty else ''} ({config_file.name})")
    # The process id in the name tells a later run whether this build may still be running.
    staging = Path(tempfile.mkdtemp(prefix=f".site-{os.getpid()}-", dir=site.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a site is meant to be read
    if dirty:
        # A copy keeping modification times (what --dirty compares), so a failed build leaves the site as it was.
        shutil.copytree(site, staging, dirs_exist_ok=True, copy_function=shutil.copy2, symlinks=True)
    # --strict would fail a dirty build on MkDocs' own warning that it is dirty: warnings are counted below.
    mode = ["--dirty", "--no-strict"] if dirty else ["--strict"]
    command = [sys.executable, "-m", "mkdocs", "build", *mode, "--config-file", str(config_file)]
    if config.docs.resolve() != (config_file.parent / "docs").resolve():
        # Never --quiet: it hides warnings from --strict, so a broken link would pass.
        # MkDocs takes docs_dir from the config file; a generated config points it elsewhere.
        command = _with_docs_dir(command, config, config_file, staging)
    # A clean build runs in shares on every core (mkdocs_shard.py); a dirty one re-renders few pages.
    count = 1 if dirty else worker_count()
    folders = [staging] + [Path(tempfile.mkdtemp(prefix=f"{staging.name}-", dir=site.parent)) for _ in range(count - 1)]
    try:
        failure = _run_shares(command, config_file.parent, folders, dirty, progress)
        reports = [_report(folder) for folder in folders]
        if count > 1 and all(report.is_file() for report in reports):
            failure = "\n".join([failure, *mkdocs_shard.unresolved_anchor_links(reports)]).strip()
        if not failure:
            for folder in folders[1:]:
                _move_into(folder, staging)
    finally:
        for override in config_file.parent.glob(f".mkdocs-{staging.name}.yml"):
            override.unlink()
        for folder in folders:
            _report(folder).unlink(missing_ok=True)
        for folder in folders[1:]:
            shutil.rmtree(folder, ignore_errors=True)
    if failure:
        shutil.rmtree(staging, ignore_errors=True)
        incremental.forget_state(site)  # the next build starts clean
        raise BuildFailed(f"mkdocs build failed:\n{failure}")
    _swap_in(staging, site)
    incremental.record_mkdocs(site, wide)


def _swap_in(staging: Path, site: Path) -> None:
    """The new site in place of the old one (two renames: the old one is never half deleted while read)."""
    old = site.with_name(site.name + ".old")
    if site.exists():
        shutil.rmtree(old, ignore_errors=True)
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)


def _report(folder: Path) -> Path:
    return folder.with_name(folder.name + ".anchors.json")


def _run_shares(command: list[str], cwd: Path, folders: list[Path], dirty: bool, progress: Progress = quiet) -> str:
    """Run MkDocs once per folder, at the same time, each building its share into its folder, its output
    reported line by line as it comes; the output of the failed ones, or "" when all succeeded."""
    # Kept: Material 9.7+ prints a ten-line end-of-life notice (2027-05-05) from every MkDocs process, which would
    # bury the real warnings of a failed build; README "Dependencies" says what the end of life means here.
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    running = []
    for index, folder in enumerate(folders):
        if len(folders) > 1:
            environment = {
                **environment,
                mkdocs_shard.SHARD_VARIABLE: f"{index}/{len(folders)}",
                mkdocs_shard.REPORT_VARIABLE: str(_report(folder)),
            }
        process = subprocess.Popen(
            [*command, "--site-dir", str(folder)],
            cwd=cwd,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        running.append(process)
    outputs: list[list[str]] = [[] for _ in running]
    readers = [
        threading.Thread(target=_relay, args=(process, f"mkdocs {index + 1}/{len(running)}", lines, progress))
        for index, (process, lines) in enumerate(zip(running, outputs, strict=True))
    ]
    for reader in readers:
        reader.start()
    failures = []
    with counting(progress, "mkdocs shares", len(running)) as advance:
        for process, reader, lines in zip(running, readers, outputs, strict=True):
            reader.join()
            output = "".join(lines)
            if process.wait() != 0 or (dirty and _warnings(output)):
                failures.append(output)
            advance(1)
    return "\n".join(failures)


def _relay(process: subprocess.Popen[str], name: str, lines: list[str], progress: Progress) -> None:
    """Keep a share's output and report each line as MkDocs writes it."""
    assert process.stdout is not None
    for line in process.stdout:
        lines.append(line)
        progress(f"{name}: {line.rstrip()}")


def _move_into(folder: Path, staging: Path) -> None:
    """A share's pages into share 0's folder (no two shares write the same page)."""
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            target = staging / path.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            path.replace(target)


DIRTY_NOTICE = "A 'dirty' build is being performed"


def _warnings(output: str) -> list[str]:
    """What --strict would have failed on: every warning but MkDocs' notice that the build is dirty."""
    return [line for line in output.splitlines() if line.startswith("WARNING") and DIRTY_NOTICE not in line]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _abandoned(name: str, prefix: str) -> bool:
    """Whether a staging name (``<prefix><pid>-<random>``) belongs to a build that is no longer running."""
    pid = name.removeprefix(prefix).split("-", 1)[0]
    return not pid.isdigit() or not _alive(int(pid))


def remove_leftovers(site_parent: Path, config_dir: Path) -> None:
    """Delete what a killed build left: its .site-* staging folder and .mkdocs-.site-*.yml override.

    Folders of builds still running (their process id is alive) are left alone.
    """
    for staging in site_parent.glob(".site-*"):
        if staging.is_dir() and not staging.is_symlink() and _abandoned(staging.name, ".site-"):
            shutil.rmtree(staging, ignore_errors=True)
    for override in config_dir.glob(".mkdocs-.site-*.yml"):
        if _abandoned(override.name.removesuffix(".yml"), ".mkdocs-.site-"):
            override.unlink(missing_ok=True)


def _with_docs_dir(command: list[str], config: BuildConfig, config_file: Path, staging: Path) -> list[str]:
    # Beside mkdocs.yml, so that the paths it names (hooks, dictionaries) resolve as they do there.
    override = config_file.parent / f".mkdocs-{staging.name}.yml"
    write_if_changed(override, f"INHERIT: {config_file.resolve()}\ndocs_dir: {config.docs.resolve()}\n")
    index = command.index(str(config_file))
    command[index] = str(override)
    return command
