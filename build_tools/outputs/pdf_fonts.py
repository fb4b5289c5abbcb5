"""Real font subsets: a WeasyPrint finisher that re-subsets each embedded CJK face to the glyphs used.

WeasyPrint subsets with retained glyph ids, so an embedded Noto CJK face still numbers all 65,535
glyphs (empty ones included): 115–170 KB a face even for a dozen glyphs. Noto CJK's CFF is
CID-keyed with CID = glyph id (Adobe-Identity-0), and WeasyPrint's text shows those ids as CIDs.
So the face can be renumbered freely as long as its CFF charset keeps each glyph's CID: readers
find glyphs through the charset (PDF 32000 §9.7.4.2). The finisher keeps the used CIDs (read from
the font's ``W`` widths array), drops everything else and embeds the bare CID-keyed CFF
(``FontFile3 /CIDFontType0C``), the classic form of CJK fonts in PDF. Content streams, widths and
ToUnicode maps are untouched, so text extraction and tagging are unaffected.
"""

from __future__ import annotations

import io

import pydyf
from fontTools import subset
from fontTools.ttLib import TTFont


def _number(reference: object) -> int:
    """The object number of an indirect reference as pydyf writes it (``b"12 0 R"``)."""
    text = reference.decode() if isinstance(reference, bytes) else str(reference)
    return int(text.split()[0])


def _cids(widths: pydyf.Array) -> set[int]:
    """Every CID listed in a ``W`` array written as ``first [w1 w2 …] first [w…]``."""
    found: set[int] = set()
    items = list(widths)
    for first, run in zip(items[::2], items[1::2], strict=False):
        found.update(range(int(first), int(first) + len(run)))
    return found


def cff_subset(font_program: bytes, cids: set[int]) -> bytes | None:
    """The bare CFF of ``font_program`` with only ``cids`` (and .notdef), renumbered; None if not CID-keyed."""
    font = TTFont(io.BytesIO(font_program))
    if "CFF " not in font or not hasattr(font["CFF "].cff.topDictIndex[0], "ROS"):
        return None
    options = subset.Options(
        retain_gids=False, hinting=False, desubroutinize=True, ignore_missing_glyphs=True, notdef_outline=True
    )
    options.drop_tables += ["GSUB", "GPOS", "SVG "]
    subsetter = subset.Subsetter(options)
    order = font.getGlyphOrder()
    subsetter.populate(gids=sorted({0} | {cid for cid in cids if cid < len(order)}))
    subsetter.subset(font)
    return font["CFF "].compile(font)


def subset_fonts(_document: object, pdf: pydyf.PDF) -> None:
    """WeasyPrint finisher: replace each CID-keyed OpenType face by a renumbered bare CFF subset."""
    objects = pdf.objects
    used: dict[int, set[int]] = {}
    for item in objects:
        if isinstance(item, pydyf.Dictionary) and item.get("Subtype") == "/CIDFontType0" and "W" in item:
            descriptor = objects[_number(item["FontDescriptor"])]
            if "FontFile3" in descriptor:
                used.setdefault(_number(descriptor["FontFile3"]), set()).update(_cids(item["W"]))
    for number, cids in sorted(used.items()):
        stream = objects[number]
        if stream.extra.get("Subtype") != "/OpenType":
            continue
        program = b"".join(part if isinstance(part, bytes) else bytes(part) for part in stream.stream)
        cff = cff_subset(program, cids)
        if cff is not None:
            stream.stream = [cff]
            stream.extra["Subtype"] = "/CIDFontType0C"
