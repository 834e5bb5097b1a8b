"""The bundled CJK font: where it is, and subsets of it embedded in HTML pages.

Pages must read right on a machine without a Chinese font, so each page carries the glyphs it
uses: the bundled Noto Sans CJK SC is cut down to the page's characters with HarfBuzz's
subsetter (uharfbuzz; about 15 ms for 1,500 characters, where fontTools' subsetter takes about
1.7 s), packed as WOFF by fontTools (zlib; WOFF2's Brotli at its fixed top quality takes another
1.5 s for 10 % less) and inlined as a base64 ``data:`` URL in an ``@font-face`` rule. A report
of 875 reports writes 875 report pages: this is what keeps that to a minute.
"""

from __future__ import annotations

import base64
import importlib.util
import io
import re
from pathlib import Path

__all__ = [
    "CJK_FONT_NAME",
    "CJK_FONT_PATH",
    "FONT_MARKER",
    "PAGE_FONT_FAMILY",
    "embed_font",
    "font_face_css",
    "page_characters",
    "subset_font",
]

#: Family name of the bundled font (as matplotlib knows it).
CJK_FONT_NAME = "Noto Sans CJK SC"
#: Family name of the subset embedded in a page; no installed font has this name.
PAGE_FONT_FAMILY = "Report CJK Embedded"

#: Characters the embedded font is used for (everything but ASCII).
UNICODE_RANGE = "U+0080-10FFFF"
_BASE64 = re.compile(r"[A-Za-z0-9+/=]{200,}")


def _font_path() -> Path:
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the mplfonts package (which ships the CJK font) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "fonts" / "NotoSansCJKsc-Regular.otf"


#: The OpenType font shipped by the ``mplfonts`` package.
CJK_FONT_PATH: Path = _font_path()


def page_characters(markup: str) -> str:
    """Collect the characters a page can show.

    All of the markup counts, tags, attribute values and script data included (the topic
    view draws its terms from JSON inside a ``<script>``); long base64 runs (images) do not.
    A few characters too many cost a few hundred bytes; one too few would show as a box.

    Parameters
    ----------
    markup : str
        An HTML page or fragment.

    Returns
    -------
    str
        The distinct printable characters, sorted.
    """
    text = _BASE64.sub("", markup)
    return "".join(sorted({ch for ch in text if ch.isprintable() and not ch.isspace()}))


#: Tables left out of a page's subset: layout, vertical metrics and signatures a page of
#: horizontal text does not use.
_DROPPED_TABLES = ("GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx", "DSIG")


def subset_font(characters: str, *, font_path: Path = CJK_FONT_PATH) -> bytes:
    """Cut the font down to some characters and save it as WOFF.

    Parameters
    ----------
    characters : str
        The characters to keep (duplicates and characters the font lacks are ignored).
    font_path : Path
        The OpenType font to cut (default the bundled Noto Sans CJK SC).

    Returns
    -------
    bytes
        A WOFF font with those glyphs (and ``.notdef``), without hinting, subroutines or
        OpenType layout tables.
    """
    import uharfbuzz as hb
    from fontTools.ttLib import TTFont

    face = hb.Face(hb.Blob.from_file_path(str(font_path)))
    wanted = hb.SubsetInput()
    for code in sorted({ord(ch) for ch in characters}):
        wanted.unicode_set.add(code)
    wanted.flags = hb.SubsetFlags.NO_HINTING | hb.SubsetFlags.DESUBROUTINIZE
    wanted.layout_feature_tag_set.clear()
    for tag in _DROPPED_TABLES:
        wanted.drop_table_tag_set.add(int.from_bytes(tag.encode("ascii"), "big"))
    cut = hb.subset(face, wanted)
    if cut is None:
        raise RuntimeError(f"{font_path}: HarfBuzz could not cut the font")
    buffer = io.BytesIO()
    with TTFont(io.BytesIO(bytes(cut.blob.data)), lazy=True, recalcTimestamp=False) as font:
        font.flavor = "woff"
        font.save(buffer, reorderTables=False)
    return buffer.getvalue()


def font_face_css(characters: str, *, family: str = PAGE_FONT_FAMILY) -> str:
    """An ``@font-face`` rule that embeds the bundled font cut to some characters.

    Parameters
    ----------
    characters : str
        The characters the page shows (see :func:`page_characters`).
    family : str
        The family name the page's CSS refers to.

    Returns
    -------
    str
        ``@font-face{...;src:url(data:font/woff;base64,...) format("woff");
        unicode-range:U+0080-10FFFF}``. ASCII is left to the next font of the CSS stack
        (a monospace font for code, the reader's sans-serif for prose), so the family can
        come first in every stack: browsers load a web font reliably only when it is the first
        font that covers a character.
    """
    wide = "".join(ch for ch in characters if ord(ch) > 0x7F)
    data = base64.b64encode(subset_font(wide)).decode("ascii")
    return (
        f'@font-face{{font-family:"{family}";font-style:normal;font-weight:400;'
        f'font-display:block;src:url(data:font/woff;base64,{data}) format("woff");'
        f"unicode-range:{UNICODE_RANGE}}}"
    )


#: Placeholder a page template leaves where :func:`embed_font` puts the ``@font-face`` rule.
FONT_MARKER = "/*@font-face: embedded subset of the bundled font*/"


def embed_font(markup: str, *, marker: str = FONT_MARKER) -> str:
    """Replace the marker in a page with an ``@font-face`` rule for the page's characters.

    Parameters
    ----------
    markup : str
        An HTML page containing ``marker`` once (in a ``<style>`` element).
    marker : str
        The placeholder.

    Returns
    -------
    str
        The page with the font embedded (unchanged when the marker is absent).
    """
    if marker not in markup:
        return markup
    characters = page_characters(markup.replace(marker, ""))
    return markup.replace(marker, font_face_css(characters), 1)
