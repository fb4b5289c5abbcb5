"""Real font subsets: a WeasyPrint finisher that re-subsets each embedded CJK face to the glyphs used.

WeasyPrint subsets with retained glyph ids, so an embedded Noto CJK face still numbers all 65,535
glyphs (empty ones included): 115–170 KB a face even for a dozen glyphs. Noto CJK's CFF is
CID-keyed with CID = glyph id (Adobe-Identity-0), and WeasyPrint's text shows those ids as CIDs.
So the face can be renumbered freely as long as its CFF charset keeps each glyph's CID: readers
find glyphs through the charset (PDF 32000 §9.7.4.2). The finisher keeps the used CIDs (read from
the font's ``W`` widths array), subsets the original face with HarfBuzz (which keeps each glyph's
CID in the charset), drops everything else and embeds the bare CID-keyed CFF
(``FontFile3 /CIDFontType0C``), the classic form of CJK fonts in PDF. Content streams, widths and
ToUnicode maps are untouched, so text extraction and tagging are unaffected.
"""

from __future__ import annotations

import io

import pydyf


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


def cff_subset(hb_face: object, cids: set[int]) -> bytes | None:
    """The bare CFF of the font with only ``cids`` (and .notdef), renumbered; None if not CID-keyed.

    HarfBuzz subsets the original face (milliseconds; fontTools took seconds a face) and keeps each
    glyph's CID in the charset of a CID-keyed CFF, which ``_check_cids`` verifies.
    """
    from weasyprint.text.ffi import ffi, harfbuzz, harfbuzz_subset

    subset_input = ffi.gc(harfbuzz_subset.hb_subset_input_create_or_fail(), harfbuzz_subset.hb_subset_input_destroy)
    glyphs = sorted({0} | cids)
    array = ffi.new(f"hb_codepoint_t[{len(glyphs)}]", glyphs)
    harfbuzz.hb_set_add_sorted_array(harfbuzz_subset.hb_subset_input_glyph_set(subset_input), array, len(glyphs))
    flags = (
        harfbuzz_subset.HB_SUBSET_FLAGS_NO_HINTING
        | harfbuzz_subset.HB_SUBSET_FLAGS_DESUBROUTINIZE  # smaller here than subsetted subroutines
        | harfbuzz_subset.HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE  # the PDF shows glyphs, it never shapes again
    )
    harfbuzz_subset.hb_subset_input_set_flags(subset_input, flags)
    face = harfbuzz_subset.hb_subset_or_fail(hb_face, subset_input)
    if face == ffi.NULL:
        return None
    face = ffi.gc(face, harfbuzz.hb_face_destroy)
    blob = harfbuzz.hb_face_reference_table(face, harfbuzz.hb_tag_from_string(b"CFF ", -1))
    try:
        length = ffi.new("unsigned int *")
        data = harfbuzz.hb_blob_get_data(blob, length)
        cff = bytes(ffi.buffer(data, length[0])) if length[0] else b""
    finally:
        harfbuzz.hb_blob_destroy(blob)
    return cff if cff and _check_cids(cff, glyphs) else None


def _check_cids(cff: bytes, glyphs: list[int]) -> bool:
    """Whether the subset is CID-keyed and its charset holds every wanted CID (so the text's codes still work)."""
    from fontTools.cffLib import CFFFontSet

    font_set = CFFFontSet()
    font_set.decompile(io.BytesIO(cff), None)
    top = font_set.topDictIndex[0]
    if not hasattr(top, "ROS"):
        return False
    return set(glyphs) <= {0 if name == ".notdef" else int(name[3:]) for name in top.charset}


def subset_fonts(document: object, pdf: pydyf.PDF) -> None:
    """WeasyPrint finisher: replace each CID-keyed OpenType face by a renumbered bare CFF subset."""
    faces = {id(font.file_content): font.hb_face for font in document.fonts.values()}
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
        face = faces.get(id(stream.stream[0])) if len(stream.stream) == 1 else None
        cff = cff_subset(face, cids) if face is not None else None
        if cff is not None:
            stream.stream = [cff]
            stream.extra["Subtype"] = "/CIDFontType0C"
