"""What pages about many reports show: topic mix by year, slogan spans, the latest growth targets."""

from __future__ import annotations

import pandas as pd

from analysis.pages.overview import (
    chosen_reports,
    growth_targets,
    latest_growth_targets,
    slogan_overview,
    topic_mix,
    year_spans,
)


def _corpus(years: list[int], regions: list[str] | None = None) -> pd.DataFrame:
    n = len(years)
    return pd.DataFrame(
        {
            "doc_id": [f"r{i}" for i in range(n)],
            "region": regions or ["北京市"] * n,
            "year": years,
            "kind": "政府工作报告",
            "n_chars": 1000,
        }
    )


def _topics(corpus: pd.DataFrame, shares: list[float]) -> pd.DataFrame:
    rows = [
        (doc, topic, share if topic == 0 else 1 - share)
        for doc, share in zip(corpus["doc_id"], shares, strict=True)
        for topic in (0, 1)
    ]
    return pd.DataFrame(rows, columns=["doc_id", "topic", "share"])


def test_topic_mix_is_per_report_for_few_reports_and_per_year_for_many() -> None:
    few = _corpus([2020, 2020, 2021])
    topics = _topics(few, [0.2, 0.4, 0.9])
    assert topic_mix(topics, few).equals(topics)
    by_year = topic_mix(topics, few, max_reports=2)
    assert by_year["doc_id"].tolist() == ["2020", "2021", "2020", "2021"]
    assert by_year["topic"].tolist() == [0, 0, 1, 1]
    assert by_year["share"].round(6).tolist() == [0.3, 0.9, 0.7, 0.1]


def test_slogan_overview_gives_year_spans_and_drops_the_report_list_for_many() -> None:
    corpus = _corpus([2019, 2021, 2021])
    slogans = pd.DataFrame(
        {
            "doc_id": ["r0", "r1", "r2", "r2"],
            "slogan": ["三资三化", "三资三化", "三资三化", "1+6+N"],
            "kind": ["numeral", "numeral", "numeral", "plus"],
            "count": [1, 2, 3, 1],
            "defined": ["", "三资三化", "", ""],
        }
    )
    table = slogan_overview(corpus, slogans)
    assert table[["slogan", "total", "n_reports", "years"]].values.tolist() == [
        ["三资三化", 6, 3, "2019–2021(2 年)"],
        ["1+6+N", 1, 1, "2021"],
    ]
    assert table["reports"].tolist() == ["r0、r1、r2", "r2"]
    assert "reports" not in slogan_overview(corpus, slogans, max_reports=2).columns


def test_latest_growth_targets_takes_the_latest_year_and_its_usual_indicator() -> None:
    targets = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "c", "c", "d"],
            "year": [2025, 2025, 2026, 2026, 2026, 2026],
            "section": ["target", "result", "target", "target", "target", "result"],
            "indicator": ["地区生产总值", "地区生产总值", "地区生产总值", "地区生产总值",
                          "城镇调查失业率", "经济增长"],
            "low": [5.0, 5.2, 5.0, 4.5, 5.5, 6.0],
        }
    )  # fmt: skip
    latest, name = latest_growth_targets(targets)
    assert latest["doc_id"].tolist() == ["b", "c"]
    assert name == "地区生产总值"
    assert growth_targets(targets)["doc_id"].tolist() == ["a", "b", "c"]
    both = growth_targets(targets, sections=("target", "result"))
    assert both["doc_id"].tolist() == ["a", "a", "b", "c", "d"]
    none, empty = latest_growth_targets(targets[targets["section"] == "result"])
    assert len(none) == 0 and empty == ""


def test_chosen_reports_takes_the_latest_year_in_region_order_and_year_spans() -> None:
    corpus = _corpus([2024, 2025, 2025, 2025], ["北京市", "上海市", "北京市", "天津市"])
    assert chosen_reports(corpus, n=4) == ["r0", "r2", "r3", "r1"]
    assert chosen_reports(corpus, n=2) == ["r2", "r3"]
    usage = pd.DataFrame({"doc_id": ["r0", "r1", "r3"], "term": "两新", "count": [1, 0, 2]})
    assert year_spans(usage, corpus).values.tolist() == [["两新", "2024–2025(2 年)"]]
