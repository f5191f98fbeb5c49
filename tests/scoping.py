"""How to build one record of each scoped model inside a given union, for the view walk.

When an app adds a model that a view shows, it registers a builder here (or from its own test
module): `@builds(Model)` on a function `(union) -> instance`. The walk in
tests/portal/test_view_walk.py fails, naming the model, for a view whose model has none.
"""

from unions.models import Enterprise, Union

from .factories import EnterpriseFactory

BUILDERS = {}


def builds(model):
    def register(function):
        BUILDERS[model] = function
        return function

    return register


@builds(Union)
def union_itself(union):
    return union


@builds(Enterprise)
def enterprise_in(union):
    return EnterpriseFactory(union=union, name=f"{union.name}·企业")
