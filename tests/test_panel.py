"""Time and place: term uses with slogan boundaries, frequency by year and region, lifecycle,
diffusion, rising and fading terms, topic prevalence, readable report names."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import extract_glossary, find_slogans, read_corpus, split_paragraphs
from analysis.measure.panel import (
    region_order,
    report_labels,
    term_diffusion,
    term_frequency,
    term_lifecycle,
    term_trends,
    term_usage,
    topic_prevalence,
)

DATA = Path(__file__).parent / "data" / "panel"


@pytest.fixture(scope="module")
def panel() -> dict[str, pd.DataFrame]:
    corpus = read_corpus(DATA)
    paragraphs = split_paragraphs(corpus)
    glossary = extract_glossary(corpus, paragraphs)
    slogans = find_slogans(paragraphs, glossary)
    usage = term_usage(paragraphs, slogans, glossary)
    return {"corpus": corpus, "glossary": glossary, "usage": usage}


def _rows(frame: pd.DataFrame) -> list[tuple]:
    return [tuple(r) for r in frame.itertuples(index=False)]


def test_usage_counts_with_slogan_boundaries(panel) -> None:
    usage = panel["usage"]
    assert _rows(usage[["doc_id", "term", "count", "count_appendix", "defined_here"]]) == [
        ("北京市2022", "一网通办", 1, 0, False),
        ("北京市2022", "放管服", 2, 0, False),
        ("北京市2023", "一网通办", 1, 0, False),
        ("北京市2023", "两重", 1, 0, False),
        ("北京市2023", "高效办成一件事", 1, 0, False),
        ("四川省2021", "一网通办", 1, 0, False),
        ("四川省2021", "放管服", 2, 0, False),
        ("四川省2022", "两重", 2, 1, True),
        ("四川省2022", "一件事", 1, 0, False),
        ("四川省2022", "放管服", 1, 0, False),
        ("四川省2023", "两重", 3, 0, False),
        ("四川省2023", "一网通办", 1, 0, False),
    ]
    # 一件事 inside 高效办成一件事 (北京市2023) is a use of the longer formula only
    assert usage.loc[usage["term"] == "一件事", "doc_id"].tolist() == ["四川省2022"]


def test_frequency_by_year_and_region(panel) -> None:
    by_year = term_frequency(panel["usage"], panel["corpus"], by="year")
    assert list(by_year.columns) == [
        "term", "year", "count", "per_10k", "n_reports", "n_group_reports",
    ]  # fmt: skip
    fang = by_year[by_year["term"] == "放管服"]
    # 2021: 2 uses in 四川省2021; 2022: 1 + 2 uses in 四川省2022 and 北京市2022
    assert _rows(fang[["year", "count", "n_reports", "n_group_reports"]]) == [
        (2021, 2, 1, 1),
        (2022, 3, 2, 2),
    ]
    chars = panel["corpus"].set_index("doc_id")["n_chars"]
    per_10k = [2 / chars["四川省2021"], 3 / (chars["四川省2022"] + chars["北京市2022"])]
    assert fang["per_10k"].round(6).tolist() == [round(v * 1e4, 6) for v in per_10k]
    by_region = term_frequency(panel["usage"], panel["corpus"], by="region")
    two = by_region[by_region["term"] == "两重"]
    assert _rows(two[["region", "count", "n_reports"]]) == [("北京市", 1, 1), ("四川省", 5, 2)]
    with pytest.raises(ValueError, match="cannot group by 'text2'"):
        term_frequency(panel["usage"], panel["corpus"], by="text2")


def test_lifecycle(panel) -> None:
    life = term_lifecycle(panel["usage"], panel["corpus"], panel["glossary"])
    cols = ["term", "first_year", "first_report", "last_year", "years_active", "peak_year",
            "n_reports", "n_regions", "defined_in", "n_undefined"]  # fmt: skip
    assert _rows(life[cols]) == [
        ("一网通办", 2021, "四川省2021", 2023, 3, 2021, 4, 2, "", 4),
        ("放管服", 2021, "四川省2021", 2022, 2, 2021, 3, 2, "", 3),
        ("一件事", 2022, "四川省2022", 2022, 1, 2022, 1, 1, "", 1),
        ("两重", 2022, "四川省2022", 2023, 2, 2023, 3, 2, "四川省2022", 2),
        ("高效办成一件事", 2023, "北京市2023", 2023, 1, 2023, 1, 1, "", 1),
    ]
    two = life.set_index("term").loc["两重", "definition"]
    assert two == "是指国家重大战略实施和重点领域安全能力建设。"


def test_diffusion_and_trends(panel) -> None:
    diffusion = term_diffusion(panel["usage"], panel["corpus"])
    fang = diffusion[diffusion["term"] == "放管服"]
    assert _rows(fang.drop(columns="term")) == [
        (2021, 1, 1, 1.0, 1),
        (2022, 2, 2, 1.0, 2),
        (2023, 0, 0, 0.0, 2),
    ]
    trends = term_trends(diffusion, window=1)
    assert _rows(trends) == [
        ("一网通办", "上升", 0.5, 1.0, 0.5),
        ("两重", "上升", 0.5, 1.0, 0.5),
        ("高效办成一件事", "上升", 0.0, 0.5, 0.5),
        ("放管服", "下降", 1.0, 0.0, -1.0),
        ("一件事", "下降", 0.5, 0.0, -0.5),
    ]
    assert term_trends(diffusion, window=2).empty  # three years: too few for 2 + 2


def test_topic_prevalence_by_year_with_interval(panel) -> None:
    shares = pd.DataFrame(
        {
            "doc_id": ["北京市2022", "四川省2022", "北京市2023", "四川省2023", "四川省2021"],
            "topic": 0,
            "share": [0.2, 0.4, 0.5, 0.5, 0.9],
        }
    )
    prev = topic_prevalence(shares, panel["corpus"], by="year")
    assert list(prev.columns) == ["topic", "year", "mean", "low", "high", "n_reports"]
    assert prev["year"].tolist() == [2021, 2022, 2023]
    assert prev["n_reports"].tolist() == [1, 2, 2]
    assert prev["mean"].round(6).tolist() == [0.9, 0.3, 0.5]
    half = 1.959963984540054 * 0.1414213562373095 / 2**0.5  # sd of (0.2, 0.4) over sqrt(2)
    assert prev["low"].round(6).tolist() == [0.9, round(0.3 - half, 6), 0.5]
    assert prev["high"].round(6).tolist() == [0.9, round(0.3 + half, 6), 0.5]
    by_region = topic_prevalence(shares, panel["corpus"], by="region")
    assert by_region["region"].tolist() == ["北京市", "四川省"]  # customary order


def test_readable_names_in_customary_order(panel) -> None:
    labels = report_labels(panel["corpus"])
    assert labels["label"].tolist() == [
        "北京市 2022 政府工作报告",
        "北京市 2023 政府工作报告",
        "四川省 2021 政府工作报告",
        "四川省 2022 政府工作报告",
        "四川省 2023 政府工作报告",
    ]
    order = region_order()
    assert [order[r] for r in ("全国", "北京市", "天津市", "河北省")] == [0, 1, 2, 3]
