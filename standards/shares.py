"""The part of the plan's targets that an area owes: what a union's own page, the dashboard of
any area smaller than the whole system, the Excel's summary and the unions behind on
recruitment compare the figures with. The plan sets its targets for the whole system (both
industry unions together), not per union, so a share is an assumption of the portal's, stated
here and in the README's definitions:

- **Rates** (T2 93% coverage, T3 90% trusted homes, ...): every area is held to the target rate
  itself.
- **Counts** (T1: 500 new-generation migrant workers recruited): an area's share is the target
  × its part of the migrant workers (`Enterprise.migrant_headcount`) of every unionized
  enterprise of the system (not those of dissolved unions). New-generation recruits come from
  migrant workers, so an area owes in proportion to where they work; the shares of all the
  areas add up to the target, which only a view of the whole system is held to.
- **Due by a day** (pro rata): each enterprise's part of the share accrues from the day it
  joined its union, or the plan's start if later, to the target's deadline (days counted at
  both ends). The share grows the day an enterprise joins; what is due from it starts then, so
  adding one never makes a union behind on the day it is added.
- **Behind**: fewer than the whole people due by now; owing 0.4 of a person by now is not
  being behind with none.
"""

import datetime
import math
from dataclasses import dataclass, replace

from django.db.models import Case, DateField, IntegerField, Max, Sum, Value, When
from django.db.models.functions import Coalesce, Greatest

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


@dataclass(frozen=True)
class Weights:
    """The migrant workers that count targets are shared by, from one query: per grassroots
    union in the user's scope, {the day they count from: migrant workers}; and the total of
    the whole system, in scope or not."""

    by_union: dict[int, dict[datetime.date, int]]
    total: int
    everything: bool  # the user's scope is the whole system

    def of(self, union_ids=None) -> dict[datetime.date, int]:
        """{day they count from: migrant workers} of `union_ids` (None: every one in scope)."""
        days = {}
        for union_id in self.by_union if union_ids is None else union_ids:
            for day, n in self.by_union.get(union_id, {}).items():
                days[day] = days.get(day, 0) + n
        return days


def migrant_weights(plan: Plan, *, user) -> Weights:
    """The Weights of `plan`, in the user's scope (read once per page)."""

    def compute():
        scope = scope_for(user)
        if scope.everything:
            in_scope = Value(1)
        elif scope.is_empty:
            in_scope = Value(0)
        else:
            in_scope = Case(
                When(scope.union_condition("union__"), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        starts = Value(plan.starts_on, output_field=DateField())
        rows = (
            under_counted_unions(Enterprise.objects.filter(union__isnull=False))
            .annotate(
                grassroots=grassroots_of("union__path"),
                counts_from=Greatest(Coalesce("unionized_on", starts), starts),
            )
            .values("grassroots", "counts_from")
            .annotate(migrants=Sum("migrant_headcount"), in_scope=Max(in_scope))
            .order_by()
        )
        by_union, total = {}, 0
        for row in rows:
            n = row["migrants"] or 0
            total += n
            if row["in_scope"]:
                days = by_union.setdefault(int(row["grassroots"]), {})
                day = _as_date(row["counts_from"])
                days[day] = days.get(day, 0) + n
        return Weights(by_union, total, scope.everything)

    return metrics.remembered(user, ("standards.migrant_weights", plan.pk), compute)


def _as_date(value) -> datetime.date:
    # (SQLite gives MAX() of dates back as text)
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


@dataclass(frozen=True)
class Share:
    """An area's part of a count target: `value` by the deadline, due as it accrues."""

    value: float
    parts: tuple[tuple[datetime.date, float], ...]  # (accrues from, part of the value)
    deadline: datetime.date

    def owed(self, day: datetime.date) -> float:
        """Due by `day`: each part pro rata from its own first day."""
        return sum(
            part * elapsed(starts_on=start, deadline=self.deadline, today=day)
            for start, part in self.parts
        )


def share_of(target: Target, weights: Weights, union_ids=None) -> Share:
    """The share of the count target `target` of the grassroots unions `union_ids` (None: the
    user's whole area). A view of the whole system owes the whole target."""
    value = float(target.value)
    days = weights.of(union_ids)
    whole = union_ids is None and weights.everything
    if not weights.total:  # no migrant workers recorded anywhere: nothing to share by
        parts = ((target.plan.starts_on, value),) if whole else ()
        return Share(value if whole else 0.0, parts, target.deadline)
    parts = tuple(
        (day, count_share(value, own=n, of=weights.total)) for day, n in sorted(days.items())
    )
    own = sum(days.values())
    share = value if whole else count_share(value, own=own, of=weights.total)
    return Share(share, parts, target.deadline)


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
    recruited = recruits_by_union_since(starts_on, as_of, user=user) if today >= starts_on else {}
    weights = migrant_weights(target.plan, user=user)
    standings = {}
    for union_id, days in weights.by_union.items():
        share = share_of(target, weights, [union_id])
        standings[union_id] = Standing(
            union_id=union_id,
            migrants=sum(days.values()),
            share=share.value,
            owed=share.owed(as_of),
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
class AreaTarget:
    """One of the plan's targets as an area owes it: the area's figure (`state.current`), its
    goal (`state.goal`: the target rate, or the area's share of a count) and, for a count, the
    share with what is due of it by now."""

    state: object  # targets.TargetState
    share: Share | None = None  # of a count target
    owed: float | None = None  # of the share, by today

    @property
    def is_count(self) -> bool:
        return self.share is not None


def area_targets(today: datetime.date, *, user) -> list[AreaTarget]:
    """Every target of the running plan for the user's area (an officer's union with its units,
    a cadre's unions, an industry union, the whole system): rates against the target rate;
    counts against the area's share, with the pro-rata status of the unions behind on
    recruitment, so the dashboard, a union's page, the Excel and the attention list agree."""
    from .targets import evaluate

    plan = running_plan(today, user=user)
    if plan is None:
        return []
    rows = []
    for target in plan_targets(plan, user=user):
        metric = target.figure
        if target.value is None or metric is None or metric.unit == metrics.PERCENT:
            rows.append(AreaTarget(evaluate(target, today=today, user=user)))
            continue
        share = share_of(target, migrant_weights(plan, user=user))
        state = evaluate(target, today=today, user=user, goal=share.value)
        owed_now = share.owed(min(today, target.deadline))
        if state.current is not None:
            state = replace(
                state, status=count_status(state.current, share=share.value, owed_now=owed_now)
            )
        rows.append(AreaTarget(state, share=share, owed=owed_now))
    return rows
