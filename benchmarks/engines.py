"""Site engines side by side (issue #33): each candidate in its own venv builds the same generated docs/ with the
project's own mkdocs.yml, hooks and theme override. Per candidate it prints: the clean build's CPU seconds (user +
sys of the engine's process: the cores are shared, so wall seconds, printed too, say more about the neighbours than
about the engine), its peak RSS, a ``--dirty`` rebuild after one plan page's edit, whether ``--strict`` is clean,
and whether what the project relies on works unchanged: the hooks (build_tools/site/hooks.py: citation meta tags,
``@/`` links, raw blocks put back), the theme override (build_tools/site/theme/main.html: its ``site_nav`` block
rendered), the search dialog (Chromium types a query into the built site and gets results), the offline bundle (the
same build opened from file://, which is what the bundle zips: its search must answer there) and the build in shares
(build_tools/site/mkdocs_shard.py: two shares, merged, byte-identical to one process).

Venvs live in /work/engine-venvs/<name> or $ENGINE_VENVS/<name> (never the project's .venv); ``--install``
makes the missing ones.
Generate docs/ first (``python -m build_tools generate``); ``--docs`` takes another generated docs/ (the 500-plan
one of ``benchmarks/scale.py 500 --work DIR``); ``--quick`` measures the builds only, for large corpora;
``--share I/N`` converts only one share of the pages (``build_tools/site/mkdocs_shard.py``): every file and the
navigation are still read, so it shows the engine's fixed cost at that size plus an n-th of its per-page cost.

    python benchmarks/engines.py [--install] [--only NAME,...] [--docs DIR] [--work DIR] [--quick] [--share I/N]
"""

from __future__ import annotations

import argparse
import filecmp
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_tools.core.config import ROOT  # noqa: E402

# Outside the project (never its .venv): ENGINE_VENVS in the environment puts them elsewhere.
VENVS = Path(os.environ.get("ENGINE_VENVS", "/work/engine-venvs"))
CHROMIUM = "/usr/bin/chromium"
THEME_MARK = "<!--engines-benchmark: theme override rendered-->"
# What site_hooks.py imports beside the engine, at the project's pins (read from requirements.txt).
HOOK_PACKAGES = ("pymdown-extensions", "jinja2", "pyyaml")
QUERY = "数控机床"


@dataclass(frozen=True)
class Candidate:
    name: str
    label: str
    packages: tuple[str, ...]
    module: str  # python -m <module> build …
    mkdocs_cli: bool = True  # takes MkDocs' options (--strict, --dirty, --site-dir, --config-file)


CANDIDATES = (
    Candidate(
        "mkdocs161", "MkDocs 1.6.1 + Material 9.8.2 (pinned)", ("mkdocs==1.6.1", "mkdocs-material==9.8.2"), "mkdocs"
    ),
    Candidate(
        "properdocs", "ProperDocs 1.6.7 + Material 9.8.2", ("properdocs==1.6.7", "mkdocs-material==9.8.2"), "properdocs"
    ),
    Candidate(
        "mkdocs-ng",
        "mkdocs-ng 1.8.0 + mkdocs-ng-material 9.7.7",
        ("mkdocs-ng==1.8.0", "mkdocs-ng-material==9.7.7"),
        "mkdocs",
    ),
    Candidate(
        "materialx",
        "mkdocs-ng 1.8.0 + mkdocs-materialx 10.2.2",
        ("mkdocs-ng==1.8.0", "mkdocs-materialx==10.2.2"),
        "mkdocs",
    ),
    # Zensical 0.1.x needs zensical-ui, which the package index does not have: 0.0.73 is the newest that installs.
    Candidate("zensical", "Zensical 0.0.73", ("zensical==0.0.73",), "zensical", mkdocs_cli=False),
)


@dataclass
class Run:
    ok: bool
    cpu: float
    wall: float
    rss_mib: float
    output: str


@dataclass
class Row:
    candidate: Candidate
    installs: str = "yes"
    runs: str = ""  # the engine that actually runs (two packages can write the same mkdocs/ folder)
    clean: Run | None = None
    dirty: Run | None = None
    checks: dict[str, str] = field(default_factory=dict)


def hook_pins() -> list[str]:
    pins = [line.strip() for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()]
    return [pin for pin in pins if pin.split("==")[0].lower() in HOOK_PACKAGES]


def venv_python(candidate: Candidate) -> Path:
    return VENVS / candidate.name / "bin" / "python"


def install(candidate: Candidate) -> str:
    """Whether the venv installs: "yes", or the reason it does not (made once, then kept)."""
    if venv_python(candidate).is_file() and (VENVS / candidate.name / ".installed").is_file():
        return "yes"
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENVS / candidate.name)], check=True)
    command = [str(venv_python(candidate)), "-m", "pip", "install", "-q", *candidate.packages, *hook_pins()]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        errors = [line for line in done.stderr.splitlines() if line.startswith("ERROR")]
        return "no: " + (errors[-1] if errors else "pip failed")[:80]
    (VENVS / candidate.name / ".installed").touch()
    return "yes"


def running_engine(candidate: Candidate) -> str:
    """``python -m <module> --version`` of the venv: e.g. ``mkdocs 1.6.1`` where mkdocs-ng was asked for."""
    done = subprocess.run(
        [str(venv_python(candidate)), "-m", candidate.module, "--version"], capture_output=True, text=True
    )
    found = re.search(r"version ([\w.]+)", done.stdout + done.stderr)
    if found:
        return f"{candidate.module} {found.group(1)}"
    asked = [
        str(venv_python(candidate)),
        "-c",
        f"import importlib.metadata as m; print(m.version({candidate.module!r}))",
    ]
    version = subprocess.run(asked, capture_output=True, text=True).stdout.strip()
    return f"{candidate.module} {version or '?'}"


def measured(command: list[str], cwd: Path, environment: dict[str, str] | None = None) -> Run:
    """Run a command; CPU seconds and peak RSS of that process alone (os.wait4), wall seconds."""
    log = cwd / ".engine-output.txt"
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **(environment or {})}
        )
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    return Run(
        ok=os.waitstatus_to_exitcode(status) == 0,
        cpu=usage.ru_utime + usage.ru_stime,
        wall=wall,
        rss_mib=usage.ru_maxrss / 1024,
        output=log.read_text(encoding="utf-8", errors="replace"),
    )


def _tree_of_links(source: Path, target: Path) -> None:
    """``target`` holds links to every entry of ``source`` (the project's code, read as it is)."""
    target.mkdir(parents=True)
    for entry in source.iterdir():
        if entry.name != "__pycache__":
            (target / entry.name).symlink_to(entry)


def workspace(candidate: Candidate, docs: Path, work: Path) -> Path:
    """A folder laid out like the project for one candidate: its mkdocs.yml as it is, build_tools linked to the
    project's but for a copy of the theme override carrying a mark (so the output shows whether the engine
    rendered its block), docs/ hard-linked (an edit replaces a file, so it never reaches the original)."""
    folder = work / candidate.name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    tools = folder / "build_tools"
    _tree_of_links(ROOT / "build_tools", tools)
    (tools / "theme").unlink()
    (tools / "theme").mkdir()
    main = (ROOT / "build_tools" / "theme" / "main.html").read_text(encoding="utf-8")
    block = "{% block site_nav %}"
    assert block in main, "the theme override has no site_nav block"
    (tools / "theme" / "main.html").write_text(main.replace(block, block + THEME_MARK, 1), encoding="utf-8")
    shutil.copytree(docs, folder / "docs", copy_function=os.link)
    return folder


def build_command(candidate: Candidate, config: str, site: str, *options: str) -> list[str]:
    if not candidate.mkdocs_cli:
        return [str(venv_python(candidate)), "-m", candidate.module, "build", "--config-file", config]
    return [
        str(venv_python(candidate)),
        "-m",
        candidate.module,
        "build",
        *options,
        "--config-file",
        config,
        "--site-dir",
        site,
    ]


NO_WARNING = {"NO_MKDOCS_2_WARNING": "1"}


def clean_build(candidate: Candidate, folder: Path, share: str = "") -> Run:
    """Strict; when strict fails, the same build without it (so the engine still gets a time). With ``share``
    (``i/n``), only that share of the pages, as one process of the project's build in shares converts."""
    environment = {**NO_WARNING, **({"EDITION_MKDOCS_SHARD": share} if share else {})}
    run = measured(build_command(candidate, "mkdocs.yml", "site", "--strict"), folder, environment)
    if not run.ok and candidate.mkdocs_cli:
        loose = measured(build_command(candidate, "mkdocs.yml", "site", "--no-strict"), folder, environment)
        return Run(False, loose.cpu, loose.wall, loose.rss_mib, run.output + loose.output)
    return run


EDIT = "\n\nEdited for the engine benchmark.\n"


def edited_page(docs: Path) -> Path:
    """One plan's first page, changed as a regenerated page would be (a new file: the hard link is broken)."""
    page = sorted((docs / "plans").glob("*/index.md"))[0]
    text = page.read_text(encoding="utf-8")
    page.unlink()
    page.write_text(text + EDIT, encoding="utf-8")
    return page


def dirty_build(candidate: Candidate, folder: Path) -> Run | None:
    if not candidate.mkdocs_cli or not (folder / "site" / "index.html").is_file():
        return None
    page = edited_page(folder / "docs")
    run = measured(build_command(candidate, "mkdocs.yml", "site", "--dirty", "--no-strict"), folder, NO_WARNING)
    built = folder / "site" / page.relative_to(folder / "docs").parent / "index.html"
    if run.ok and "Edited for the engine benchmark." not in built.read_text(encoding="utf-8"):
        run.ok = False  # built, but the edit did not reach the page
    return run


def strict_verdict(run: Run) -> str:
    """ "clean", or "fails:" and the first warning or error (the last line when there is none, as after a
    traceback)."""
    if run.ok:
        return "clean"
    lines = [line.strip() for line in run.output.splitlines() if line.strip()]
    said = [line for line in lines if line.startswith(("WARNING", "ERROR"))] or lines[-1:] or ["no output"]
    return f"fails: {said[0][:100]}"


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def hooks_verdict(site: Path) -> str:
    """site_hooks.py did its work: citation meta tags in a <head>, no ``@/`` link or raw-block mark left."""
    pages = html_pages(site)
    if not pages:
        return "no pages"
    texts = [page.read_text(encoding="utf-8") for page in pages]
    problems = []
    if not any('name="citation_title"' in text.split("</head>")[0] for text in texts):
        problems.append("no citation meta")
    if any('href="@/' in text for text in texts):
        problems.append("@/ links left")
    if any("<!--edition-raw:" in text or "<!--edition-content-set-aside-->" in text for text in texts):
        problems.append("raw blocks left")
    return "works" if not problems else "broken: " + ", ".join(problems)


def theme_verdict(site: Path) -> str:
    pages = html_pages(site)
    marked = sum(THEME_MARK in page.read_text(encoding="utf-8") for page in pages)
    if not pages:
        return "no pages"
    return "works" if marked == len(pages) else f"broken: block rendered on {marked}/{len(pages)} pages"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def search_results(url: str) -> int:
    """How many results a reader gets for QUERY in the site's search dialog (Chromium, as the tests drive it)."""
    from playwright.sync_api import sync_playwright

    from tests.search_ui import SearchDialog

    args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"]  # fmt: skip
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
        try:
            page = browser.new_page()
            page.goto(url)
            return len(SearchDialog(page).search(QUERY))
        finally:
            browser.close()


def search_online(site: Path) -> str:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        found = search_results(f"http://127.0.0.1:{server.server_address[1]}/index.html")
    except Exception as error:  # noqa: BLE001 - any failure of the dialog is the verdict
        return f"broken: {type(error).__name__}"
    finally:
        server.shutdown()
    return f"works ({found} results)" if found else "broken: no results"


def offline_verdict(folder: Path) -> str:
    """The one build (file URLs) opened from file://, as the bundle zips it: its search answers there."""
    page = folder / "reference" / "index.html"
    if not page.is_file():
        return "no site"
    try:
        found = search_results(page.as_uri())
    except Exception as error:  # noqa: BLE001 - any failure of the dialog is the verdict
        return f"search broken: {type(error).__name__}"
    return f"works ({found} results)" if found else "search finds nothing"


def _same_tree(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right)
    found = [*comparison.left_only, *comparison.right_only, *comparison.diff_files]
    for name in comparison.common_dirs:
        found += _same_tree(left / name, right / name)
    return found


def shards_verdict(candidate: Candidate, folder: Path) -> str:
    """Two shares (mkdocs_shard.py patches the engine's private functions), merged, equal to one process."""
    if not candidate.mkdocs_cli:
        return "not tried"
    merged = folder / "shares"
    for index in range(2):
        share = folder / f"share-{index}"
        environment = {**NO_WARNING, "EDITION_MKDOCS_SHARD": f"{index}/2"}
        run = measured(build_command(candidate, "mkdocs.yml", share.name, "--strict"), folder, environment)
        if not run.ok:
            return f"broken: share {index} " + strict_verdict(run)
        if len(html_pages(share)) >= len(html_pages(folder / "reference")):
            return f"broken: share {index} built every page (the patch did not reach the engine)"
        shutil.copytree(share, merged, dirs_exist_ok=True)
    differences = _same_tree(merged, folder / "reference")
    return "works" if not differences else f"broken: {len(differences)} files differ ({differences[0]})"


def checks(candidate: Candidate, folder: Path, clean: Run) -> dict[str, str]:
    site = folder / "site"
    # The reference for the shares: a clean build (the dirty one changed a page since).
    measured(build_command(candidate, "mkdocs.yml", "reference", "--no-strict"), folder, NO_WARNING)
    return {
        "strict": strict_verdict(clean),
        "hooks": hooks_verdict(site),
        "theme": theme_verdict(site),
        "search": search_online(site) if (site / "index.html").is_file() else "no site",
        "offline": offline_verdict(folder),
        "shards": shards_verdict(candidate, folder),
    }


def measure(candidate: Candidate, docs: Path, work: Path, quick: bool, share: str = "") -> Row:
    row = Row(candidate, installs=install(candidate))
    if row.installs != "yes":
        return row
    row.runs = running_engine(candidate)
    folder = workspace(candidate, docs, work)
    row.clean = clean_build(candidate, folder, share)
    print(f"{candidate.name}: clean build {row.clean.cpu:.1f} CPU s", flush=True)
    if quick or share:
        row.checks = {"strict": strict_verdict(row.clean)}
    else:
        row.checks = checks(candidate, folder, row.clean)
    if not share:  # a dirty build over one share's site would convert every other page
        row.dirty = dirty_build(candidate, folder)
    (work / f"{candidate.name}.log").write_text(row.clean.output, encoding="utf-8")
    return row


COLUMNS = ("strict", "hooks", "theme", "search", "offline", "shards")


def table(rows: list[Row], title: str) -> str:
    head = ["candidate", "installs", "runs", "clean CPU s", "clean wall s", "peak RSS MiB", "--dirty CPU s", *COLUMNS]
    lines = [title, "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        clean, dirty = row.clean, row.dirty
        cells = [
            row.candidate.label,
            row.installs,
            row.runs,
            f"{clean.cpu:.1f}" if clean else "-",
            f"{clean.wall:.1f}" if clean else "-",
            f"{clean.rss_mib:.0f}" if clean else "-",
            (f"{dirty.cpu:.1f}" if dirty.ok else f"{dirty.cpu:.1f} (edit missing)") if dirty else "n/a",
            *(row.checks.get(column, "-") for column in COLUMNS),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="a generated docs/ folder")
    parser.add_argument("--work", type=Path, default=Path("/work/engine-bench/engines"), help="build folders")
    parser.add_argument("--only", default="", help="comma-separated candidate names")
    parser.add_argument("--quick", action="store_true", help="builds only (clean, --dirty): for large corpora")
    parser.add_argument(
        "--share",
        default="",
        help="I/N: the clean build converts only share I of N pages (a large corpus on a busy machine)",
    )
    parser.add_argument("--install", action="store_true", help="make the missing venvs first")
    args = parser.parse_args()
    wanted = [name for name in args.only.split(",") if name]
    unknown = sorted(set(wanted) - {candidate.name for candidate in CANDIDATES})
    if unknown:
        sys.exit(f"--only: no candidate named {', '.join(unknown)} (known: {', '.join(c.name for c in CANDIDATES)})")
    chosen = [candidate for candidate in CANDIDATES if not wanted or candidate.name in wanted]
    if not (args.docs / ".nav.yml").is_file():
        sys.exit(f"{args.docs}: not a generated docs/ folder (run python -m build_tools generate)")
    rows = []
    for candidate in chosen:
        if not args.install and not venv_python(candidate).is_file():
            rows.append(Row(candidate, installs="no venv (--install)"))
            continue
        rows.append(measure(candidate, args.docs.resolve(), args.work.resolve(), args.quick, args.share))
    pages = sum(1 for _ in args.docs.rglob("*.md"))
    print(table(rows, f"{pages} Markdown pages" + (f", share {args.share} converted" if args.share else "")))


if __name__ == "__main__":
    main()
