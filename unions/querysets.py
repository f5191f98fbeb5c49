from django.db.models import Q

from cohesion_portal.access import Scope, ScopedQuerySet


class UnionQuerySet(ScopedQuerySet):
    union_path = ""

    def grassroots(self):
        return self.filter(parent__isnull=True)

    def counted(self):
        """The grassroots unions the plan's figures count: those not dissolved. A dissolved
        union is history: not scored, not ranked, no report expected, in no denominator."""
        return self.filter(parent__isnull=True, status="active")

    def subtree_of(self, union):
        """The union itself with all its branches and groups."""
        return self.filter(path__startswith=union.path)


class EnterpriseQuerySet(ScopedQuerySet):
    def scope_condition(self, scope: Scope) -> Q:
        # An enterprise without a union belongs to its industry union only.
        return scope.union_condition("union__") | (
            Q(union__isnull=True) & scope.industry_condition()
        )

    def unionized(self):
        return self.filter(union__isnull=False)

    def in_grassroots_union_of(self, union):
        """The enterprises of the grassroots union that `union` belongs to (or is)."""
        return self.filter(union__path__startswith=union.path[: union.SEGMENT])


class MemberQuerySet(ScopedQuerySet):
    def active(self):
        return self.filter(status="active")


class MembershipQuerySet(ScopedQuerySet):
    pass


class TransferQuerySet(ScopedQuerySet):
    """A transfer is seen by both unions: the one that holds the member and the one asking."""

    def scope_condition(self, scope: Scope) -> Q:
        return scope.union_condition("from_union__") | scope.union_condition("to_union__")
