"""JupyterLab's Chinese font.

On a machine without a Chinese font JupyterLab would draw every Chinese character as a box.
It draws its interface, Markdown and outputs with ``.jupyter/custom/custom.css`` (loaded because
``LabApp.custom_css`` is set in ``.jupyter/jupyter_lab_config.json``), whose ``@font-face``
points at ``/custom/`` + :data:`LAB_FONT_FILE`, served by Jupyter from the same folder: the
bundled Noto Sans CJK SC cut to GBK's characters (simplified and traditional hanzi and
punctuation), written there by :func:`write_lab_font` when ``make lab`` starts. Figures use
the same font through matplotlib (:func:`analysis.pages.plots.cjk_style`).
"""

from __future__ import annotations

from pathlib import Path

from analysis.pages.fonts import CJK_FONT_PATH, subset_font
from analysis.pages.kernels import project_env

__all__ = [
    "LAB_FONT_FAMILY",
    "LAB_FONT_FILE",
    "lab_characters",
    "write_lab_font",
]

#: Family name of the font ``custom.css`` declares; no installed font has this name.
LAB_FONT_FAMILY = "Lab CJK"
#: The font file in ``.jupyter/custom/`` (git-ignored, made by :func:`write_lab_font`).
LAB_FONT_FILE = "noto-sans-cjk-sc-gbk.woff"


def _gbk_characters() -> str:
    """Every character GBK encodes in two bytes (GB2312's and the traditional ones)."""
    chars = []
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                chars.append(bytes((lead, trail)).decode("gbk"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


def lab_characters() -> str:
    """The characters of JupyterLab's font: GBK's two-byte characters and Latin-1's upper half.

    Returns
    -------
    str
        21,867 distinct characters: the 21,791 of GBK (hanzi of GB2312 and GBK, CJK and
        full-width punctuation, kana, Greek, Cyrillic, box drawing) and U+00A0-U+00FF.
    """
    latin = "".join(chr(code) for code in range(0xA0, 0x100))
    return "".join(sorted(set(_gbk_characters() + latin)))


def write_lab_font(config_dir: Path | None = None, *, font_path: Path = CJK_FONT_PATH) -> Path:
    """Write JupyterLab's font next to ``custom.css``, unless it is already there.

    Parameters
    ----------
    config_dir : Path, optional
        Jupyter's configuration folder (default the project's ``.jupyter``).
    font_path : Path
        The font to cut (default the bundled Noto Sans CJK SC).

    Returns
    -------
    Path
        ``<config_dir>/custom/`` + :data:`LAB_FONT_FILE`, a WOFF of about 4.3 MB (about 2.5 s
        to cut; a later call finds it and returns at once).
    """
    folder = (config_dir or Path(project_env()["JUPYTER_CONFIG_DIR"])) / "custom"
    target = folder / LAB_FONT_FILE
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f".{LAB_FONT_FILE}.part"
        partial.write_bytes(subset_font(lab_characters(), font_path=font_path))
        partial.replace(target)  # a lab started meanwhile never sees half a font
    return target
