"""A deterministic, realistic data set for the two industry unions: the union tree,
enterprises, and demo accounts of every role. Bulk inserts, so the large scales stay fast.

Later apps add their records in their own demo modules, called by the seed_demo command.
"""

import datetime
import math
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from cohesion_portal import plugins

from .credit_codes import make_credit_code
from .demo_members import MemberBuilder
from .models import (
    AreaAssignment,
    Enterprise,
    IndustryUnion,
    Ownership,
    Role,
    RoleKind,
    Sector,
    Union,
    UnionKind,
)

DEMO_PASSWORD = "cohesion2026"


def demo_extensions(hook: str = "extend_demo"):
    """The `extend_demo(builder=...)` of every app whose declaration names a DEMO module
    (cohesion_portal.plugins): how later apps (contracts, assistance...) add their records
    without this module knowing them. `finish_demo(builder=...)` hooks run after all of them
    (reminders, scores: what is computed from every app's records)."""
    for module in plugins.declared_modules("DEMO"):
        if hasattr(module, hook):
            yield getattr(module, hook)


@dataclass(frozen=True)
class Scale:
    grassroots_unions: int
    enterprises: int
    members: int
    pending_transfers: int


SCALES = {
    "S": Scale(grassroots_unions=60, enterprises=150, members=6_000, pending_transfers=5),
    "M": Scale(grassroots_unions=500, enterprises=2_000, members=50_000, pending_transfers=20),
    "L": Scale(grassroots_unions=2_000, enterprises=10_000, members=300_000, pending_transfers=50),
}
MEMBERSHIP_RATE = 0.88  # members ÷ employees of the unionized enterprises
HEADCOUNT_SIGMA = 0.9
UNAFFILIATED_SHARE = 0.2  # enterprises without a union yet
JOINT_SHARE = 0.15  # grassroots unions that are joint unions

# Dalian's districts and counties, with their administrative division codes.
DISTRICTS = [
    ("中山区", "210202"),
    ("西岗区", "210203"),
    ("沙河口区", "210204"),
    ("甘井子区", "210211"),
    ("旅顺口区", "210212"),
    ("金州区", "210213"),
    ("普兰店区", "210214"),
    ("瓦房店市", "210281"),
    ("庄河市", "210283"),
    ("长海县", "210224"),
]
WORDS = [
    "华丰",
    "金海",
    "辽南",
    "北方",
    "新港",
    "星海",
    "滨城",
    "东泰",
    "瑞祥",
    "恒信",
    "宏达",
    "永盛",
    "海昌",
    "天宇",
    "正大",
    "富源",
    "长兴",
    "鸿运",
    "盛华",
    "连润",
    "凯达",
    "兴隆",
    "明珠",
    "丰源",
    "博远",
    "嘉禾",
    "顺通",
    "德胜",
    "佳和",
    "汇丰",
    "万和",
    "安泰",
    "龙腾",
    "海晟",
    "金石",
    "华益",
]
SECTOR_WORDS = {
    "light-textile": [
        (Sector.TEXTILE, "纺织"),
        (Sector.GARMENTS, "服装"),
        (Sector.FOOD, "食品"),
        (Sector.LIGHT_INDUSTRY, "轻工制品"),
        (Sector.PAPER_PRINTING, "印务"),
        (Sector.LEATHER, "皮革制品"),
        (Sector.FURNITURE, "家具"),
        (Sector.CRAFTS, "工艺品"),
    ],
    "agri-water": [
        (Sector.AGRICULTURE, "农业发展"),
        (Sector.FORESTRY, "林业"),
        (Sector.WATER, "水利工程"),
        (Sector.WATER_SUPPLY, "供水"),
        (Sector.FISHERIES, "水产"),
        (Sector.SALT, "盐业"),
    ],
}
BRANCHES = [
    "生产一车间分会",
    "生产二车间分会",
    "机关分会",
    "销售部分会",
    "后勤分会",
    "质检部分会",
    "技术中心分会",
]
GROUPS = ["第一工会小组", "第二工会小组", "第三工会小组"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = [
    "伟",
    "芳",
    "娜",
    "秀英",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀兰",
    "霞",
    "平",
    "刚",
    "桂英",
    "建国",
    "志强",
    "海燕",
    "文博",
    "晓东",
]
OWNERSHIPS = [
    (Ownership.PRIVATE, 40),
    (Ownership.SHAREHOLDING, 20),
    (Ownership.STATE, 12),
    (Ownership.COLLECTIVE, 8),
    (Ownership.FOREIGN, 8),
    (Ownership.HK_MO_TW, 4),
    (Ownership.OTHER, 2),
]


def _date(rng, start_year, end_year):
    start = datetime.date(start_year, 1, 1).toordinal()
    return datetime.date.fromordinal(
        rng.randint(start, datetime.date(end_year, 12, 31).toordinal())
    )


class DemoBuilder:
    def __init__(self, *, scale: Scale, seed: int = 2011, today: datetime.date | None = None):
        self.scale = scale
        self.seed = seed  # (an app may draw from its own generator, seeded from it)
        self.today = today or timezone.localdate()
        self.rng = random.Random(seed)
        self.used_names: set[str] = set()
        self.used_codes: set[str] = set()

    def person(self) -> str:
        return self.rng.choice(SURNAMES) + self.rng.choice(GIVEN)

    def joint_union_name(self, district: str, industry: IndustryUnion) -> str:
        """甘井子区纺织行业联合工会, then 甘井子区纺织行业第二联合工会 when that is taken."""
        words = [word for _, word in SECTOR_WORDS[industry.code]]
        first = self.rng.randrange(len(words))
        for ordinal in ["", *"二三四五六七八九十"]:
            for k in range(len(words)):
                word = words[(first + k) % len(words)]
                name = f"{district}{word}行业{f'第{ordinal}' if ordinal else ''}联合工会"
                if name not in self.used_names:
                    self.used_names.add(name)
                    return name
        raise RuntimeError(f"Too many joint unions in {district}")

    def address(self, district: str, road: str) -> str:
        return f"大连市{district}{self.rng.choice(WORDS)}{road}{self.rng.randint(1, 399)}号"

    def enterprise_name(self, industry: IndustryUnion, district: str) -> tuple[str, str]:
        sector, word = self.rng.choice(SECTOR_WORDS[industry.code])
        while True:
            brand = "".join(self.rng.sample(WORDS, 2))
            suffix = self.rng.choice(["有限公司", "股份有限公司", "集团有限公司", "有限责任公司"])
            name = f"大连{brand}{word}{suffix}"
            if name not in self.used_names:
                self.used_names.add(name)
                return name, sector

    def credit_code(self, division: str) -> str:
        while True:
            body = f"{self.rng.randint(10_000_000, 99_999_999)}"
            code = make_credit_code(division, body)
            if code not in self.used_codes:
                self.used_codes.add(code)
                return code

    def build(self):
        result = self._build()
        self._analyze()
        return result

    @staticmethod
    def _analyze():
        """Fresh statistics after a bulk load, as autovacuum would gather in a while: without
        them the planner guesses a few rows where there are thousands (the monthly reports'
        figures took 30 s a month at scale L on PostgreSQL, instead of well under one)."""
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    @transaction.atomic
    def _build(self):
        industries = list(IndustryUnion.objects.order_by("pk"))
        per_industry = self.scale.grassroots_unions // len(industries)
        roots, root_meta = [], []
        for industry in industries:
            for _ in range(per_industry):
                district, division = self.rng.choice(DISTRICTS)
                joint = self.rng.random() < JOINT_SHARE
                if joint:
                    name = self.joint_union_name(district, industry)
                    sector = None
                else:
                    enterprise_name, sector = self.enterprise_name(industry, district)
                    name = f"{enterprise_name}工会委员会"
                founded = _date(self.rng, 1985, 2020)
                roots.append(
                    Union(
                        industry_union=industry,
                        kind=UnionKind.JOINT if joint else UnionKind.COMMITTEE,
                        name=name,
                        path="",
                        chair=self.person(),
                        vice_chairs="、".join(self.person() for _ in range(self.rng.randint(0, 2))),
                        founded_on=founded,
                        address=self.address(district, "路"),
                        phone=f"0411-{self.rng.randint(8000_0000, 8999_9999)}",
                        party_organisation=f"{name.removesuffix('工会委员会').removesuffix('工会')}党委",
                    )
                )
                root_meta.append((district, division, sector))
        self._create_level(roots, parents=None)
        branches = []
        for root in roots:
            for name in self.rng.sample(BRANCHES, self.rng.randint(1, 4)):
                branches.append(self._unit(root, UnionKind.BRANCH, name))
        self._create_level(branches, parents=roots)
        groups = []
        for branch in branches:
            for name in GROUPS[: self.rng.randint(0, 3)]:
                groups.append(self._unit(branch, UnionKind.GROUP, name))
        self._create_level(groups, parents=branches)
        self._create_enterprises(roots, root_meta)
        self._create_accounts(roots)
        members = MemberBuilder(rng=self.rng, total=self.scale.members, today=self.today)
        member_count = members.build()
        members.pending_transfers(self.scale.pending_transfers)
        officers = Union.objects.filter(role__kind=RoleKind.GRASSROOTS_OFFICER).distinct()
        members.pending_applications(officers, per_union=3)
        result = {
            "unions": len(roots) + len(branches) + len(groups),
            "grassroots": len(roots),
            "members": member_count,
        }
        self._analyze()  # (each app's demo reads what the ones before it built)
        for extend in demo_extensions():
            result.update(extend(builder=self))
            self._analyze()
        for finish in demo_extensions("finish_demo"):
            result.update(finish(builder=self))
        return result

    def _unit(self, parent: Union, kind, name) -> Union:
        return Union(
            industry_union_id=parent.industry_union_id,
            parent=parent,
            kind=kind,
            name=name,
            path="",
            chair=self.person(),
            founded_on=parent.founded_on,
        )

    @staticmethod
    def _create_level(unions, parents):
        created = bulk_create_with_history(unions, Union, batch_size=1000)
        if any(u.pk is None for u in created):  # backends without RETURNING
            raise RuntimeError("The database did not return ids from bulk_create.")
        for union in unions:
            union.path = union.path_under(union.parent)
        Union.objects.bulk_update(unions, ["path"], batch_size=1000)

    def _headcount_mu(self) -> float:
        """Headcounts such that the scale's members fill about MEMBERSHIP_RATE of the jobs in
        unionized enterprises, as in a union that has organised most of its workforce."""
        unionized = self.scale.enterprises * (1 - UNAFFILIATED_SHARE)
        mean = self.scale.members / (MEMBERSHIP_RATE * unionized) - 8
        return math.log(max(mean, 5)) - HEADCOUNT_SIGMA**2 / 2

    def _create_enterprises(self, roots, root_meta):
        enterprises = []
        unionized_total = round(self.scale.enterprises * (1 - UNAFFILIATED_SHARE))
        placed = list(zip(roots, root_meta, strict=True))
        joints = [(r, m) for r, m in placed if r.kind == UnionKind.JOINT]
        committees = [(r, m) for r, m in placed if r.kind == UnionKind.COMMITTEE]
        for root, (district, division, sector) in committees:
            name = root.name.removesuffix("工会委员会")
            enterprises.append(
                self._enterprise(root.industry_union, name, sector, division, district, root)
            )
        remaining = max(unionized_total - len(committees), 0)
        for index in range(remaining if joints else 0):
            root, (district, division, _) = joints[index % len(joints)]
            name, sector = self.enterprise_name(root.industry_union, district)
            enterprises.append(
                self._enterprise(root.industry_union, name, sector, division, district, root)
            )
        industries = list(IndustryUnion.objects.order_by("pk"))
        for _ in range(self.scale.enterprises - len(enterprises)):
            industry = self.rng.choice(industries)
            district, division = self.rng.choice(DISTRICTS)
            name, sector = self.enterprise_name(industry, district)
            enterprises.append(self._enterprise(industry, name, sector, division, district, None))
        bulk_create_with_history(enterprises, Enterprise, batch_size=1000)

    def _enterprise(self, industry, name, sector, division, district, union):
        headcount = int(self.rng.lognormvariate(self._headcount_mu(), HEADCOUNT_SIGMA)) + 8
        unionized_on = None
        if union is not None:
            unionized_on = max(union.founded_on, _date(self.rng, 2000, 2025))
        return Enterprise(
            name=name,
            credit_code=self.credit_code(division),
            industry_union=industry,
            union=union,
            unionized_on=unionized_on,
            ownership=self.rng.choices([o for o, _ in OWNERSHIPS], [w for _, w in OWNERSHIPS])[0],
            sector=sector,
            headcount=headcount,
            migrant_headcount=int(headcount * self.rng.uniform(0.05, 0.6)),
            address=self.address(district, "街"),
        )

    def _create_accounts(self, roots):
        User = get_user_model()
        light, agri = IndustryUnion.objects.order_by("pk")[:2]
        first_light = next(
            r for r in roots if r.industry_union_id == light.pk and r.kind == UnionKind.COMMITTEE
        )
        first_agri = next(r for r in roots if r.industry_union_id == agri.pk)
        accounts = [
            ("admin", "系统管理员", None, {"is_superuser": True, "is_staff": True}),
            ("qf_staff", "轻纺工会 刘敏", (RoleKind.INDUSTRY_STAFF, light, None), {}),
            # A second: who inspects a union does not approve the inspection.
            ("qf_staff2", "轻纺工会 孙丽", (RoleKind.INDUSTRY_STAFF, light, None), {}),
            ("nl_staff", "农林水利工会 陈静", (RoleKind.INDUSTRY_STAFF, agri, None), {}),
            ("qf_cadre", "包片干部 王强", (RoleKind.AREA_CADRE, light, None), {}),
            (
                "officer",
                f"{first_light.chair}（基层工会）",
                (RoleKind.GRASSROOTS_OFFICER, None, first_light),
                {},
            ),
            (
                "nl_officer",
                f"{first_agri.chair}（基层工会）",
                (RoleKind.GRASSROOTS_OFFICER, None, first_agri),
                {},
            ),
            ("leader", "领导 赵建国", (RoleKind.LEADERSHIP, None, None), {}),
        ]
        for username, name, role, flags in accounts:
            user = User(username=username, name=name, **flags)
            user.set_password(DEMO_PASSWORD)
            user.save()
            if role:
                kind, industry, union = role
                Role.objects.create(user=user, kind=kind, industry_union=industry, union=union)
        cadre = User.objects.get(username="qf_cadre")
        # Six light-textile unions, the demo officer's first: the cadre inspects its union.
        others = [r for r in roots if r.industry_union_id == light.pk and r != first_light]
        for union in [first_light, *others[:5]]:
            AreaAssignment.objects.create(
                cadre=cadre, union=union, starts_on=datetime.date(2024, 1, 1)
            )


DEMO_ACCOUNTS = [
    ("admin", "superuser"),
    ("qf_staff", "industry-union staff, 大连市轻纺工会"),
    ("qf_staff2", "a second industry-union staff member, 大连市轻纺工会"),
    ("nl_staff", "industry-union staff, 大连市农林水利工会"),
    ("qf_cadre", "area cadre (包片) of six light-textile unions, the officer's among them"),
    ("officer", "grassroots officer of a light-textile union"),
    ("nl_officer", "grassroots officer of an agriculture-water union"),
    ("leader", "leadership, read-only, both industry unions"),
]
