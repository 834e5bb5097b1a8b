"""Reports: every notebook runs on a folder without a catalog; pages are offline and complete."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from analysis import read_glossary
from analysis.paths import NOTEBOOKS_DIR, SEEDS_DIR
from analysis.report import ReportError, build_reports, external_urls, glossary_page

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.py"))


def test_external_url_check() -> None:
    page = (
        '<script src="https://cdn.example/require.js"></script><a href="https://example.org">ok</a>'
        '<link rel="stylesheet" href="//fonts.example/x.css"><img src="data:image/png;base64,AA">'
        "<style>@import url('https://x.example/y.css');</style>"
    )
    found = external_urls(page)
    assert len(found) == 3
    assert (
        external_urls('<a href="https://example.org">x</a><script>var u="https://a";</script>')
        == []
    )


def test_notebooks_have_no_def_or_class_and_state_a_question() -> None:
    assert [p.name for p in NOTEBOOKS] == [
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
        assert (
            "# %% [markdown]\n# # " in text and "?" in text.split("\n# # ", 1)[1].splitlines()[0]
        ), nb.name
        assert "from analysis" in text


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = tmp_path_factory.mktemp("my_reports")
    for f in SEEDS_DIR.glob("*.txt"):  # no catalog.csv: metadata is inferred
        shutil.copy(f, corpus / f.name)
    out = tmp_path_factory.mktemp("out")
    cache = tmp_path_factory.mktemp("cache")  # a cold token cache, as on a fresh machine
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ANALYSIS_CACHE_DIR", str(cache))
        build_reports(corpus, out)
    return out


def test_a_single_report_folder_works(tmp_path: Path) -> None:
    corpus = tmp_path / "one"
    corpus.mkdir()
    shutil.copy(SEEDS_DIR / "003_732b78ec93e976fc.txt", corpus)
    pages = build_reports(corpus, tmp_path / "out", notebooks=[NOTEBOOKS[2], NOTEBOOKS[3]])
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert 'data-mime-type="application/vnd.jupyter.stderr"' not in html, page.name


def test_all_pages_are_written(built: Path) -> None:
    names = sorted(p.name for p in built.glob("*.html"))
    assert names == [
        "01_corpus_overview.html",
        "02_tokenization.html",
        "03_keywords.html",
        "04_topics.html",
        "05_slogans.html",
        "06_glossary.html",
        "glossary.html",
        "index.html",
    ]
    assert (built / "glossary" / "glossary.csv").is_file()  # beside the reports, not over ours
    index = (built / "index.html").read_text(encoding="utf-8")
    assert index.count('<a class="card" href=') == 7 and "my_reports" in index
    assert index.count("<tr><td>") == 5 and "名词解释 38 条" in index


def test_pages_are_offline_and_without_errors_or_missing_glyphs(built: Path) -> None:
    for page in built.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert external_urls(html) == [], page.name
        assert "missing from font" not in html, page.name
        assert "Traceback" not in html, page.name
        # no warning or error printed by any cell
        assert 'data-mime-type="application/vnd.jupyter.stderr"' not in html, page.name


def test_pages_show_their_content(built: Path) -> None:
    minimum = {
        "01_corpus_overview": 1,
        "02_tokenization": 1,
        "03_keywords": 2,
        "04_topics": 3,
        "05_slogans": 1,
        "06_glossary": 1,
    }
    for name, n in minimum.items():
        page = (built / f"{name}.html").read_text(encoding="utf-8")
        # each figure once, as an embedded PNG (never as "<Figure size ...>" text)
        assert len(re.findall(r'<img [^>]*src="data:image/png;base64,', page)) >= n, name
        assert "&lt;Figure size" not in page, name
    topics = (built / "04_topics.html").read_text(encoding="utf-8")
    assert "new LDAvis(" in topics and "function(d3" not in topics.split("new LDAvis(")[0][-200:]
    glossary = (built / "glossary.html").read_text(encoding="utf-8")
    assert glossary.count("<tr><td class='t'>") == 38
    assert "addEventListener('input'" in glossary


def test_glossary_page_rows(tmp_path: Path) -> None:
    page = glossary_page(read_glossary(Path(__file__).resolve().parents[1] / "glossary"))
    assert (
        "<td class='t'>三资三化</td><td>国有资源资产化、国有资产证券化、国有资金杠杆化。</td>"
        in page
    )


def test_failing_notebook_names_the_cell(tmp_path: Path) -> None:
    bad = tmp_path / "99_bad.py"
    bad.write_text("# %% [markdown]\n# # Bad?\n\n# %%\nx = 1\n\n# %%\n1 / 0\n", encoding="utf-8")
    corpus = tmp_path / "c"
    corpus.mkdir()
    shutil.copy(SEEDS_DIR / "003_732b78ec93e976fc.txt", corpus)
    with pytest.raises(ReportError, match=r"99_bad.py: cell 3 failed: ZeroDivisionError"):
        build_reports(corpus, tmp_path / "out", notebooks=[bad])
