"""The history page's reads (变更记录): every change to a record (django-simple-history) and every
showing of personal data, newest first, in the reader's scope.

Each kind of record keeps its history in a table of its own. A page reads at most PAGE_SIZE
rows from each of them, newest first after the cursor, and merges them; the next page starts
after the last row shown (a keyset, so a deep page costs what the first does). The queries per
page are one per kind of record, whatever the amount of history.
"""

import datetime
import heapq
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Q
from django.urls import NoReverseMatch
from django.utils import timezone

from cohesion_portal.access import Scope
from unions.models import PersonalDataDisclosure, Union

PAGE_SIZE = 25
# Bookkeeping of the history rows themselves, never a change a person made.
NOT_A_CHANGE = {"id", "history_id", "history_date", "history_change_reason", "history_type"}
NOT_A_CHANGE |= {"history_user", "history_user_id", "version"}


@dataclass(frozen=True)
class Filters:
    union: object = None  # a Union in the reader's scope: its subtree only
    user: object = None  # who made the change
    since: datetime.date | None = None
    until: datetime.date | None = None
    kind: str = ""  # "", "changes" or "disclosures"


@dataclass
class Entry:
    at: datetime.datetime
    user: object
    action: str  # "+", "~", "-", or a disclosure reason
    what: str  # the kind of record
    label: str
    union_id: int | None = None
    union: str = ""  # the name of the union the record belongs to
    url: str = ""
    fields: list = field(default_factory=list)  # the names of the fields a change changed


@dataclass(frozen=True)
class Source:
    """One table of history: a model's (django-simple-history), or the record of personal data
    shown (PersonalDataDisclosure), with the names its time, row id and person go by."""

    model: type
    condition: object  # (scope, union or None) -> Q, or None for no condition at all

    @property
    def is_history(self) -> bool:
        return self.model is not PersonalDataDisclosure

    @property
    def rows(self):
        return self.model.history.model.objects if self.is_history else self.model.objects

    @property
    def time(self) -> str:
        return "history_date" if self.is_history else "at"

    @property
    def key(self) -> str:
        return "history_id" if self.is_history else "id"

    @property
    def person(self) -> str:
        return "history_user" if self.is_history else "user"


def _scoped_condition(model):
    """History rows of the records in scope now: the live table says which (a history table
    does not always keep what the scope reads, such as a union's path)."""

    def condition(scope: Scope, union):
        if union is not None:
            scope = Scope(subtree_paths=(union.path,))
        if scope.everything:
            return None
        live = model._default_manager.get_queryset()
        return Q(id__in=live.filter(live.scope_condition(scope)).values("pk"))

    return condition


def _shared_condition(scope: Scope, union):
    """Plans and the scheme belong to no union: left out when the page asks for one."""
    return None if union is None else Q(pk__in=[])


def _superusers_only(scope: Scope, union):
    return None if scope.everything and union is None else Q(pk__in=[])


def _role_condition(scope: Scope, union):
    """A role belongs to its union, or to the industry union it is of."""
    if union is not None:
        return Q(union__path__startswith=union.path)
    if scope.everything:
        return None
    return scope.union_condition("union__") | Q(
        industry_union_id__in=sorted(scope.industry_union_ids)
    )


def _assignment_condition(scope: Scope, union):
    if union is not None:
        return Q(union__path__startswith=union.path)
    return None if scope.everything else scope.union_condition("union__")


def _disclosure_condition(scope: Scope, union):
    """A showing belongs to the member's union; a look-up that found nobody, to the union or
    industry union of who looked."""
    if union is not None:
        scope = Scope(subtree_paths=(union.path,))
    if scope.everything:
        return None
    looker = scope.union_condition("user__role__union__")
    if scope.industry_union_ids:
        looker |= Q(user__role__industry_union_id__in=sorted(scope.industry_union_ids))
    return scope.union_condition("member__union__") | Q(member__isnull=True) & looker


def sources() -> list[Source]:
    """Every model with a history, and how a reader's scope reaches its rows."""
    from cohesion_portal.access import ScopedQuerySet, SharedQuerySet

    found = []
    for model in apps.get_models():
        history = getattr(model, "history", None)
        if history is None or not hasattr(history, "model"):
            continue
        queryset = model._default_manager.get_queryset()
        if isinstance(queryset, ScopedQuerySet):
            condition = _scoped_condition(model)
        elif isinstance(queryset, SharedQuerySet):
            condition = _shared_condition
        elif model._meta.label == "unions.Role":
            condition = _role_condition
        elif model._meta.label == "unions.AreaAssignment":
            condition = _assignment_condition
        else:  # users, the industry unions themselves
            condition = _superusers_only
        found.append(Source(model, condition))
    found.append(Source(PersonalDataDisclosure, _disclosure_condition))
    return found


def _bounds(filters: Filters, time: str) -> Q:
    condition = Q()
    zone = timezone.get_current_timezone()
    if filters.since:
        start = datetime.datetime.combine(filters.since, datetime.time.min, tzinfo=zone)
        condition &= Q(**{f"{time}__gte": start})
    if filters.until:
        day_after = filters.until + datetime.timedelta(days=1)
        end = datetime.datetime.combine(day_after, datetime.time.min, tzinfo=zone)
        condition &= Q(**{f"{time}__lt": end})
    return condition


def _after(cursor, index: int, source: Source) -> Q:
    """Rows of source `index` that come after `cursor` = (time, source index, row id) in the
    page's order: newest first, then by source, then by row id, highest first."""
    if cursor is None:
        return Q()
    at, cursor_index, row = cursor
    earlier = Q(**{f"{source.time}__lt": at})
    if index < cursor_index:
        return earlier
    if index > cursor_index:
        return earlier | Q(**{source.time: at})
    return earlier | Q(**{source.time: at, f"{source.key}__lt": row})


def history_page(
    scope: Scope, filters: Filters, cursor=None, size: int = PAGE_SIZE, *, permissions=frozenset()
):
    """(entries, next cursor or None): the history `scope` reads, narrowed by `filters`, from
    `cursor` on (None: the newest). A model whose rows need a permission to read at all (a
    hardship file's, `personal_permission`) is read only if `permissions` holds it."""
    from cohesion_portal.access import personal_permission_of

    candidates = []
    all_sources = sources()
    for index, source in enumerate(all_sources):
        needed = personal_permission_of(source.model) if source.is_history else None
        if needed and needed not in permissions:
            continue
        if filters.kind == "changes" and not source.is_history:
            continue
        if filters.kind == "disclosures" and source.is_history:
            continue
        condition = source.condition(scope, filters.union)
        rows = source.rows.all()
        if condition is not None:
            rows = rows.filter(condition)
        if filters.user is not None:
            rows = rows.filter(**{source.person: filters.user})
        rows = (
            rows.filter(_bounds(filters, source.time), _after(cursor, index, source))
            .select_related(source.person, *(() if source.is_history else ("member",)))
            .order_by(f"-{source.time}", f"-{source.key}")[: size + 1]
        )
        candidates.append(
            [(getattr(r, source.time), index, getattr(r, source.key), r) for r in rows]
        )
    merged = list(
        heapq.merge(*candidates, key=lambda item: (-item[0].timestamp(), item[1], -item[2]))
    )
    shown = merged[:size]
    next_cursor = shown[-1][:3] if len(merged) > size else None
    return _entries([(all_sources[index], row) for _, index, _, row in shown]), next_cursor


def _entries(shown) -> list[Entry]:
    changed = _changed_fields([(source, row) for source, row in shown if source.is_history])
    entries = []
    for source, row in shown:
        if source.is_history:
            entries.append(
                Entry(
                    at=row.history_date,
                    user=row.history_user,
                    action=row.history_type,
                    what=str(source.model._meta.verbose_name),
                    label=_label(row),
                    union_id=row.id if source.model is Union else getattr(row, "union_id", None),
                    url=_url(row) if row.history_type != "-" else "",
                    fields=changed.get((source.model, row.history_id), []),
                )
            )
        else:
            entries.append(
                Entry(
                    at=row.at,
                    user=row.user,
                    action=row.reason,
                    what=str(row.get_reason_display()),
                    label=row.member.name if row.member else row.looked_up,
                    union_id=row.member.union_id if row.member else None,
                    url=row.member.get_absolute_url() if row.member else "",
                )
            )
    names = dict(
        Union.objects.filter(pk__in={e.union_id for e in entries if e.union_id}).values_list(
            "pk", "name"
        )
    )
    for entry in entries:
        entry.union = names.get(entry.union_id, "")
    return entries


def _label(row) -> str:
    for name in ("name", "title", "subject"):
        value = getattr(row, name, "")
        if value:
            return str(value)
    return f"#{row.id}"


def _url(row) -> str:
    try:
        return row.instance.get_absolute_url()
    except (AttributeError, NoReverseMatch):
        return ""


def _changed_fields(rows) -> dict:
    """{(model, history id): [verbose names of the fields that changed]}, for the changes on
    a page: the versions before them read in one query per kind of record."""
    by_model = {}
    for source, row in rows:
        if row.history_type == "~":
            by_model.setdefault(source.model, []).append(row)
    changed = {}
    for model, page_rows in by_model.items():
        versions = {}
        history = model.history.model.objects.filter(
            id__in={row.id for row in page_rows},
            history_date__lte=max(row.history_date for row in page_rows),
        ).order_by("id", "history_date", "history_id")
        for version in history.values():
            versions.setdefault(version["id"], []).append(version)
        names = {  # (a time the record stamps on itself is no change a person made)
            f.attname: f.verbose_name
            for f in model._meta.concrete_fields
            if not getattr(f, "auto_now", False)
        }
        for row in page_rows:
            chain = versions.get(row.id, [])
            position = next(
                (i for i, v in enumerate(chain) if v["history_id"] == row.history_id), None
            )
            if not position:  # the first version we have: nothing to compare with
                continue
            before, after = chain[position - 1], chain[position]
            changed[(model, row.history_id)] = [
                str(names.get(key, key))
                for key in after
                if key not in NOT_A_CHANGE and key in names and before.get(key) != after[key]
            ]
    return changed
