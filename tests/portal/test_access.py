import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from cohesion_portal.access import CHANGE, VIEW, forget_cached_access, scope_for
from cohesion_portal.views import ScopedViewMixin
from unions.models import AreaAssignment, Enterprise, Union

from ..conftest import VISIBLE, WRITABLE


def visible_labels(world, user, action):
    roots = {world.unions[label].pk: label for label in "ABC"}
    scoped = Union.objects.for_user(user, action).filter(parent__isnull=True)
    return {roots[u.pk] for u in scoped}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", VISIBLE)
def test_each_role_sees_and_changes_what_architecture_md_says(world, persona):
    user = world.users[persona]
    assert visible_labels(world, user, VIEW) == VISIBLE[persona]
    assert visible_labels(world, user, CHANGE) == WRITABLE[persona]


@pytest.mark.django_db
def test_an_area_assignment_counts_only_while_it_runs(world):
    cadre = world.users["cadre_a"]
    AreaAssignment.objects.filter(cadre=cadre).update(ends_on=datetime.date(2024, 12, 31))
    forget_cached_access(cadre)
    assert scope_for(cadre).is_empty
    assert not Union.objects.for_user(cadre).exists()


@pytest.mark.django_db
def test_enterprises_without_a_union_belong_to_their_industry_staff_only(world, unaffiliated):
    names = {
        persona: set(
            Enterprise.objects.for_user(world.users[persona]).values_list("name", flat=True)
        )
        for persona in ("officer_a", "cadre_a", "staff_lt", "staff_aw", "leader_all", "superuser")
    }
    assert names["officer_a"] == names["cadre_a"] == set()
    assert names["staff_lt"] == {"无工会轻纺企业"}
    assert names["staff_aw"] == {"无工会农林企业"}
    assert names["leader_all"] == names["superuser"] == {"无工会轻纺企业", "无工会农林企业"}


@pytest.mark.django_db
def test_a_view_over_an_unscoped_model_refuses_to_run(world):
    from django.views.generic import ListView

    from cohesion_portal.models import FormSubmission

    class Leaky(ScopedViewMixin, ListView):
        model = FormSubmission

    request = RequestFactory().get("/")
    request.user = world.users["superuser"]
    view = Leaky()
    view.setup(request)
    with pytest.raises(ImproperlyConfigured):
        view.get_queryset()


def test_anonymous_and_inactive_users_have_no_scope(django_user_model, db):
    from django.contrib.auth.models import AnonymousUser

    assert scope_for(AnonymousUser()).is_empty
    inactive = django_user_model.objects.create(username="x", is_active=False, is_superuser=True)
    assert scope_for(inactive).is_empty
