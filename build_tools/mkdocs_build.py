"""Run MkDocs in strict mode into a temporary folder, then swap it in: a failed build keeps the last good site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from build_tools.config import BuildConfig
from build_tools.write import write_if_changed

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


def mkdocs_build(
    config: BuildConfig, progress: Progress = _quiet, config_file: Path | None = None, site: Path | None = None
) -> None:
    """Run mkdocs build --strict into a temporary directory, then swap it in.

    A failed build leaves the last good site in place.
    """
    site = site or config.site
    config_file = config_file or config.mkdocs_config
    progress(f"mkdocs build --strict ({config_file.name})")
    site.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(site.parent, config_file.parent)
    # The process id in the name tells a later run whether this build may still be running.
    staging = Path(tempfile.mkdtemp(prefix=f".site-{os.getpid()}-", dir=site.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a site is meant to be read
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--config-file",
        str(config_file),
        "--site-dir",
        str(staging),
    ]
    if config.docs.resolve() != (config_file.parent / "docs").resolve():
        # Never --quiet: it hides warnings from --strict, so a broken link would pass.
        # MkDocs takes docs_dir from the config file; a generated config points it elsewhere.
        command = _with_docs_dir(command, config, config_file, staging)
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    try:
        result = subprocess.run(command, capture_output=True, text=True, cwd=config_file.parent, env=environment)
    finally:
        for override in config_file.parent.glob(f".mkdocs-{staging.name}.yml"):
            override.unlink()
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(f"mkdocs build failed:\n{result.stdout}{result.stderr}")
    old = site.with_name(site.name + ".old")
    if site.exists():
        shutil.rmtree(old, ignore_errors=True)
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)


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


class BuildFailed(Exception):
    """mkdocs build did not succeed; the message carries its output."""
