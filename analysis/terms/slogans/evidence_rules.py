"""The evidence table: one row per piece of evidence that a quoted phrase is a 提法 or only a
quotation (weighed by :mod:`analysis.terms.slogans.evidence`).

Where a rule looks: ``before`` — the text before the quote, or before the first quote of a
run of quotes joined by 、/和/与/或 (所谓“政治设计院”、“平反委员会”之类: the run shares its
cues); ``after`` — the text after the quote or the run; ``run`` — the other quotes of the
run; ``year`` — the year of the report (a use in a report of the polemical years, when the
caller gives the years); ``phrase`` — the phrase itself;
``word`` — what jieba's general dictionary says of the whole phrase (``ordinary``: a common
word used at least :data:`ORDINARY_FREQUENCY` times; ``common``: a noun used at least
:data:`COMMON_FREQUENCY` times, fewer than that; ``idiom``: a 成语, tagged i;
``set_phrase``: a 习用语, tagged l; ``known``: any word of it, which is then no compressed
list; ``name``: a proper name, tagged ns, nr, nt or nz and used at least
:data:`COMMON_FREQUENCY` times).

A numeral formula (kind ``numeral``, :data:`PHRASE_KINDS`) is a formula whoever says it
(所谓“两个中国” names one): only the rules marked ``numerals`` weigh it, what the phrase itself
is (“四人帮”, a person-group's name), never its context nor the dictionary's tag (三来一补 and
三自一包 are 成语 there).
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.common.patterns import CN_NUMERALS, POLEMIC_YEARS

__all__ = [
    "COMMON_FREQUENCY",
    "EVIDENCE_RULES",
    "JUDGED_KINDS",
    "ORDINARY_FREQUENCY",
    "PHRASE_KINDS",
    "RUN_RULES",
    "EvidenceRule",
]

#: Kinds whose quoted uses are weighed (:mod:`analysis.terms.slogans.evidence`): a phrase
#: with more evidence of a quotation than of a 提法 becomes kind ``quotation``.
JUDGED_KINDS = ("abbreviation", "quoted")
#: Kinds whose quoted uses are weighed by the phrase alone (the rules marked ``numerals``).
PHRASE_KINDS = ("numeral",)
#: A phrase the general dictionary knows this often is an ordinary word (龙头 1430, 瓶颈 381).
ORDINARY_FREQUENCY = 100
#: A noun the general dictionary knows this often is a common noun, most often a metaphor
#: when quoted (定心丸 37, 硬骨头 69, 保护伞 36); the dictionary's new words have 3 to 8.
COMMON_FREQUENCY = 10


@dataclass(frozen=True)
class EvidenceRule:
    """One piece of evidence about a quoted phrase.

    Attributes
    ----------
    name : str
        The rule's name, as shown in the ``evidence`` column.
    where : str
        ``before``, ``after``, ``run``, ``year``, ``phrase`` or ``word`` (see the module
        docstring).
    pattern : str
        A regular expression: for ``before`` it must match at the end of the text before
        the quote (``$`` is added), for ``after`` at the start of the text after it, for
        ``run`` one of the other quotes of the run, for ``year`` the whole year, for
        ``phrase`` anywhere in the phrase; for ``word`` one of ``ordinary``, ``common``,
        ``idiom``, ``set_phrase``, ``known``, ``name``.
    weight : int
        Negative: evidence of a quotation; positive: evidence of a 提法.
    note : str
        Examples.
    numerals : bool
        Whether it weighs a quoted numeral formula too (:data:`PHRASE_KINDS`).
    """

    name: str
    where: str
    pattern: str
    weight: int
    note: str
    numerals: bool = False


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
    "战役|方针|原则|理念|格局|布局|文章|企业|基地|项目|名片|服务|工作法|管理|清单|体系|运动|"
    "高潮|帮扶"
)
#: Who refuted words belong to (“四人帮”的“帽子工厂”, 帝国主义的“援助”).
_ADVERSARIES = "帮|反动派|帝国主义|修正主义|霸权主义|分裂势力|当局"

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
        "adversary_of", "before", f"(?:{_ADVERSARIES})”?的", -2,
        "砸烂了“四人帮”的“钢铁工厂”: the words or things of an adversary",
    ),
    EvidenceRule(
        "policy_is", "before", "(?:政策|方针|原则|口号)(?:就?是|为)", 2,
        "我们的一贯政策是“爱国一家”、“爱国不分先后”: a policy named",
    ),
    EvidenceRule(
        "honour_before", "before",
        "(?:荣获|获得|获评|获批|获|入选|评为|授予|创成|命名为)[^“”,、]{0,6}", -3,
        "荣获“全国脱贫攻坚楷模”, 获评“国家森林城市”, 入选“最佳旅游乡村”: a title conferred",
    ),
    EvidenceRule(
        "thing_named", "before", "(?:台风|吉祥物|卫星|飞船|探测器|列车|邮轮)", -3,
        "强台风“剑鱼”, 吉祥物“喜洋洋”: the name of a storm, a mascot, a craft",
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
        "group_after", "after", "(?:等\\S{0,5})?(?:邪教|团伙|分子|分裂|势力|当局|政权)", -3,
        "“法轮功”邪教, “台独”分裂势力: the name of a group, not a formula",
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
        "person_group", "phrase", "(?:^\\S|人)帮$", -5, "“四人帮”, “蒋帮”: a person-group's name",
        numerals=True,
    ),
    EvidenceRule(
        "award_name", "phrase", "\\S(?:奖|杯)$", -3, "“文华奖”, “土地生命奖”, “喀什杯”: an award",
    ),
    EvidenceRule(
        "document_name", "phrase", "^\\S{2,}(?:书|函)$", -3,
        "“劝进书”: a letter or a document, not a formula (信 ends abbreviations: 科融信)",
    ),
    EvidenceRule(
        "old_style", "year", POLEMIC_YEARS.pattern, -1,
        "“冻结技术”、“复制古董” (1982), “经济措施” (1954): every use in a polemical year",
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
        "common", "word", "common", -1,
        "“定心丸”, “硬骨头”, “保护伞”, “蓄水池”: a common noun, most often a metaphor",
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
        "name", "word", "name", -2,
        "“马来西亚”, “半壁江山”, “拦路虎”: a proper name (jieba's added words, used 3 times and "
        "tagged roughly, are not: “城中村”, “小三通”)",
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
        "joined_after", "after", "(?:相结合|并举|并重)", 2,
        "“引进来”与“走出去”相结合, “引资”与“引智”相结合: a pair made a principle",
    ),
    EvidenceRule(
        "paired", "phrase", "\\S{2}(?:并举|并重|结合|挂钩|对接|联动|分开|分离|合一|一体)$", 1,
        "“洋土并举”, “农超对接”, “多规合一”: two things joined, a formula's make-up",
    ),
    EvidenceRule(
        "numbered", "phrase", f"[{CN_NUMERALS}两](?:个|字|大|项|条|种)", 1,
        "“农业八字宪法”, “三项制度改革”: a counted formula inside a name",
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
