"""Command line: python -m build_tools {build,generate} [--sources DIR] [--docs DIR]."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
from rich.progress import Progress as RichProgress

from build_tools.core.config import BuildConfig
from build_tools.core.errors import BuildFailed, InputError
from build_tools.core.folders import build_lock, check_folders, disk_error
from build_tools.core.progress import Advance, PlainCount
from build_tools.pipeline import assemble, build, generate, load_and_parse
from build_tools.translation.hant_review import edition_texts, load_review, rare_forms, review_texts
from build_tools.translation.hant_words import check_texts, load_one_to_many, load_words
from build_tools.translation.incoming import import_deliveries
from build_tools.translation.store import update_plan

# One error, one line; user text is printed through rich.markup.escape, so "[link=…]" in a file stays text,
# and without emoji codes, so a status "final :x:" is not printed as a cross mark.
console = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)


def _config(args: argparse.Namespace) -> BuildConfig:
    defaults = BuildConfig()
    return BuildConfig(
        sources=Path(args.sources).resolve() if args.sources else defaults.sources,
        docs=Path(args.docs).resolve() if args.docs else defaults.docs,
        translations=Path(args.translations).resolve()
        if getattr(args, "translations", None)
        else defaults.translations,
        glossary=Path(args.glossary).resolve() if getattr(args, "glossary", None) else defaults.glossary,
        topics=Path(args.topics).resolve() if getattr(args, "topics", None) else defaults.topics,
    )


class ProgressPrinter:
    """Prints each pipeline step with the time the previous one took."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.last = self.started

    def __call__(self, step: str) -> None:
        now = time.perf_counter()
        console.print(f"[dim]{now - self.started:6.1f}s[/dim] → {escape(step)}")
        self.last = now

    @contextmanager
    def counter(self, label: str, total: int) -> Iterator[Advance]:
        """A bar with counts and the time left on a terminal; in a log (CI), plain lines every tenth of the way."""
        if not console.is_terminal:
            count = PlainCount(self, label, total)
            yield count.advance
            count.finish()
            return
        self(label)
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        with RichProgress(*columns, console=console, transient=True) as bar:
            task = bar.add_task(escape(label), total=total)
            yield lambda count: bar.advance(task, count)


def _add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sources", metavar="DIR", help="plan folders and edition.yml (default: source_texts/)")
    parser.add_argument("--docs", metavar="DIR", help="MkDocs docs directory to write into (default: docs/)")
    parser.add_argument("--translations", metavar="DIR", help="translation store (default: translations/)")
    parser.add_argument("--glossary", metavar="FILE", help="glossary (default: glossary/terms.yml)")
    parser.add_argument("--topics", metavar="FILE", help="topic taxonomy (default: topics/topics.yml)")


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m build_tools", description=__doc__)
    commands = main.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser(
        "build", help="generate Markdown, data and PDFs, mkdocs build --strict, then the offline bundle"
    )
    _add_paths(build_parser)
    build_parser.add_argument("--no-pdf", action="store_true", help="quick build: no PDFs and no offline bundle")
    build_parser.add_argument(
        "--offline", action="store_true", help="with --no-pdf: build the offline bundle all the same"
    )
    build_parser.add_argument(
        "--clean", action="store_true", help="rebuild everything, even when nothing changed since the last build"
    )
    _add_paths(commands.add_parser("generate", help="generate Markdown pages and data files only"))
    translations = commands.add_parser("translations", help="the translation store (translations/<lang>/*.po)")
    actions = translations.add_subparsers(dest="action", required=True)
    update = actions.add_parser("update", help="sync the PO files with the sources (new, changed, removed blocks)")
    _add_paths(update)
    imported = actions.add_parser("import", help="import delivered YAML translations into the PO files")
    _add_paths(imported)
    imported.add_argument("files", nargs="+", type=Path, help="YAML deliveries: block id -> {en, note}")
    _add_paths(
        actions.add_parser(
            "review-hant", help="list where a second converter (zhconv) disagrees with the Traditional view, unreviewed"
        )
    )
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    config = _config(args)
    try:
        if args.command == "translations":
            return _translations(args, config, ProgressPrinter())
        check_folders(config)
        with build_lock(config, lambda line: console.print(line, markup=False), site=args.command == "build"):
            return _run(args, config)
    except (InputError, BuildFailed) as error:
        return _error(str(error))
    except OSError as error:
        # A full disk, a read-only docs/, a name too long for the file system: one line, the path named.
        return _error(disk_error(error))
    except KeyboardInterrupt:
        return _error("interrupted (Ctrl-C): the site may be incomplete; the next build redoes it", status=130)


def _error(message: str, status: int = 1) -> int:
    console.print(f"[bold red]error:[/bold red] {escape(message)}")
    return status


def _run(args: argparse.Namespace, config: BuildConfig) -> int:
    progress = ProgressPrinter()
    if args.command == "build":
        result = build(config, progress, pdfs=not args.no_pdf, offline=args.offline, clean=args.clean)
        if result is None:
            console.print("done: nothing changed since the last build (--clean rebuilds all the same)")
            return 0
    else:
        result = generate(config, progress)
    for warning in result.warnings:
        console.print(f"[yellow]warning:[/yellow] {escape(str(warning))}")
    blocks = sum(len(plan.blocks) for plan in result.edition.plans)
    console.print(f"done: {len(result.edition.plans)} plans, {blocks} blocks, {len(result.written)} files generated")
    return 0


def _translations(args: argparse.Namespace, config: BuildConfig, progress: ProgressPrinter) -> int:
    if args.action == "review-hant":
        return _review_hant(config, progress)
    plans = load_and_parse(config, progress)
    if args.action == "update":
        changed = [plan.meta.id for plan in plans if update_plan(plan, config.translations)]
        console.print(
            f"translations update: {len(changed)} of {len(plans)} PO files changed {changed or ''}", markup=False
        )
        return 0
    counts = import_deliveries(plans, args.files, config.translations)
    console.print(f"translations import: {sum(counts.values())} entries into {len(counts)} PO files")
    return 0


def _review_hant(config: BuildConfig, progress: ProgressPrinter) -> int:
    review = load_review(config.translations / "hant_review.yml")
    texts = edition_texts(assemble(config, progress).bilingual)
    found, unused = review_texts(texts, review)
    rare, unused_rare = rare_forms(texts, review)
    unused += unused_rare
    open_ones = [disagreement for disagreement in found + rare if not disagreement.covered_by]
    for disagreement in open_ones:
        console.print(f"unreviewed: {escape(str(disagreement))}")
    for entry in unused:
        console.print(f"[yellow]unused review entry:[/yellow] {escape(entry.zh)}")
    words = _unreviewed_words(config, texts)
    console.print(
        f"review-hant: {len(found)} disagreements, {len(rare)} rare forms, {len(open_ones)} unreviewed, "
        f"{len(unused)} unused entries, {words} one-to-many characters outside a reviewed word"
    )
    return 1 if open_ones or words else 0


def _unreviewed_words(config: BuildConfig, texts: dict[str, tuple[str, str]]) -> int:
    """Prints each one-to-many character that no word of hant_words.yml covers (or that prints another form)."""
    one_to_many = load_one_to_many(config.translations / "opencc" / "one-to-many.txt")
    review = load_words(config.translations / "hant_words.yml", one_to_many)
    _, wrong, _ = check_texts(texts, one_to_many, review)
    for place in wrong:
        console.print(f"one-to-many: {place}", markup=False)
    return len(wrong)


if __name__ == "__main__":
    sys.exit(main())
