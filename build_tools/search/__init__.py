"""The site's own search: documents from the model, analysed text, a sharded index (see index.py)."""

from __future__ import annotations

from pathlib import Path

from build_tools.core.cache import NO_REUSE, Reuse
from build_tools.core.write import write_if_changed
from build_tools.model import Edition
from build_tools.search.documents import search_docs
from build_tools.search.hant_map import traditional_map
from build_tools.search.index import SearchIndex, build_index

FOLDER = "search"


def write_search_index(edition: Edition, docs: Path, reuse: Reuse = NO_REUSE) -> SearchIndex:
    """Write docs/search/ (only files whose content changed), and remove files a smaller index no longer has.
    With ``reuse``, only the documents of plans whose text changed are analysed again (index.weighted_terms)."""
    index = build_index(search_docs(edition), traditional_map(edition), edition.search_stopwords, reuse)
    for name, content in sorted(index.files.items()):
        write_if_changed(docs / FOLDER / name, content)
    keep = {docs / FOLDER / name for name in index.files}
    for path in (docs / FOLDER).rglob("*.js"):
        if path not in keep:
            path.unlink()
    return index
