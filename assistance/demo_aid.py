"""Demo aid campaigns and aid (assistance.demo calls this): each industry union's Spring
Festival warmth and summer cooling of the demo's year and its 金秋助学, with most of its unions
taking part and a few not reporting yet, giving to about half the workers with a hardship file
open at the time; help all year round besides (助困 about one month in three, at times 送文化,
助岗 for those out of work), so that a file has about five records over the year (about
100,000 at scale L); the coming Spring Festival's campaign, planned; job help for most of the
workers out of work. Each record is dated within its file's open days, and not after today."""

import datetime
from decimal import Decimal

from simple_history.utils import bulk_create_with_history

from cohesion_portal.dates import add_months
from unions.models import IndustryUnion, Union

from .models import (
    Aid,
    Campaign,
    Cause,
    Funds,
    HardshipFile,
    JobHelp,
    JobHelpKind,
    JobOutcome,
    Programme,
)

HANDED_OVER_BY = ("工会主席", "工会副主席", "女工委员", "经审委员")
GOODS = {
    Programme.WARMTH: "米、面、油",
    Programme.COOLING: "防暑降温用品",
    Programme.CULTURE: "电影票、图书",
}
# Help outside the campaigns: the chance of it in a month the file is open; 助岗 only for
# those out of work.
YEAR_ROUND = {Programme.HARDSHIP: 0.38, Programme.CULTURE: 0.04}
JOBS_A_MONTH = 0.1
AID_BATCH = 10_000
SCHOOLS = (("大连理工大学", "大二"), ("大连市第二十四中学", "高一"), ("大连海事大学", "大一"))


def build_aid(rng, today: datetime.date) -> tuple[int, int]:
    year = today.year if today.month >= 9 else today.year - 1
    campaigns = []
    for industry in IndustryUnion.objects.order_by("pk"):
        unions = list(Union.objects.grassroots().counted().filter(industry_union=industry))
        for name, programme, start, end, budget in (
            (f"{year}年春节送温暖", Programme.WARMTH, (1, 5), (2, 10), 300_000),
            (f"{year}年夏季送清凉", Programme.COOLING, (7, 1), (8, 31), 120_000),
            (f"{year}年金秋助学", Programme.SCHOOLING, (8, 15), (9, 30), 200_000),
        ):
            campaign = Campaign.objects.create(
                industry_union=industry,
                name=f"{industry.short_name}{name}",
                programme=programme,
                starts_on=datetime.date(year, *start),
                ends_on=datetime.date(year, *end),
                budget=Decimal(budget),
            )
            campaign.unions.set(rng.sample(unions, int(len(unions) * 0.8)))
            campaigns.append(campaign)
        Campaign.objects.create(  # planned: nothing given yet
            industry_union=industry,
            name=f"{industry.short_name}{year + 1}年春节送温暖",
            programme=Programme.WARMTH,
            starts_on=datetime.date(year + 1, 1, 5),
            ends_on=datetime.date(year + 1, 2, 10),
            budget=Decimal(320_000),
        )
    taking_part = {c.pk: {u.pk for u in c.unions.all()} for c in campaigns}
    records, written = [], 0
    files = HardshipFile.objects.select_related("union").order_by("pk")
    for file in files.iterator(chunk_size=2000):
        records += _campaign_aid(rng, today, file, campaigns, taking_part)
        records += _year_round_aid(rng, today, file)
        if len(records) >= AID_BATCH:  # written a batch at a time: memory stays flat
            written += len(bulk_create_with_history(records, Aid, batch_size=1000))
            records = []
    written += len(bulk_create_with_history(records, Aid, batch_size=1000))
    _job_help(rng, today, files.filter(closed_on__isnull=True))
    return len(campaigns), written


def _campaign_aid(rng, today, file, campaigns, taking_part) -> list[Aid]:
    """Under about half the campaigns the file's union takes part in, while the file is open."""
    records = []
    for campaign in campaigns:
        if file.union.grassroots_id not in taking_part[campaign.pk] or rng.random() < 0.5:
            continue
        given = campaign.starts_on + datetime.timedelta(
            days=rng.randint(0, (campaign.ends_on - campaign.starts_on).days)
        )
        if _while_open(file, given, today):
            records.append(_aid(rng, file, campaign, given))
    return records


def _year_round_aid(rng, today, file) -> list[Aid]:
    """Help outside the campaigns, in some of the last twelve months the file was open."""
    chances = dict(YEAR_ROUND)
    if Cause.UNEMPLOYMENT in file.causes:
        chances[Programme.JOBS] = JOBS_A_MONTH
    records = []
    for months_ago in range(12):
        month = add_months(today.replace(day=1), -months_ago)
        for programme, chance in chances.items():
            if rng.random() >= chance:
                continue
            given = month.replace(day=rng.randint(1, 28))
            if _while_open(file, given, today):
                records.append(_aid(rng, file, None, given, programme))
    return records


def _while_open(file, day: datetime.date, today: datetime.date) -> bool:
    return file.opened_on <= day <= min(file.closed_on or today, today)


COURSES = ("叉车操作培训班", "家政服务培训班", "电工上岗培训", "某物流公司", "某商超")


def _job_help(rng, today, files) -> int:
    """A course or a referral for most workers out of work; most found work within months."""
    jobs = []
    for file in files.iterator(chunk_size=2000):
        if Cause.UNEMPLOYMENT not in file.causes or rng.random() < 0.3:
            continue
        started = max(file.opened_on, today - datetime.timedelta(days=rng.randint(10, 300)))
        job = JobHelp(
            union=file.union,
            file=file,
            name=file.name,
            kind=rng.choice(JobHelpKind.values),
            provider=rng.choice(COURSES),
            started_on=started,
        )
        known = started + datetime.timedelta(days=rng.randint(20, 90))
        if known <= today:
            job.outcome = rng.choices(JobOutcome.values[1:], weights=[6, 3, 1])[0]
            job.outcome_on = known
        jobs.append(job)
    return len(bulk_create_with_history(jobs, JobHelp, batch_size=1000))


def _aid(rng, file, campaign, given, programme=None) -> Aid:
    aid = Aid(
        union=file.union,
        campaign=campaign,
        programme=campaign.programme if campaign else programme,
        file=file,
        name=file.name,
        id_number=file.id_number,
        funds=rng.choice([Funds.UNION, Funds.UNION, Funds.HIGHER, Funds.DONATION]),
        given_on=given,
        handed_over_by=rng.choice(HANDED_OVER_BY),
    )
    if aid.programme in GOODS and rng.random() < 0.5:
        aid.goods, aid.goods_value = GOODS[aid.programme], Decimal(rng.randint(2, 6) * 100)
    else:
        aid.cash = Decimal(rng.randint(5, 30) * 100)
    if aid.programme == Programme.SCHOOLING:
        school, school_year = rng.choice(SCHOOLS)
        aid.child_name = file.name[0] + rng.choice(("小明", "小雨", "佳怡"))
        aid.child_born_in = given.year - rng.randint(16, 20)
        aid.school, aid.school_year = school, school_year
    return aid
