"""A grassroots union's share of the plan's targets: what the union's own page compares its
figures with, and what tells the unions behind on recruitment.

The plan sets its targets for the industry system, not per union, so a union's share is an
assumption of the portal's, stated here:

- **Rates** (T2 93% coverage, T3 90% trusted homes, ...): every union is held to the target
  rate itself; its own rate is compared with it.
- **Counts** (T1: 500 new-generation migrant workers recruited): a union's share is the target
  × the union's share of the migrant workers (`Enterprise.migrant_headcount`) of the unionized
  enterprises of its industry union. New-generation recruits come from migrant workers, so a
  union owes in proportion to where they work; and an industry union's dashboard holds its own
  area to the whole target, so its unions' shares add up to it.
- **Pro rata**: by a day, a union owes its share × the part of the plan's time elapsed (days
  from the plan's start to the day, both counted, ÷ days from the start to the target's
  deadline, both counted).
- **Behind**: fewer recruits than the whole people owed by now; owing 0.4 of a person by now
  is not being behind with none.
"""

import datetime
import math
from dataclasses import dataclass

from django.db.models import Case, IntegerField, Max, Sum, Value, When

from cohesion_portal import metrics
from cohesion_portal.access import scope_for
from unions.metrics import grassroots_of, recruits_by_union_since, under_counted_unions
from unions.models import Enterprise

from .models import Plan, Target
from .targets import Status

RECRUITS = "unions.new_generation_recruits"


def count_share(value: float, *, own: float, of: float) -> float:
    """A union's share of a count target `value`: `own` of the `of` in its industry union."""
    return float(value) * own / of if of else 0.0


def elapsed(*, starts_on: datetime.date, deadline: datetime.date, today: datetime.date) -> float:
    """The part of the time from `starts_on` to `deadline` gone by `today` (0 to 1)."""
    if today < starts_on:
        return 0.0
    days = (deadline - starts_on).days + 1
    return min(1.0, ((today - starts_on).days + 1) / days) if days > 0 else 1.0


def owed(share: float, fraction: float) -> float:
    return share * fraction


def is_behind(done: float, owed_now: float) -> bool:
    # (a hair of tolerance: 3 × 1/3 is 0.999…, which owes 1 person, not 0)
    return done < math.floor(owed_now + 1e-9)


def count_status(done: float, *, share: float, owed_now: float) -> str:
    """The status of a union's count against its share (targets.Status)."""
    if share <= 0:
        return Status.NO_DATA
    if done >= share:
        return Status.ACHIEVED
    return Status.BEHIND if is_behind(done, owed_now) else Status.ON_TRACK


def running_plan(today: datetime.date, *, user) -> Plan | None:
    """The plan running today; else the one that started last (read once per page)."""

    def compute():
        plans = Plan.objects.filter(starts_on__lte=today).order_by("-starts_on")
        return plans.filter(ends_on__gte=today).first() or plans.first()

    return metrics.remembered(user, ("standards.plan", today), compute)


def plan_targets(plan: Plan, *, user) -> list[Target]:
    """The plan's targets, in order (read once per page)."""
    return metrics.remembered(
        user, ("standards.targets", plan.pk), lambda: list(plan.targets.all())
    )


def migrant_weights(*, user) -> dict[int, tuple[int, int]]:
    """{grassroots union id in the user's scope: (migrant workers of its unionized enterprises,
    those of all the unionized enterprises of its industry union)}, in one query (the industry
    totals count every union, in scope or not)."""

    def compute():
        scope = scope_for(user)
        if scope.everything:
            in_scope = Value(1)
        elif scope.is_empty:
            return {}
        else:
            in_scope = Case(
                When(scope.union_condition("union__"), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        rows = (
            under_counted_unions(Enterprise.objects.filter(union__isnull=False))
            .annotate(grassroots=grassroots_of("union__path"))
            .values("grassroots", "union__industry_union")
            .annotate(migrants=Sum("migrant_headcount"), in_scope=Max(in_scope))
            .order_by()
        )
        totals, own = {}, {}
        for row in rows:
            industry = row["union__industry_union"]
            totals[industry] = totals.get(industry, 0) + (row["migrants"] or 0)
            if row["in_scope"]:
                own[int(row["grassroots"])] = (industry, row["migrants"] or 0)
        return {union: (n, totals[industry]) for union, (industry, n) in own.items()}

    return metrics.remembered(user, ("standards.migrant_weights",), compute)


@dataclass(frozen=True)
class Standing:
    """A grassroots union against its share of a count target, on a day."""

    union_id: int
    migrants: int
    share: float  # of the target, over the whole plan
    owed: float  # of it, by the day
    done: int

    @property
    def behind(self) -> bool:
        return is_behind(self.done, self.owed)

    @property
    def status(self) -> str:
        return count_status(self.done, share=self.share, owed_now=self.owed)

    @property
    def gap(self) -> int:
        """Whole people short of what is owed by the day (0 when not behind)."""
        return max(0, math.floor(self.owed + 1e-9) - self.done)


def recruits_target(today: datetime.date, *, user) -> Target | None:
    """T1 of the running plan: the target measured by the new-generation recruits."""
    plan = running_plan(today, user=user)
    if plan is None:
        return None

    return next(
        (t for t in plan_targets(plan, user=user) if t.metric == RECRUITS and t.value is not None),
        None,
    )


def recruitment_standings(today: datetime.date, *, user) -> dict[int, Standing]:
    """{grassroots union id: its standing} for every grassroots union in the user's scope whose
    enterprises employ migrant workers, against T1 of the running plan ({} without one).
    Two queries (the weights; the recruits, shared with the T1 card on the dashboard)."""
    target = recruits_target(today, user=user)
    if target is None:
        return {}
    starts_on = target.plan.starts_on
    as_of = min(today, target.deadline)
    fraction = elapsed(starts_on=starts_on, deadline=target.deadline, today=as_of)
    recruited = recruits_by_union_since(starts_on, as_of, user=user) if today >= starts_on else {}
    standings = {}
    for union_id, (own, of) in migrant_weights(user=user).items():
        share = count_share(target.value, own=own, of=of)
        standings[union_id] = Standing(
            union_id=union_id,
            migrants=own,
            share=share,
            owed=owed(share, fraction),
            done=recruited.get(union_id, 0),
        )
    return standings


def behind_on_recruitment(today: datetime.date, *, user) -> list[int]:
    """Ids of the grassroots unions in scope behind their share of T1 by `today`."""
    return sorted(
        union_id
        for union_id, standing in recruitment_standings(today, user=user).items()
        if standing.behind
    )


@dataclass(frozen=True)
class OwnTarget:
    """One of the plan's targets as a grassroots union's own page shows it: the union's figure
    (`state.current`), its goal (`state.goal`: the target rate, or its share of a count), and
    for a count what it owes by now."""

    state: object  # targets.TargetState
    owed: float | None = None  # of a count's share, by today

    @property
    def is_count(self) -> bool:
        return self.owed is not None


def own_targets(union_id: int, today: datetime.date, *, user) -> list[OwnTarget]:
    """Every target of the running plan for the grassroots union `union_id`, read in `user`'s
    scope (an officer's: the union with its branches and groups). Rates against the target
    rate, with the dashboard's status; counts against the union's share (the same weight, its
    migrant workers, for every count target: T1 is the only one with data so far), with the
    pro-rata status of the unions behind on recruitment, so the two never disagree."""
    from dataclasses import replace

    from .targets import evaluate

    plan = running_plan(today, user=user)
    if plan is None:
        return []
    own, of = migrant_weights(user=user).get(union_id, (0, 0))
    rows = []
    for target in plan_targets(plan, user=user):
        metric = target.figure
        if target.value is None or metric is None or metric.unit == metrics.PERCENT:
            rows.append(OwnTarget(evaluate(target, today=today, user=user)))
            continue
        share = count_share(target.value, own=own, of=of)
        state = evaluate(target, today=today, user=user, goal=share)
        as_of = min(today, target.deadline)
        owed_now = owed(
            share, elapsed(starts_on=plan.starts_on, deadline=target.deadline, today=as_of)
        )
        if state.current is not None:
            state = replace(
                state, status=count_status(state.current, share=share, owed_now=owed_now)
            )
        rows.append(OwnTarget(state, owed=owed_now))
    return rows
