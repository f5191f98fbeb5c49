"""The seed plan (大轻纺工[2011]7号) with its targets, and the default assessment scheme.

The scheme's dimensions are the plan's seven "goods". Its points, thresholds, grade rules and
veto items are not in the plan (no public copy of the municipal 3A sheet exists); they follow
published standards of the same family (see README, "The default assessment scheme"), and the
industry union replaces them with the official sheet on the scheme pages.
"""

import datetime
from decimal import Decimal

from django.db import migrations

PLAN = {
    "name": "在大连市轻纺、农林水利系统工会组织开展“凝聚力工程”的实施方案",
    "document_number": "大轻纺工[2011]7号",
    "issued_by": "大连市轻纺工会、大连市农林水利工会",
    "starts_on": datetime.date(2011, 5, 23),
    "ends_on": datetime.date(2014, 5, 22),
    "summary": "用三年左右的时间，使轻纺、农林水利系统工会组织达到市级3A等级工会规范化建设要求，"
    "使90%的工会组织成为富有凝聚力的“职工信赖之家”。",
}
YEAR_END = datetime.date(2011, 12, 31)
THREE_YEARS = datetime.date(2014, 5, 22)
# (code, title, the plan's words, metric, target value, deadline)
TARGETS = [
    ("T1", "发展新生代农民工入会", "年内发展新生代农民工入会500名",
     "unions.new_generation_recruits", 500, YEAR_END),
    ("T2", "工资集体协商签订集体合同覆盖已建会企业", "年末工资集体协商签定集体合同达到已建会企业的93%",
     "contracts.coverage", 93, YEAR_END),
    ("T3", "成为“职工信赖之家”的工会组织", "使90%的工会组织成为富有凝聚力的“职工信赖之家”",
     "standards.trusted_home_rate", 90, THREE_YEARS),
    ("T4", "达到市级3A等级工会规范化建设要求", "轻纺、农林水利系统工会组织达到市级3A等级工会规范化建设要求",
     "standards.aaa_rate", 100, THREE_YEARS),
    ("T5", "职工书屋", "全力打造产业系统10个职工书屋建设",
     "competitions.book_rooms", 10, THREE_YEARS),
    ("T6", "提高企事业、行业职代会建制率", "提高企事业、行业职代会的建制率",
     "contracts.congress_rate", None, THREE_YEARS),
    ("T7", "“爱心超市”覆盖更多单位", "力争三年内，把基层“爱心超市”扩展覆盖更多单位",
     "assistance.love_supermarket_units", None, THREE_YEARS),
]

COMPUTED, ASSESSED, SELF = "computed", "assessed", "self"
# (code, name, points, [(code, name, max points, method, metric, [(at least, points)], guidance)])
DIMENSIONS = [
    ("organisation", "组织建设好", 20, [
        ("membership", "职工入会率", 8, COMPUTED, "unions.membership_rate",
         [(95, 8), (85, 6), (80, 4)], "在会会员 ÷ 已建会企业职工人数。"),
        ("recruits", "发展新生代农民工入会", 4, COMPUTED, "unions.new_generation_recruits",
         [(10, 4), (5, 3), (1, 2)], "本期发展新生代农民工入会人数。"),
        ("network", "“小三级”组织网络健全，按期换届", 4, SELF, "", [],
         "分会、小组设置文件，换届选举材料。"),
        ("assembly", "每年召开会员（代表）大会，会员评议工会", 4, ASSESSED, "", [],
         "大会记录；会员对工会工作满意率不低于85%。"),
    ]),
    ("democracy", "民主管理工作好", 15, [
        ("congress", "职代会建制率", 6, COMPUTED, "contracts.congress_rate",
         [(100, 6), (80, 4), (50, 2)], "近12个月召开职代会的已建会企业比例。"),
        ("disclosure", "厂务公开", 5, COMPUTED, "contracts.disclosures",
         [(4, 5), (2, 3), (1, 1)], "本期每家已建会企业的厂务公开次数。"),
        ("procedure", "厂务公开和职代会程序规范", 4, SELF, "", [],
         "职代会决议、公开记录；职工对厂务公开满意率不低于80%。"),
    ]),
    ("relations", "劳动关系协调好", 20, [
        ("coverage", "工资集体协商集体合同覆盖率", 10, COMPUTED, "contracts.coverage",
         [(93, 10), (85, 7), (80, 5)], "有效集体合同覆盖的已建会企业比例。"),
        ("performance", "集体合同履行检查", 5, COMPUTED, "contracts.performance_checked",
         [(100, 5), (80, 3), (50, 1)], "有效合同中本年度已做履行检查的比例。"),
        ("mediation", "劳动争议调解组织健全，无越级上访", 5, SELF, "", [],
         "调解委员会名单和调解记录。"),
    ]),
    ("assistance", "帮扶解困服务好", 10, [
        ("hardship", "困难职工动态档案，“三送三助”落实", 6, ASSESSED, "", [],
         "困难职工档案、送温暖送清凉记录。（帮扶救助模块开通后改为按记录计算。）"),
        ("supermarket", "帮扶站、爱心超市规范运行", 4, ASSESSED, "", [],
         "帮扶站、爱心超市台账。"),
    ]),
    ("economy", "经济技术活动好", 10, [
        ("competition", "劳动竞赛和“工人先锋号”创建", 5, ASSESSED, "", [],
         "竞赛方案和总结。（劳动竞赛模块开通后改为按记录计算。）"),
        ("proposals", "合理化建议和技术创新", 5, ASSESSED, "", [],
         "“金点子”合理化建议登记和采纳记录。"),
    ]),
    ("quality", "素质工程建设好", 10, [
        ("book_room", "职工书屋建设", 4, ASSESSED, "", [], "书屋挂牌、藏书和借阅记录。"),
        ("training", "岗位练兵和技术培训", 3, ASSESSED, "", [], "培训计划和签到记录。"),
        ("culture", "职工文化体育活动", 3, ASSESSED, "", [], "活动方案和照片。"),
    ]),
    ("funds", "经费资产管理好", 15, [
        ("dues", "按规定足额拨缴工会经费", 6, SELF, "", [], "经费拨缴凭证。"),
        ("audit", "经审委审查，财务制度健全", 5, ASSESSED, "", [], "经费审查报告。"),
        ("assets", "工会资产登记管理", 4, SELF, "", [], "资产台账。"),
    ]),
]
SCHEME_NAME = "“六好”基层工会评价标准（默认）"
GRADE_RULES = [("AAA", 90, 60), ("AA", 80, 50), ("A", 60, 0)]
VETOES = [
    ("safety", "发生重大安全生产责任事故或群体性事件", "A"),
    ("wages", "发生拖欠职工工资且工会未依法维权", "A"),
    ("funds", "违规使用工会经费或资产", ""),
    ("fraud", "考核材料弄虚作假", ""),
]


def load(apps, schema_editor):
    load_plan(apps)
    load_scheme(apps)


def load_plan(apps):
    Plan = apps.get_model("standards", "Plan")
    plan = Plan.objects.create(**PLAN)
    for order, (code, title, wording, metric, value, deadline) in enumerate(TARGETS):
        plan.targets.create(
            code=code,
            title=title,
            wording=wording,
            metric=metric,
            value=None if value is None else Decimal(value),
            deadline=deadline,
            order=order,
        )


def load_scheme(apps):
    Scheme = apps.get_model("standards", "Scheme")
    scheme = Scheme.objects.create(
        name=SCHEME_NAME,
        description="按方案所列“七好”设七个维度，满分100分；计算类指标取自平台记录，"
        "其余由工会自查、包片干部考核。",
    )
    for order, (code, name, points, indicators) in enumerate(DIMENSIONS):
        dimension = scheme.dimensions.create(
            code=code, name=name, weight=Decimal(points), order=order
        )
        for position, (icode, iname, most, method, metric, steps, guidance) in enumerate(
            indicators
        ):
            indicator = dimension.indicators.create(
                code=icode,
                name=iname,
                max_points=Decimal(most),
                method=method,
                metric=metric,
                guidance=guidance,
                order=position,
            )
            for at_least, earned in steps:
                indicator.thresholds.create(at_least=Decimal(at_least), points=Decimal(earned))
    for grade, total, share in GRADE_RULES:
        scheme.grade_rules.create(
            grade=grade, min_total=Decimal(total), min_dimension_share=Decimal(share)
        )
    for code, name, cap in VETOES:
        scheme.veto_items.create(code=code, name=name, caps_grade_at=cap)


def unload(apps, schema_editor):
    apps.get_model("standards", "Scheme").objects.filter(name=SCHEME_NAME).delete()
    apps.get_model("standards", "Plan").objects.filter(document_number=PLAN["document_number"]).delete()


class Migration(migrations.Migration):
    dependencies = [("standards", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
