from django.db.models import Q

from cohesion_portal.access import Scope, ScopedQuerySet


class UnionQuerySet(ScopedQuerySet):
    union_path = ""

    def grassroots(self):
        return self.filter(parent__isnull=True)

    def subtree_of(self, union):
        """The union itself with all its branches and groups."""
        return self.filter(path__startswith=union.path)

    def descendants_of(self, union):
        return self.subtree_of(union).exclude(pk=union.pk)


class EnterpriseQuerySet(ScopedQuerySet):
    def scope_condition(self, scope: Scope) -> Q:
        if scope.everything:
            return Q()  # (an empty Q would vanish inside the OR below)
        # An enterprise without a union belongs to its industry union only.
        return scope.union_condition("union__") | (
            Q(union__isnull=True) & scope.industry_condition()
        )

    def unionized(self):
        return self.filter(union__isnull=False)

    def in_subtree_of(self, union):
        return self.filter(union__path__startswith=union.path)
