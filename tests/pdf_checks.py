"""Reading a PDF as a reader's tools do (pdftotext, pypdf's outline), and writing one through the build's own jobs."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from pypdf import PdfReader

from build_tools.pdf.jobs import PdfJob, write_pdf


def written(job: PdfJob, out: Path) -> Path:
    """The job's PDF written into ``out`` under the name the build gives it."""
    return write_pdf(job.html, out / job.name)


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def text_of(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return run("pdftotext", *pages, str(pdf), "-")


def squeezed(text: str) -> str:
    """Without white space and hyphens: line breaks and hyphenation differ from the source, the words do not."""
    return re.sub(r"[\s\-‐]", "", text)


def outline_titles(reader: PdfReader, items=None, depth: int = 0) -> list[tuple[int, str, int]]:
    """(depth, title, page index) of every bookmark, in order."""
    found = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            found += outline_titles(reader, item, depth + 1)
        else:
            found.append((depth, item.title, reader.get_destination_page_number(item)))
    return found
