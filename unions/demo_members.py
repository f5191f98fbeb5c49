"""Demo members: a roster for every unionized enterprise, valid ID numbers, this year's
recruitment spread over the months so far, some leavers, transfers done and pending."""

import datetime
import random

from django.contrib.auth import get_user_model
from simple_history.utils import bulk_create_with_history

from cohesion_portal.dates import add_years

from .id_numbers import make_id_number
from .models import (
    Education,
    Enterprise,
    Hukou,
    Member,
    Membership,
    MembershipEnd,
    MembershipStart,
    MemberStatus,
    Union,
)
from .services import join_apply, transfer_request

# Where the demo's workers come from: Dalian's districts and counties, and the provinces that
# send most migrant workers to Dalian.
LOCAL_PLACES = ["210202", "210203", "210204", "210211", "210212", "210213", "210281", "210283"]
HOME_PLACES = [
    "210224",
    "210281",
    "210283",
    "220104",
    "230103",
    "370102",
    "410102",
    "130102",
    "341102",
]
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚浩宇鹏飞婷雪梅华建国志红玉兰文斌晨阳欣怡子涵梓轩"
SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
    "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史"
    "顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
)
EDUCATION_WEIGHTS = [
    (Education.JUNIOR, 30),
    (Education.SENIOR, 35),
    (Education.COLLEGE, 20),
    (Education.BACHELOR, 12),
    (Education.PRIMARY, 2),
    (Education.POSTGRADUATE, 1),
]
LEAVER_SHARE = 0.03
LEAVE_REASONS = ["离职", "退休", "调离本单位", "合同期满"]


def _day(rng, start: datetime.date, end: datetime.date) -> datetime.date:
    return datetime.date.fromordinal(rng.randint(start.toordinal(), end.toordinal()))


class MemberBuilder:
    def __init__(self, *, rng: random.Random, total: int, today: datetime.date):
        self.rng, self.total, self.today = rng, total, today
        self.used_numbers: set[str] = set()
        self.card = 0

    BATCH = 20_000  # members written at a time, so memory stays flat at any scale

    def build(self) -> int:
        """Write the members; returns how many. Keeps a sample for the pending transfers."""
        enterprises = list(Enterprise.objects.filter(union__isnull=False).select_related("union"))
        units = self._units_by_grassroots()
        weights = [e.headcount for e in enterprises]
        scale = self.total / max(sum(weights), 1)
        batch, written = [], 0
        self.sample = []
        for enterprise in enterprises:
            count = min(enterprise.headcount, round(enterprise.headcount * scale))
            migrant_share = enterprise.migrant_headcount / enterprise.headcount
            for _ in range(count):
                unit = self.rng.choice(units[enterprise.union.grassroots_id])
                batch.append(self._member(enterprise, unit, migrant_share))
            if len(batch) >= self.BATCH:
                written += self._write(batch)
                batch = []
        return written + self._write(batch)

    def _write(self, members) -> int:
        bulk_create_with_history(members, Member, batch_size=2000)
        self._memberships(members)
        if len(self.sample) < 1000:
            self.sample += [m for m in members if m.status == MemberStatus.ACTIVE][:1000]
        return len(members)

    def _units_by_grassroots(self):
        units = {}
        for union in Union.objects.only("pk", "path", "founded_on"):
            units.setdefault(union.grassroots_id, []).append(union)
        return units

    def _member(self, enterprise, union, migrant_share) -> Member:
        rng = self.rng
        migrant = rng.random() < migrant_share
        born = _day(rng, datetime.date(1966, 1, 1), datetime.date(2004, 12, 31))
        male = rng.random() < 0.55
        while True:
            place = rng.choice(HOME_PLACES if migrant else LOCAL_PLACES)
            number = make_id_number(place, born, rng.randrange(100), male)
            if number not in self.used_numbers:
                self.used_numbers.add(number)
                break
        earliest = max(add_years(born, 18), enterprise.unionized_on)
        this_year = datetime.date(self.today.year, 1, 1)
        if rng.random() < 0.25 and earliest <= self.today:
            joined = _day(rng, max(earliest, this_year), self.today)  # this year's recruits
        else:
            joined = _day(rng, earliest, max(earliest, this_year - datetime.timedelta(days=1)))
        joined = min(joined, self.today)
        self.card += 1
        return Member(
            name=rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2)))),
            gender="male" if male else "female",
            id_number=number,
            birth_date=born,
            phone=f"1{rng.choice('3578')}{rng.randrange(10**9):09d}",
            education=rng.choices(*zip(*EDUCATION_WEIGHTS, strict=True))[0],
            union=union,
            enterprise=enterprise,
            joined_on=joined,
            card_number=f"DL{self.card:08d}",
            is_migrant=migrant,
            is_dispatched=migrant and rng.random() < 0.2,
            hukou=Hukou.AGRICULTURAL
            if migrant
            else rng.choice([Hukou.NON_AGRICULTURAL, Hukou.RESIDENT]),
        )

    def _memberships(self, members):
        periods, leavers = [], []
        for member in members:
            period = Membership(
                member=member,
                union=member.union,
                started_on=member.joined_on,
                start=MembershipStart.JOINED,
            )
            if self.rng.random() < LEAVER_SHARE and member.joined_on < self.today:
                left = _day(self.rng, member.joined_on, self.today)
                member.status, member.status_changed_on = MemberStatus.LEFT, left
                member.status_reason = self.rng.choice(LEAVE_REASONS)
                period.ended_on, period.end = left, MembershipEnd.LEFT
                leavers.append(member)
            periods.append(period)
        Membership.objects.bulk_create(periods, batch_size=2000)
        Member.objects.bulk_update(
            leavers, ["status", "status_changed_on", "status_reason"], batch_size=2000
        )

    def pending_applications(self, unions, per_union: int):
        """Online applications waiting in the given unions, sent through the join service."""
        for union in unions:
            enterprises = list(Enterprise.objects.in_grassroots_union_of(union)[:5])
            for _ in range(per_union):
                born = _day(self.rng, datetime.date(1985, 1, 1), datetime.date(2004, 12, 31))
                male = self.rng.random() < 0.5
                while True:
                    number = make_id_number(
                        self.rng.choice(HOME_PLACES), born, self.rng.randrange(100), male
                    )
                    if number not in self.used_numbers:
                        self.used_numbers.add(number)
                        break
                join_apply(
                    union=union,
                    name=self.rng.choice(SURNAMES) + "".join(self.rng.sample(GIVEN, 2)),
                    id_number=number,
                    phone=f"1{self.rng.choice('3578')}{self.rng.randrange(10**9):09d}",
                    enterprise=self.rng.choice(enterprises) if enterprises else None,
                    is_migrant=self.rng.random() < 0.7,
                )

    def pending_transfers(self, count: int):
        """A few transfers waiting for the holding union, asked through the service."""
        User = get_user_model()
        active = self.sample
        grassroots = list(Union.objects.filter(parent__isnull=True))
        for member in self.rng.sample(active, min(count, len(active))):
            target = self.rng.choice([u for u in grassroots if u.pk != member.union.grassroots_id])
            staff = User.objects.filter(
                role__industry_union=target.industry_union_id, role__kind="industry_staff"
            ).first()
            transfer_request(actor=staff, member=member, to_union=target, note="工作调动")
