"""HTML reports: execute the numbered notebooks and write self-contained pages offline."""

from __future__ import annotations

import html
import os
import re
import time
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from analysis.corpus import read_corpus
from analysis.glossary import build_glossary
from analysis.io import atomic_write_text
from analysis.paths import CORPUS_ENV, GLOSSARY_DIR, GLOSSARY_ENV, NOTEBOOKS_DIR, SEEDS_DIR

__all__ = [
    "GLOSSARY_ENV",
    "ReportError",
    "build_reports",
    "external_urls",
    "glossary_page",
    "render_notebook",
]

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
_EXTERNAL = re.compile(
    r"""<(?:script|img|iframe|source|embed)\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//[^"'\s>]+"""
    r"""|<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//[^"'\s>]+"""
    r"""|@import\s+(?:url\()?["']?(?:https?:)?//[^"')\s]+"""
    r"""|url\(\s*["']?(?:https?:)?//[^"')\s]+""",
    re.IGNORECASE,
)


_FONTS = '"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif'
_LEADING_NUMBER = re.compile(r"^\d\d\s+")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class ReportError(RuntimeError):
    """A notebook failed; the message names the notebook and the cell."""


def external_urls(markup: str) -> list[str]:
    """Find resources an HTML page would load from another host.

    Parameters
    ----------
    markup : str
        An HTML document.

    Returns
    -------
    list of str
        The offending ``<script src>``, ``<link href>``, ``<img src>``, CSS ``url()`` or
        ``@import`` fragments (ordinary ``<a href>`` links are allowed).
    """
    return _EXTERNAL.findall(markup)


@contextmanager
def _env(values: dict[str, str]):
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def render_notebook(path: Path, *, timeout: int = 600) -> tuple[str, str]:
    """Execute a jupytext percent script and render it as offline HTML.

    Parameters
    ----------
    path : Path
        ``notebooks/NN_topic.py``.
    timeout : int
        Seconds allowed per cell.

    Returns
    -------
    tuple of (str, str)
        The notebook's title (its first markdown heading) and the HTML page.

    Raises
    ------
    ReportError
        When a cell fails: names the notebook, the cell number and the error.
    """
    import jupytext
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from nbconvert import HTMLExporter

    nb = jupytext.read(path)
    title = path.stem
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", cell.source, re.MULTILINE)
            if m:
                title = m.group(1).strip()
                break
    nb.metadata["title"] = title
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    try:
        client.execute()
    except CellExecutionError as exc:
        index = next(
            (
                i
                for i, c in enumerate(nb.cells)
                if c.cell_type == "code"
                and any(o.get("output_type") == "error" for o in c.get("outputs", []))
            ),
            None,
        )
        cell_no = f"cell {index + 1}" if index is not None else "a cell"
        first = _ANSI.sub("", str(exc)).strip().splitlines()
        ename = next((ln for ln in reversed(first) if ln.strip()), "error")
        raise ReportError(f"{path.name}: {cell_no} failed: {ename}") from exc
    exporter = HTMLExporter(
        template_name="offline",
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        embed_images=True,
    )
    body, _ = exporter.from_notebook_node(nb)
    return title, body


def glossary_page(entries: pd.DataFrame, *, title: str = "名词解释总表") -> str:
    """A self-contained page with every glossary entry in a table filtered as you type.

    Parameters
    ----------
    entries : pandas.DataFrame
        Glossary rows as :func:`analysis.read_glossary` returns them.
    title : str
        Page title.

    Returns
    -------
    str
        The HTML page (inline CSS and script only).
    """
    g = entries
    e = html.escape
    rows = "\n".join(
        "<tr><td class='t'>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>".format(
            e(r.display_term or r.term),
            e(r.definition),
            e("、".join(r.aliases)),
            e(r.doc_id),
            e("" if pd.isna(r.year) else str(int(r.year))),
        )
        for r in g.itertuples()
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(title)}</title>
<style>
body{{font-family:{_FONTS};margin:2em;max-width:1200px}}
input{{font-size:1.1em;padding:.4em;width:24em}}
table{{border-collapse:collapse;margin-top:1em;width:100%}}
td,th{{border-bottom:1px solid #ddd;padding:.4em .6em;vertical-align:top;text-align:left}}
th{{background:#f3f3f3;position:sticky;top:0}} td.t{{font-weight:bold;white-space:nowrap}}
#count{{color:#666;margin-left:1em}}
</style></head><body>
<p><a href="index.html">← 目录</a></p>
<h1>{e(title)}</h1>
<p>各报告附件“名词解释”中的全部词条({len(g)} 条)。输入词语或释义中的字词即可筛选。</p>
<input id="q" type="search" placeholder="搜索: 三资三化、1+6+N、证券化……" autofocus>
<span id="count"></span>
<table id="g"><thead><tr><th>词条</th><th>释义</th><th>又作</th><th>来源报告</th><th>年份</th></tr>
</thead><tbody>
{rows}
</tbody></table>
<script>
const q = document.getElementById('q'), rows = [...document.querySelectorAll('#g tbody tr')];
const fold = s => s.normalize('NFKC').replace(/[“”"'‘’\\s]/g, '').toLowerCase();
const keys = rows.map(r => fold(r.textContent));
function filter() {{
  const k = fold(q.value); let n = 0;
  rows.forEach((r, i) => {{
    const hit = keys[i].includes(k); r.style.display = hit ? '' : 'none'; n += hit;
  }});
  document.getElementById('count').textContent = n + ' / ' + rows.length;
}}
q.addEventListener('input', filter); filter();
</script>
</body></html>
"""


def _index_page(
    pages: list[tuple[str, str]], corpus_name: str, corpus: pd.DataFrame, n_entries: int
) -> str:
    e = html.escape
    cards = "\n".join(
        f'<a class="card" href="{e(href)}"><span class="n">{i:02d}</span>'
        f"{e(_LEADING_NUMBER.sub('', title))}</a>"
        for i, (href, title) in enumerate(pages, start=1)
    )
    reports = "\n".join(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{:,}</td></tr>".format(
            e(r.doc_id),
            e(r.region),
            e(r.level),
            "" if pd.isna(r.year) else int(r.year),
            e(r.kind),
            int(r.n_chars),
        )
        for r in corpus.itertuples()
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>政府工作报告分析 · {e(corpus_name)}</title>
<style>
body{{font-family:{_FONTS};margin:2.5em auto;max-width:900px;line-height:1.6;color:#222}}
h1{{color:#b22222;margin-bottom:.2em}} .meta{{color:#666}}
.cards{{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:12px}}
.card{{display:block;border:1px solid #ddd;border-radius:8px;padding:14px 16px;
  text-decoration:none;color:#222;background:#fafafa}}
.card:hover{{border-color:#b22222;background:#fff5f5}}
.n{{display:block;color:#b22222;font-weight:bold;font-size:1.3em}}
table{{border-collapse:collapse;width:100%;margin-top:.5em}}
td,th{{border-bottom:1px solid #eee;padding:.3em .5em;text-align:left}} th{{background:#f3f3f3}}
</style></head><body>
<h1>政府工作报告:主题与术语</h1>
<p class="meta">语料 {e(corpus_name)} · {len(corpus)} 份报告 · 名词解释 {n_entries} 条 ·
生成于 {time.strftime("%Y-%m-%d")}</p>
<div class="cards">
{cards}
</div>
<h2>报告</h2>
<table><thead><tr><th>报告</th><th>地区</th><th>层级</th><th>年份</th><th>类型</th><th>字数</th>
</tr></thead><tbody>
{reports}
</tbody></table>
</body></html>
"""


def build_reports(
    corpus_dir: str | Path | None = None,
    out_dir: str | Path = "reports",
    *,
    notebooks: list[Path] | None = None,
    timeout: int = 600,
) -> list[Path]:
    """Rebuild the glossary, execute every notebook in order and write the HTML pages.

    Parameters
    ----------
    corpus_dir : str or Path, optional
        The reports to analyse (default the seeds, whose glossary goes to ``glossary/``;
        another corpus's glossary goes to ``out_dir/glossary``).
    out_dir : str or Path
        Where the pages go.
    notebooks : list of Path, optional
        Default: ``notebooks/[0-9][0-9]_*.py`` in order.
    timeout : int
        Seconds allowed per cell.

    Returns
    -------
    list of Path
        The pages written, ``index.html`` last.

    Raises
    ------
    ReportError
        When a notebook fails (the message names it and the cell) or a page would load
        something from another host.
    """
    corpus_path = Path(corpus_dir).resolve() if corpus_dir else SEEDS_DIR
    out = Path(out_dir).resolve()
    corpus = read_corpus(corpus_path)
    glossary_dir = GLOSSARY_DIR if corpus_path == SEEDS_DIR.resolve() else out / "glossary"
    entries = build_glossary(corpus, glossary_dir)
    if notebooks is None:
        notebooks = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.py"))
    written: list[Path] = []
    pages: list[tuple[str, str]] = []
    env = {CORPUS_ENV: str(corpus_path), GLOSSARY_ENV: str(glossary_dir)}
    with _env(env):
        for nb_path in notebooks:
            title, body = render_notebook(nb_path, timeout=timeout)
            bad = external_urls(body)
            if bad:
                raise ReportError(f"{nb_path.name}: the page would load {bad[0]!r} from the web")
            page = out / f"{nb_path.stem}.html"
            atomic_write_text(page, body)
            written.append(page)
            pages.append((page.name, title))
    gpage = atomic_write_text(out / "glossary.html", glossary_page(entries))
    written.append(gpage)
    pages.append((gpage.name, "名词解释总表(可搜索)"))
    index = atomic_write_text(
        out / "index.html", _index_page(pages, corpus_path.name, corpus, len(entries))
    )
    written.append(index)
    return written
