"""Evidence that a quoted phrase is a 提法 or only a quotation (scare quotes, reported speech,
names of foreign bodies, metaphors and ordinary words in quotes).

Not every quoted word is a 提法. Reports of the 1950s–1980s put quotes round what they refute
(所谓“自由”劳动者, 说成是什么“党天下”, “请共产党下台”等等狂妄要求); every report quotes names
(“开罗宣言”, “马来西亚”, “天问一号”) and metaphors (“瓶颈”, “龙头”, “拦路虎”). Each row of
:data:`EVIDENCE_RULES` is one piece of evidence with a weight: negative for a quotation,
positive for a 提法. A quoted phrase is judged over every quoted use in a run: a negative
rule counts by the share of uses it matches, a positive rule in full once it matches any
use (once a programme's name, always one), and the run rules (quoted in several reports,
defined in a glossary, a national formula) are added. A phrase whose sum is below zero is a
``quotation``; with no evidence either way it stays a 提法.

Where a rule looks: ``before`` — the text before the quote, or before the first quote of a
run of quotes joined by 、/和/与/或 (所谓“政治设计院”、“平反委员会”之类: the run shares its
cues); ``after`` — the text after the quote or the run; ``run`` — the other quotes of the
run; ``phrase`` — the phrase itself;
``word`` — what jieba's general dictionary says of the whole phrase (``ordinary``: a common
word used at least :data:`ORDINARY_FREQUENCY` times; ``idiom``: a 成语, tagged i;
``set_phrase``: a 习用语, tagged l; ``known``: any word of it, which is then no compressed
list; ``name``: a proper name, tagged ns, nr, nt or nz).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from analysis.common.patterns import CN_NUMERALS

__all__ = [
    "EVIDENCE_RULES",
    "JUDGED_KINDS",
    "ORDINARY_FREQUENCY",
    "RUN_RULES",
    "EvidenceRule",
    "judge_phrase",
    "judge_quotations",
    "phrase_evidence",
    "use_evidence",
]

#: Kinds whose quoted uses are weighed (:mod:`analysis.terms.slogans.evidence`): a phrase
#: with more evidence of a quotation than of a 提法 becomes kind ``quotation``.
JUDGED_KINDS = ("abbreviation", "quoted")
#: A phrase the general dictionary knows this often is an ordinary word (龙头 1430, 瓶颈 381).
ORDINARY_FREQUENCY = 100
#: Characters that may join two quotes of one run: “甲”、“乙”和“丙”.
_RUN_JOINT = re.compile(r"^\s*(?:[、,和与及或]|等)?\s*$")
#: How far before a quote a cue is looked for (within the clause).
_BEFORE = 16
_AFTER = 8


@dataclass(frozen=True)
class EvidenceRule:
    """One piece of evidence about a quoted phrase.

    Attributes
    ----------
    name : str
        The rule's name, as shown in the ``evidence`` column.
    where : str
        ``before``, ``after``, ``run``, ``phrase`` or ``word`` (see the module docstring).
    pattern : str
        A regular expression: for ``before`` it must match at the end of the text before
        the quote (``$`` is added), for ``after`` at the start of the text after it, for
        ``run`` one of the other quotes of the run, for ``phrase`` anywhere in the phrase;
        for ``word`` one of ``ordinary``, ``idiom``, ``set_phrase``, ``known``, ``name``.
    weight : int
        Negative: evidence of a quotation; positive: evidence of a 提法.
    note : str
        Examples.
    """

    name: str
    where: str
    pattern: str
    weight: int
    note: str


#: Cues that may stand a few words before the quote (污蔑党中央“…”, 攻击执行这些政策是“…”).
_CUE_WORDS = (
    "(?:所谓|什么|叫嚷|叫嚣|鼓吹|散布|扬言|标榜|美其名曰|妄称|诬蔑|污蔑|诬称|咒骂|攻击)[^“”,]{0,12}"
)
#: Cues right before the quote.
_SAID = "所说的|说成是?|说是|号称|自称|打着|又说|有人说|(?<![来话])说"
_REFUTED = (
    "谬论|论调|说法|叫嚣|鬼话|谎言|阴谋|图谋|企图|迷梦|把戏|旗号|错误|思潮|反革命|"
    "狂妄|观点|言论|言词|胡说|滥调|口实|逆流"
)
_PROGRAMME_HEADS = (
    "改革|工程|行动|计划|战略|建设|活动|试点|政策|机制|模式|制度|经验|专项|示范|品牌|攻坚|"
    "战役|方针|原则|理念|格局|布局|文章|企业|基地|项目|名片|服务|工作法|管理|清单|体系|运动"
)

#: The evidence table: one row per piece of evidence.
EVIDENCE_RULES: tuple[EvidenceRule, ...] = (
    EvidenceRule(
        "cue_before", "before", f"(?:{_CUE_WORDS}|{_SAID})", -3,
        "所谓“自由”劳动者, 他们又说“农民太苦”, 说成是什么“党天下”, 鼓吹“缓和”",
    ),
    EvidenceRule(
        "said_colon", "before", "(?:指示|说|指出|讲|写道|说过)\\s*:\\s*", -3,
        "毛主席还多次指示:“把国民经济搞上去”: a saying reported after a colon",
    ),
    EvidenceRule(
        "pointed_at", "before", "(?:这|那)(?:只|个|根|条|把|块|副|道|种|样)", -2,
        "这只“看得见的手”, 这个“蛋糕”: a thing pointed at, a metaphor",
    ),
    EvidenceRule(
        "named_as", "before", "(?:誉为|称为|称之为|称作|人们通常所说的)", -2,
        "被誉为“当代愚公”, 被人称为“地质宫”",
    ),
    EvidenceRule(
        "refuted_after", "after", f"(?:等等?|之类)?的?(?:{_REFUTED})", -3,
        "“请共产党下台”等等狂妄要求, “人权高于主权”等“新干涉主义”谬论, 的阴谋",
    ),
    EvidenceRule(
        "list_of_sayings", "after", "(?:等等|之类)", -2,
        "人民政府“破产了”等等, “政治设计院”、“平反委员会”之类",
    ),
    EvidenceRule(
        "opinion_after", "after", "的(?:想法|思想|态度|心理|观念|主张|声音|言词)", -2,
        "把浪费当作“小事情”的想法, 出现了“买涨不买落”的消费心理",
    ),
    EvidenceRule(
        "pretext_after", "after", "为名", -3, "以“经济互助”为名",
    ),
    EvidenceRule(
        "instruction_after", "after", "的(?:重要|一系列)?(?:指示|讲话|嘱咐|教导|号令)", -3,
        "毛主席的“军队要整顿”、“要准备打仗”的重要指示: a saying reported",
    ),
    EvidenceRule(
        "title_after", "after", "(?:一书|一文|著作|这篇|文中)", -3,
        "“论联合政府”一书, 在“中国革命战争的战略问题”著作中: a book's title",
    ),
    EvidenceRule(
        "vessel_after", "after", "号(?![召称])", -3, "“奋斗者”号, “东方之星”号客轮",
    ),
    EvidenceRule(
        "foreign_body", "phrase",
        f"(?:宣言|公告|条约|联盟|集团|组织|联邦|公约|协定|[{CN_NUMERALS}\\d]号|舰"
        "|[-—][IVX\\d]+)$",
        -3,
        "“开罗宣言”, “东北亚防务联盟”, “上海合作组织”, “天问一号”, “辽宁舰”, “银河—II”",
    ),
    EvidenceRule(
        "speech", "phrase",
        "(?:了|我们|他们|你们|吧|吗|呢|太[\u4e00-\u9fff]$|还是|不要|就是|是当前|在于)", -3,
        "“农民太苦”, “先学好了再干”, “总理还是我们的总理”, “崩溃了”",
    ),
    EvidenceRule(
        "ordinary", "word", "ordinary", -2,
        "“瓶颈”, “龙头”, “热点”, “公式”, “漫游”: a common word of the general dictionary",
    ),
    EvidenceRule(
        "idiom", "word", "idiom", -2, "“脱胎换骨”, “不劳而获”: a 成语 (tag i)",
    ),
    EvidenceRule(
        "set_phrase", "word", "set_phrase", -1,
        "“仅供参考”, “软着陆”: a 习用语 (tag l); with another sign of a formula it stays",
    ),
    EvidenceRule(
        "known", "word", "known", 0,
        "any word of the general dictionary: not a compressed list, whatever its shape",
    ),
    EvidenceRule(
        "name", "word", "name", -2, "“马来西亚”, “半壁江山”, “拦路虎”: tagged as a proper name",
    ),
    EvidenceRule(
        "programme_head", "after", f"(?:{_PROGRAMME_HEADS})", 2,
        "“放管服”改革, “菜篮子”工程, “揭榜挂帅”机制, “土特产”文章",
    ),
    EvidenceRule(
        "programme_of", "after", "的(?:方针|原则|政策|战略|路线|体制|机制|制度|模式|做法|经验)", 2,
        "“包下来”的政策, “全国一盘棋”的战略布局, “古为今用”、“洋为中用”的方针",
    ),
    EvidenceRule(
        "beside_formula", "run", "^(?:[一二两三四五六七八九十双]\\S{1,7}|\\S*\\+\\S*)$", 2,
        "“和平统一”和“一国两制”, “港人治港”、“澳人治澳”: quoted beside a numeral formula",
    ),
    EvidenceRule(
        "programme_name", "phrase",
        "(?:工程|计划|行动|战略|改革|经验|革命|活动|专项|试点|[^\\d]年|制)$", 2,
        "“希望工程”, “星火计划”, “枫桥经验”, “厕所革命”, “消费促进年”, “包干制”",
    ),
    EvidenceRule(
        "programme_verb", "before",
        "(?:实施|实行|推进|推行|推广|开展|深化|落实|坚持|打造|建立|健全|完善|扩大|启动|创建|抓好|做好|执行)",
        1,
        "深化“放管服”, 推广“揭榜挂帅”, 实施“走出去”",
    ),
)  # fmt: skip

#: Evidence from the run as a whole: (name, weight, what it needs).
RUN_RULES: tuple[tuple[str, int, str], ...] = (
    ("defined", 4, "a glossary of the run defines it"),
    ("national", 4, "a national formula (resources/national_slogans.txt)"),
    ("abbreviation", 1, "a compressed list (放管服, 营改增) the general dictionary does not know"),
    ("reused", 1, "quoted in two or more reports"),
    ("widely_reused", 2, "quoted in eight or more reports"),
)
_REUSE = {"reused": 2, "widely_reused": 8}

_COMPILED = {
    r.name: re.compile(
        r.pattern + "$" if r.where == "before" else ("^" if r.where == "after" else "") + r.pattern
    )
    for r in EVIDENCE_RULES
    if r.where not in ("word", "run")
} | {r.name: re.compile(r.pattern) for r in EVIDENCE_RULES if r.where == "run"}
_WEIGHTS = {r.name: r.weight for r in EVIDENCE_RULES} | {n: w for n, w, _ in RUN_RULES}
_CLAUSE_END = re.compile(r"[。!?;\n]")


def _run_edges(spans: list[tuple[int, int, str]], i: int, text: str) -> tuple[int, int]:
    """The indexes of the first and the last quote of the run holding quote ``i``."""
    first = last = i
    while first > 0 and _RUN_JOINT.match(text[spans[first - 1][1] + 1 : spans[first][0] - 1]):
        first -= 1
    while last + 1 < len(spans) and _RUN_JOINT.match(
        text[spans[last][1] + 1 : spans[last + 1][0] - 1]
    ):
        last += 1
    return first, last


def use_evidence(text: str, spans: list[tuple[int, int, str]], i: int) -> list[str]:
    """Names of the ``before``, ``after`` and ``run`` rules that one quoted use matches.

    Parameters
    ----------
    text : str
        The paragraph.
    spans : list of (int, int, str)
        Its quoted spans (:func:`analysis.common.text.quoted_spans`), in order.
    i : int
        Which span.

    Returns
    -------
    list of str
        Rule names, in table order; the quote's own neighbours count first, then the run's.
    """
    start, end, _phrase = spans[i]
    first, last = _run_edges(spans, i, text)
    run_start, run_end = spans[first][0] - 1, spans[last][1] + 1
    siblings = [spans[j][2] for j in range(first, last + 1) if j != i]
    befores = {text[max(0, s - _BEFORE) : s] for s in (start - 1, run_start)}
    befores = {_CLAUSE_END.split(b)[-1] for b in befores}
    afters = {_CLAUSE_END.split(text[e : e + _AFTER].lstrip())[0] for e in (end + 1, run_end)}
    out = []
    for rule in EVIDENCE_RULES:
        texts = {"before": befores, "after": afters, "run": siblings}.get(rule.where, ())
        if any(_COMPILED[rule.name].search(t) for t in texts):
            out.append(rule.name)
    return out


def phrase_evidence(phrase: str, general: Mapping[str, tuple[int, str]] | None) -> list[str]:
    """Names of the ``phrase`` and ``word`` rules the phrase itself matches.

    Parameters
    ----------
    phrase : str
        The quoted phrase, simplified, without quotes.
    general : mapping or None
        jieba's general dictionary (word -> (frequency, tag)); without it no ``word`` rule.

    Returns
    -------
    list of str
        Rule names, in table order.
    """
    entry = general.get(phrase) if general is not None else None
    freq, tag = entry if entry else (0, "")
    words = {
        "ordinary": bool(entry) and freq >= ORDINARY_FREQUENCY and tag[:1] in ("n", "a", "v")
        and tag not in ("ns", "nr", "nt", "nz"),
        "idiom": tag == "i",
        "set_phrase": tag == "l",
        "known": bool(entry),
        "name": tag in ("ns", "nr", "nt", "nz"),
    }  # fmt: skip
    out = []
    for rule in EVIDENCE_RULES:
        by_word = rule.where == "word" and words[rule.pattern]
        if by_word or (rule.where == "phrase" and _COMPILED[rule.name].search(phrase)):
            out.append(rule.name)
    return out


def judge_phrase(
    uses: int, matched: Mapping[str, int], *, n_reports: int, facts: Iterable[str] = ()
) -> tuple[int, str]:
    """Weigh the evidence about one quoted phrase over a run.

    Parameters
    ----------
    uses : int
        Its quoted uses in the run.
    matched : mapping of str to int
        Rule name -> number of uses it matched (``phrase`` and ``word`` rules match every use).
    n_reports : int
        Reports of the run that quote it.
    facts : iterable of str
        Run facts that hold: ``defined``, ``national``, ``abbreviation``.

    Returns
    -------
    (int, str)
        The score (negative rules weighted by their share of uses, rounded down; positive ones
        in full) and the verdict, ``quotation`` when the score is below zero, else ``slogan``.
    """
    score = 0.0
    for name, n in matched.items():
        weight = _WEIGHTS.get(name, 0)
        if n > 0:
            score += weight if weight > 0 else weight * min(1.0, n / max(uses, 1))
    score += sum(_WEIGHTS[f] for f in facts)
    score += sum(_WEIGHTS[name] for name, least in _REUSE.items() if n_reports >= least)
    total = int(score // 1)
    return total, "quotation" if total < 0 else "slogan"


def _known_word(rows: pd.DataFrame) -> bool:
    """Whether the general dictionary knows the phrase (the ``known`` rule matched it)."""
    return any("known:" in text for text in rows["evidence"])


def judge_quotations(slogans: pd.DataFrame) -> pd.DataFrame:
    """Weigh the evidence of each quoted phrase over the run: 提法 or quotation.

    Parameters
    ----------
    slogans : pandas.DataFrame
        The output of :func:`find_slogans` for the whole run (the evidence of every report
        counts: a phrase quoted in several reports, or defined in one, is a name).

    Returns
    -------
    pandas.DataFrame
        One row per phrase of a judged kind (abbreviation, quoted), or found only as a part
        of a quoted compound (“一个中国、一个台湾”的阴谋: the cues of the whole count for its
        parts; the general dictionary is not asked about a part), sorted by slogan, with
        columns ``slogan``, ``uses`` (quoted uses in the run), ``n_reports`` (reports
        quoting it), ``evidence`` (``rule:uses`` pairs, run facts included), ``score`` and
        ``verdict`` (``quotation`` when the score is below zero, else ``slogan``).
    """
    rows = []
    split_only = slogans.groupby("slogan")["source"].transform(lambda s: set(s) == {"split"})
    judged = slogans[slogans["kind"].isin(JUDGED_KINDS) | split_only]
    for slogan, g in judged.groupby("slogan", sort=True):
        matched: Counter[str] = Counter()
        for text in g["evidence"]:
            matched.update({k: int(v) for k, v in (p.split(":") for p in text.split("|") if p)})
        facts = [
            name
            for name, holds in (
                ("defined", any(g["defined"])),
                ("national", any("national" in s for s in g["source"])),
                ("abbreviation", any(g["kind"] == "abbreviation") and not _known_word(g)),
            )
            if holds
        ]
        uses, n_reports = int(g["uses"].sum()), int((g["uses"] > 0).sum())
        score, verdict = judge_phrase(uses, matched, n_reports=n_reports, facts=facts)
        shown = "|".join([*(f"{k}:{v}" for k, v in sorted(matched.items())), *facts])
        rows.append((slogan, uses, n_reports, shown, score, verdict))
    columns = ["slogan", "uses", "n_reports", "evidence", "score", "verdict"]
    return pd.DataFrame(rows, columns=columns).astype({"score": "int64"})
