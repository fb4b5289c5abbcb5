"""CSV the way a spreadsheet reads it safely: source text never becomes a formula.

A cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which some spreadsheet
software strips before looking) is read as a formula by Excel, LibreOffice and Google Sheets when the file is
opened. Following OWASP's advice for CSV injection, such a text cell is written with a leading single quote, which
the spreadsheet shows as text. Numbers are written as numbers (a value of -5 stays ``-5`` and sums as one): the rule
looks at the Python type of the value, never at its look, so only text from the sources and YAML is prefixed. The
search page's concordance CSV applies the same rule in the browser (``csvCell`` in search.js).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> object:
    """The value as the CSV writes it: text that a spreadsheet would read as a formula gets a leading ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_text(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    """A whole CSV file (``\\n`` line ends, minimal quoting), every text cell passed through ``spreadsheet_cell``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    # Python's writer quotes a cell holding the line terminator's characters only, so with "\n" a lone carriage
    # return would go out bare and end the row for a reader: a row holding one is written fully quoted.
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    for row in rows:
        cells = [spreadsheet_cell(value) for value in row]
        (quoted if any(isinstance(cell, str) and "\r" in cell for cell in cells) else writer).writerow(cells)
    return out.getvalue()
