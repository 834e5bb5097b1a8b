"""The report on a synthetic panel of 40 reports (8 regions × 5 years): every report and every
glossary entry reachable in the pages, no page carrying the corpus path or a warning, long
tables never cut silently."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from analysis.pages.report import build_reports

REGIONS = ["北京市", "天津市", "河北省", "山西省", "四川省", "云南省", "广东省", "江西省"]
YEARS = range(2019, 2024)
SLOGANS = ["放管服", "一网通办", "两重", "双一流", "专精特新", "最多跑一次"]
GLOSSARY_TERMS = {"四川省": ["天府粮仓", "三个做优做强"], "江西省": ["2030启航计划"]}


def _report(region: str, year: int, r: int) -> str:
    """A short report of its own: slogans enter over the years, region by region."""
    used = [s for i, s in enumerate(SLOGANS) if (year - 2019) + r % 3 >= i]
    body = "".join(f"深入推进“{s}”改革,持续抓好“{s}”落实。" for s in used)
    lines = [
        f"{year}年{region}政府工作报告",
        "各位代表:",
        f"现在,我代表{region}人民政府,向大会报告工作,请予审议。",
        f"一、{year - 1}年工作回顾",
        f"过去一年,全省生产总值增长{5 + r % 3}.{year % 10}%。{body}",
        "扩大有效投资,建设现代化产业体系,加强生态环境保护,提高教育质量。" * 3,
        f"二、{year}年主要任务",
        f"今年经济社会发展的主要预期目标是:地区生产总值增长{5 + r % 2}%左右。{body}",
        "推进乡村全面振兴,完善社会保障体系,促进就业增收,保障粮食安全。" * 3,
    ]
    terms = GLOSSARY_TERMS.get(region, [])
    if terms and year == 2023:
        lines.append("名词解释")
        lines += [f"{n}.“{t}”:是指{region}推进的一项重点工作,{t}写入报告。" for n, t in
                  enumerate(terms, start=1)]  # fmt: skip
        lines.append("")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def panel(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[Path]]:
    root = tmp_path_factory.mktemp("panel")
    corpus = root / "我的面板语料"
    corpus.mkdir()
    rows = []
    for r, region in enumerate(REGIONS):
        for year in YEARS:
            name = f"r{r}_{year}.txt"
            (corpus / name).write_text(_report(region, year, r), encoding="utf-8")
            rows.append([name, f"{region}{year}", region, "省", year, "政府工作报告"])
    with open(corpus / "catalog.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "doc_id", "region", "level", "year", "kind"])
        writer.writerows(rows)
    out = root / "pages"
    pages = build_reports(corpus, out, progress=None)
    return corpus, out, pages


def test_every_report_and_entry_is_reachable(panel) -> None:
    _, out, pages = panel
    index = (out / "index.html").read_text(encoding="utf-8")
    reports = sorted(p.name for p in pages if p.name.startswith("report-"))
    assert len(reports) == 40
    for name in reports:
        assert f'href="{name}"' in index
    glossary = (out / "glossary.html").read_text(encoding="utf-8")
    for term in (t for terms in GLOSSARY_TERMS.values() for t in terms):
        assert term in glossary
    page08 = (out / "08_time_and_place.html").read_text(encoding="utf-8")
    for slogan in SLOGANS:
        assert slogan in page08


def test_no_page_shows_the_path_or_a_warning(panel) -> None:
    corpus, _, pages = panel
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert str(corpus) not in text, page.name
        assert "Warning" not in text, page.name
        assert "/work/" not in text and "site-packages" not in text, page.name


def test_long_tables_say_so_and_keep_the_whole_table(panel) -> None:
    _, out, pages = panel
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for shown, total, href in re.findall(
            r"前 (\d+) 行,共 (\d+) 行;完整表格:<a href=\"(tables/[\w-]+\.csv)\"", text
        ):
            table = (out / href).read_text(encoding="utf-8-sig")
            assert len(table.splitlines()) == int(total) + 1, href
            assert int(shown) < int(total)
        assert not re.search(r"<t[dh][^>]*>\s*(?:\.\.\.|…)\s*</t[dh]>", text), page.name


def test_glossary_search_speaks_of_this_corpus(panel) -> None:
    _, out, _ = panel
    page = (out / "glossary.html").read_text(encoding="utf-8")
    placeholder = re.search(r'<input id="q" type="search" placeholder="([^"]*)"', page).group(1)
    assert placeholder.startswith("搜索: ") and "三资三化" not in placeholder
    assert any(t in placeholder for t in ("天府粮仓", "三个做优做强", "2030启航计划"))
    assert 'addEventListener("hashchange"' in page and "history.replaceState" in page
    assert (
        "input, button, select, textarea { font: inherit; font-family: var(--report-font); }"
        in page
    )


def test_terms_page_is_reachable_from_glossary_and_reports(panel) -> None:
    _, out, _ = panel
    terms = (out / "terms.html").read_text(encoding="utf-8")
    for slogan in ("放管服", "一网通办", "两重"):
        assert f'<tr id="t-{slogan}">' in terms
    assert 'href="terms.html' in (out / "index.html").read_text(encoding="utf-8")
    glossary = (out / "glossary.html").read_text(encoding="utf-8")
    assert '<a href="terms.html#t-%E5%A4%A9%E5%BA%9C%E7%B2%AE%E4%BB%93">' in glossary  # 天府粮仓
    assert '<tr id="t-天府粮仓">' in terms
    report = next(p for p in sorted(out.glob("report-*.html")) if "放管服" in p.read_text("utf-8"))
    assert '<a href="terms.html#t-%E6%94%BE%E7%AE%A1%E6%9C%8D">放管服</a>' in report.read_text(
        encoding="utf-8"
    )
