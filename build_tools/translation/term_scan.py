"""The glossary prepared for finding its terms in many texts (translation checks, glossary marks)."""

from __future__ import annotations

from dataclasses import dataclass

from build_tools.model import Term

_SCANS: dict[tuple[int, str], tuple[tuple[Term, ...], TermScan]] = {}


@dataclass(frozen=True)
class TermScan:
    """The glossary prepared for finding its terms in many texts: longest first, looked up by first character."""

    ordered: tuple[tuple[Term, str], ...]
    """Each term with the form looked for, longest Simplified term first (ties by id)."""
    by_first: dict[str, tuple[int, ...]]
    """Positions in ``ordered`` of the terms that begin with a character."""

    def present(self, text: str) -> list[tuple[Term, str]]:
        """The terms occurring in ``text``, in ``ordered``'s order: the only ones a scan of the text can find."""
        positions = sorted({index for char in set(text) & self.by_first.keys() for index in self.by_first[char]})
        return [self.ordered[index] for index in positions if self.ordered[index][1] in text]


def term_scan(terms: tuple[Term, ...], form: str = "zh") -> TermScan:
    """``form`` is ``zh`` or ``zh_hant`` (a term with no Traditional form is looked for as written).

    Prepared once per glossary and form: the scans run for every paragraph of every page.
    """
    cached = _SCANS.get((id(terms), form))
    if cached is None or cached[0] is not terms:
        ordered = tuple(
            (term, (term.zh_hant or term.zh) if form == "zh_hant" else term.zh)
            for term in sorted(terms, key=lambda t: (-len(t.zh), t.id))
        )
        first: dict[str, list[int]] = {}
        for index, (_, needle) in enumerate(ordered):
            first.setdefault(needle[0], []).append(index)
        cached = _SCANS[(id(terms), form)] = (terms, TermScan(ordered, {c: tuple(i) for c, i in first.items()}))
    return cached[1]
