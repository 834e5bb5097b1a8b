"""Reports: every notebook runs on a folder without a catalog; pages are offline, Chinese and linked."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from analysis.common.paths import NOTEBOOKS_DIR, SEEDS_DIR
from analysis.pages.fonts import PAGE_FONT_FAMILY
from analysis.pages.report import (
    ReportError,
    build_reports,
    execute_notebook,
    external_urls,
    notebook_html,
)
from analysis.read.corpus import CorpusWarning

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.py"))
NOTEBOOK_PAGES = [f"{p.stem}.html" for p in NOTEBOOKS]
REPORT_PAGES = [f"report-{i:02d}.html" for i in range(1, 6)]
FONT_FACE = re.compile(r"@font-face\{[^}]*src:url\(data:font/woff;base64,([A-Za-z0-9+/=]+)\)")
SHORT_REPORT = """青岛市某区2026年政府工作报告
各位代表:
现在,我代表区人民政府,向大会报告工作,请予审议。
一、2025年工作回顾
过去一年,我们深入推进“三资三化”改革,构建“1+6+N”产业体系。
二、2026年工作安排
今年全区经济社会发展的主要预期目标是:地区生产总值增长6%左右。
"""


PROMPT = re.compile(r"(?:In|Out)(?:&nbsp;|\s)?\[\d*\]:|jp-InputPrompt|jp-OutputPrompt")


def _body(html: str) -> str:
    """The page after its <head> (the inlined JupyterLab CSS mentions prompts in comments)."""
    return html.split("</head>", 1)[1]


def _nav(html: str) -> str:
    return re.search(r'<nav [^>]*class="pages"[^>]*>(.*?)</nav>', html, re.DOTALL).group(1)


def test_external_url_check() -> None:
    page = (
        '<script src="https://cdn.example/require.js"></script><a href="https://example.org">ok</a>'
        '<link rel="stylesheet" href="//fonts.example/x.css"><img src="data:image/png;base64,AA">'
        "<style>@import url('https://x.example/y.css');</style>"
    )
    assert len(external_urls(page)) == 3
    assert (
        external_urls('<a href="https://example.org">x</a><script>var u="https://a";</script>')
        == []
    )


def test_notebooks_have_no_def_or_class_and_state_a_question() -> None:
    assert [p.name for p in NOTEBOOKS][:6] == [
        "01_corpus_overview.py",
        "02_tokenization.py",
        "03_keywords.py",
        "04_topics.py",
        "05_slogans.py",
        "06_glossary.py",
    ]
    for nb in NOTEBOOKS:
        text = nb.read_text(encoding="utf-8")
        assert "\ndef " not in text and "\nclass " not in text, nb.name
        title = text.split("\n# # ", 1)[1].splitlines()[0]
        assert "# %% [markdown]\n# # " in text and title.endswith("?"), nb.name
        assert "from analysis" in text


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The seeds (without their catalog) rendered once, under umask 022, on a cold cache."""
    corpus = tmp_path_factory.mktemp("my_reports")
    for f in SEEDS_DIR.glob("*.txt"):  # no catalog.csv: metadata is inferred
        shutil.copy(f, corpus / f.name)
    out = tmp_path_factory.mktemp("out")
    cache = tmp_path_factory.mktemp("cache")
    progress: list[str] = []
    old_mask = os.umask(0o022)
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("ANALYSIS_CACHE_DIR", str(cache))
            build_reports(corpus, out, progress=progress.append)
    finally:
        os.umask(old_mask)
    return out, progress


@pytest.fixture(scope="module")
def pages(built: tuple[Path, list[str]]) -> dict[str, str]:
    out, _ = built
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob("*.html"))}


def test_all_pages_are_written_with_progress(built: tuple[Path, list[str]]) -> None:
    out, progress = built
    names = sorted(p.name for p in out.glob("*.html"))
    assert names == sorted(
        [*NOTEBOOK_PAGES, "glossary.html", "terms.html", *REPORT_PAGES, "index.html"]
    )
    assert (out / "glossary" / "glossary.csv").is_file()  # beside the reports, not over ours
    n = len(NOTEBOOKS)
    # two notebooks run at once, so their lines come in the order they finish
    assert sorted(line.split(":")[0] for line in progress[:n]) == [
        f"[{i}/{n}] {p.name}" for i, p in enumerate(NOTEBOOKS, start=1)
    ]
    assert progress[n:] == ["glossary, terms and 5 report pages written"]


def test_written_files_are_0644(built: tuple[Path, list[str]]) -> None:
    out, _ = built
    files = [p for p in out.rglob("*") if p.is_file()]
    assert files
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in files} == {p.name: 0o644 for p in files}


def test_pages_are_chinese_offline_and_without_code(pages: dict[str, str]) -> None:
    for name, html in pages.items():
        assert '<html lang="zh-CN">' in html, name
        assert external_urls(html) == [], name
        assert PROMPT.search(_body(html)) is None, name
        assert "hl-ipython3" not in html, name  # no code cell input
        assert "Traceback" not in html and "missing from font" not in html, name
        # no warning or error printed by any cell
        assert 'data-mime-type="application/vnd.jupyter.stderr"' not in html, name


def test_every_page_embeds_a_font_subset_under_1_mb(pages: dict[str, str]) -> None:
    for name, html in pages.items():
        fonts = FONT_FACE.findall(html)
        assert len(fonts) == 1, name
        assert f'font-family:"{PAGE_FONT_FAMILY}"' in html, name
        assert 10_000 < len(fonts[0]) < 1_000_000, name


def test_pages_link_the_index_and_their_neighbours(pages: dict[str, str]) -> None:
    order = [*NOTEBOOK_PAGES, "glossary.html", "terms.html", *REPORT_PAGES]
    for i, name in enumerate(order):
        links = re.findall(r'<a [^>]*href="([^"]+)"', _nav(pages[name]))
        neighbours = order[max(i - 1, 0) : i] + order[i + 1 : i + 2]
        assert links == ["index.html", *neighbours], name
    index = pages["index.html"]
    for name in [*NOTEBOOK_PAGES, "glossary.html", "terms.html"]:
        assert f'<a class="card" href="{name}">' in index, name
    assert re.findall(r'<a class="report" href="([^"]+)">', index) == REPORT_PAGES
    assert "my_reports" in index and "名词解释 38 条" in index


def test_report_pages_show_keywords_slogans_and_glossary(pages: dict[str, str]) -> None:
    links = dict(re.findall(r'<a class="report" href="([^"]+)">([^<]+)</a>', pages["index.html"]))
    by_report = {doc_id: pages[href] for href, doc_id in links.items()}
    page = by_report[
        "003_732b78ec93e976fc"
    ]  # 即墨区2026 (no catalog: the file name), with a glossary
    assert "<h1>003_732b78ec93e976fc</h1>" in page
    for heading in ("关键词 (TF-IDF)", "提法与口号", "本报告的名词解释"):
        assert f"<h2>{heading}</h2>" in page
    assert "<td>五诊</td>" in page
    assert "这份报告没有“名词解释”附件。" in by_report["000_b2977c27da95a6ed"]


def test_pages_show_their_content(pages: dict[str, str]) -> None:
    minimum = {
        "01_corpus_overview": 1,
        "02_tokenization": 1,
        "03_keywords": 2,
        "04_topics": 3,
        "05_slogans": 1,
        "06_glossary": 1,
    }
    for name, n in minimum.items():
        page = pages[f"{name}.html"]
        # each figure once, as an embedded PNG (never as "<Figure size ...>" text)
        assert len(re.findall(r'<img [^>]*src="data:image/png;base64,', page)) >= n, name
        assert "&lt;Figure size" not in page, name
    topics = pages["04_topics.html"]
    assert "new LDAvis(" in topics and "xpad = 0.25" in topics  # circles not cut at the edge
    assert pages["glossary.html"].count("<tr data-key=") == 38


def test_glossary_filter_uses_the_lookup_key(pages: dict[str, str]) -> None:
    page = pages["glossary.html"]
    assert (
        '<tr data-key="三资三化|三资三化|国有资源资产化、国有资产证券化、国有资金杠杆化。|' in page
    )
    assert '"資": "资"' in page or '"\\u8cc7": "\\u8d44"' in page


def test_code_cells_are_shown_on_request(tmp_path: Path) -> None:
    script = tmp_path / "01_small.py"
    script.write_text(
        '# %% [markdown]\n# # 小测试?\n\n# %%\nprint("你好")\n\n# %%\n1 + 1\n', encoding="utf-8"
    )
    nb, stopped = execute_notebook(script)
    hidden = notebook_html(nb)
    shown = notebook_html(nb, with_code=True)
    assert stopped == ""
    assert "hl-ipython3" not in hidden and "你好" in hidden
    assert "hl-ipython3" in shown and "print" in shown
    assert PROMPT.search(_body(shown)) is None and PROMPT.search(_body(hidden)) is None


def test_a_short_report_gives_every_page_with_the_reason(tmp_path: Path) -> None:
    corpus = tmp_path / "one"
    corpus.mkdir()
    (corpus / "short.txt").write_text(SHORT_REPORT, encoding="utf-8")
    (corpus / "scan.txt").write_bytes(bytes(range(256)) * 4)  # bad files beside it
    (corpus / "empty.txt").write_text("\n", encoding="utf-8")
    progress: list[str] = []
    with pytest.warns(CorpusWarning, match=r"skipped .*(scan|empty)\.txt"):
        pages = build_reports(corpus, tmp_path / "out", progress=progress.append)
    assert sorted(p.name for p in pages) == sorted(
        [*NOTEBOOK_PAGES, "glossary.html", "terms.html", "report-01.html", "index.html"]
    )
    topics = (tmp_path / "out" / "04_topics.html").read_text(encoding="utf-8")
    assert "本页到此为止:文本太少,无法建立主题模型" in topics
    assert "PageStopped" not in topics and "Traceback" not in topics
    assert any("04_topics.py" in line and "page stops early" in line for line in progress)


def test_failing_notebook_names_the_cell(tmp_path: Path) -> None:
    bad = tmp_path / "99_bad.py"
    bad.write_text("# %% [markdown]\n# # Bad?\n\n# %%\nx = 1\n\n# %%\n1 / 0\n", encoding="utf-8")
    corpus = tmp_path / "c"
    corpus.mkdir()
    shutil.copy(SEEDS_DIR / "003_732b78ec93e976fc.txt", corpus)
    with pytest.raises(ReportError, match=r"99_bad.py: cell 3 failed: ZeroDivisionError"):
        build_reports(corpus, tmp_path / "out", notebooks=[bad], progress=None)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
chromium_only = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium not installed (Debian: apt-get install chromium)"
)
CELL = 40  # pixels per character cell of the glyph grid


def _chromium(env: dict[str, str], url: str, *extra: str) -> str:
    """Run a headless Chromium on a page, its profile in ``env``'s temporary folder."""
    tmp = Path(env["TMPDIR"])
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    cmd = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--virtual-time-budget=5000",
        *extra,
        url,
    ]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _grid_cells(
    env: dict[str, str], tmp: Path, name: str, chars: list[str], font_face: str
) -> list[bytes]:
    """Screenshot every character in its own cell, in the embedded family only; cell pixels."""
    import numpy as np
    from PIL import Image

    cols = 40
    rows = (len(chars) + cols - 1) // cols
    spans = "".join(f"<span>{c}</span>" for c in chars)
    page = tmp / f"{name}.html"
    page.write_text(
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>'
        f"{font_face} html,body{{margin:0;background:#fff}}"
        f".g{{display:grid;grid-template-columns:repeat({cols},{CELL}px);"
        f"grid-auto-rows:{CELL}px}}"
        f'span{{font:28px/{CELL}px "{PAGE_FONT_FAMILY}";text-align:center;overflow:hidden;'
        f'color:#000}}</style></head><body><div class="g">{spans}</div></body></html>',
        encoding="utf-8",
    )
    png = tmp / f"{name}.png"
    _chromium(
        env, page.as_uri(), f"--window-size={cols * CELL},{rows * CELL}", f"--screenshot={png}"
    )
    pixels = np.asarray(Image.open(png).convert("L"))
    return [
        pixels[
            (i // cols) * CELL : (i // cols + 1) * CELL, (i % cols) * CELL : (i % cols + 1) * CELL
        ].tobytes()
        for i in range(len(chars))
    ]


#: Characters no font here has (CJK Extension B, outside Noto Sans CJK SC): they draw as boxes.
TOFU = ["\U0002a6d6", "\U0002a6d5"]


@chromium_only
@pytest.mark.parametrize("name", ["glossary.html", "04_topics.html", "report-03.html"])
def test_embedded_font_draws_every_character_without_a_cjk_font(
    pages: dict[str, str], name: str, tmp_path: Path, browser_env: dict[str, str]
) -> None:
    """Every non-ASCII character of the page drawn in the page's embedded font is not a box.

    Each character sits in its own cell; the reference cells hold characters that no font
    has, i.e. the missing-glyph box. Without the @font-face (the control) the Chinese
    characters must be boxes, which shows the browser sees no CJK font of the system.
    """
    from analysis.pages.fonts import page_characters

    html = pages[name]
    face = re.search(r"@font-face\{[^}]*\}", html)
    assert face is not None
    chars = [c for c in page_characters(html) if ord(c) > 0x7F]
    cells = _grid_cells(browser_env, tmp_path, "embedded", [*TOFU, *chars], face.group(0))
    box = cells[0]
    assert cells[1] == box and len(set(box)) > 1  # the box is drawn and is the same for both
    boxes = [c for c, cell in zip(chars, cells[2:], strict=True) if cell == box]
    blank = [c for c, cell in zip(chars, cells[2:], strict=True) if len(set(cell)) == 1]
    assert boxes == [] and blank == []
    control = _grid_cells(browser_env, tmp_path, "control", [*TOFU, *chars], "")
    han = [i for i, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"]
    assert han and all(control[i + 2] == control[0] for i in han)


@chromium_only
def test_glossary_filter_in_the_browser(
    built: tuple[Path, list[str]], browser_env: dict[str, str]
) -> None:
    out, _ = built
    page = (out / "glossary.html").as_uri()
    dom = _chromium(
        browser_env, f"{page}#q=%E4%B8%89%E8%B3%87%E4%B8%89%E5%8C%96", "--dump-dom"
    )  # 三資三化
    shown = re.findall(r'<tr data-key="[^"]*">\s*<td class="t"><a [^>]*>([^<]+)</a></td>', dom)
    assert "三资三化" in shown and len(shown) < 38
    assert re.search(r'<span id="count">\d+ / 38</span>', dom)


def test_an_output_folder_without_room_fails_before_any_notebook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from collections import namedtuple

    import analysis.run.steps
    from analysis.common.io import WriteError

    usage = namedtuple("usage", "total used free")

    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("the corpus was read before the output folder was checked")

    monkeypatch.setattr(shutil, "disk_usage", lambda path: usage(10**9, 10**9 - 10**6, 10**6))
    monkeypatch.setattr(analysis.run.steps, "corpus_steps", no_work)
    with pytest.raises(WriteError) as info:
        build_reports(SEEDS_DIR, tmp_path / "out", progress=None)
    assert str(info.value) == (
        f"{tmp_path / 'out'}: only 1 MB free on its disk, 100 MB needed; free some disk space "
        "or choose another folder"
    )
