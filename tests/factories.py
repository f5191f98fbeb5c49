"""Factories for the union tree, built through the services, as users build records."""

import datetime
import itertools

import factory
from django.contrib.auth import get_user_model

from unions.credit_codes import make_credit_code
from unions.id_numbers import make_id_number
from unions.models import Enterprise, IndustryUnion, Member, Role, Sector, UnionKind
from unions.services import member_enrol, union_create

_codes = itertools.count(10_000_000)


def credit_code() -> str:
    return make_credit_code("210202", str(next(_codes)))


# As the data migration unions/0002 creates them. A test on a transactional database flushes
# them at its end, so factories create them again when they are missing.
INDUSTRY_UNIONS = {
    "light-textile": ("大连市轻纺工会", "轻纺"),
    "agri-water": ("大连市农林水利工会", "农林水利"),
}


def industry(code: str = "light-textile") -> IndustryUnion:
    name, short_name = INDUSTRY_UNIONS[code]
    return IndustryUnion.objects.get_or_create(
        code=code, defaults={"name": name, "short_name": short_name}
    )[0]


def make_union(name, *, parent=None, kind=None, industry_code="light-textile", **fields):
    kind = kind or (UnionKind.COMMITTEE if parent is None else UnionKind.BRANCH)
    return union_create(
        actor=None,
        industry_union=parent.industry_union if parent else industry(industry_code),
        parent=parent,
        name=name,
        kind=kind,
        **fields,
    )


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    name = factory.Sequence(lambda n: f"测试用户{n}")
    password = factory.PostGenerationMethodCall("set_password", "pass-for-tests-1")

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def make_user(kind=None, *, industry_union=None, union=None, **fields):
    user = UserFactory(**fields)
    if kind:
        Role.objects.create(user=user, kind=kind, industry_union=industry_union, union=union)
    return user


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise

    name = factory.Sequence(lambda n: f"大连测试企业{n}有限公司")
    credit_code = factory.LazyFunction(credit_code)
    industry_union = factory.LazyAttribute(
        lambda o: o.union.industry_union if o.union else industry()
    )
    union = None
    unionized_on = factory.LazyAttribute(lambda o: datetime.date(2020, 1, 1) if o.union else None)
    ownership = "private"
    sector = Sector.TEXTILE
    headcount = 100
    migrant_headcount = factory.LazyAttribute(lambda o: o.headcount * 3 // 10)


_people = itertools.count(1)


def id_number(born=datetime.date(1990, 5, 3), male=True) -> str:
    n = next(_people)
    return make_id_number(f"2102{n // 100 % 100:02d}", born, n % 100, male)


def enrol(
    union,
    *,
    name=None,
    born=datetime.date(1990, 5, 3),
    joined_on=datetime.date(2026, 3, 1),
    migrant=True,
    male=True,
    **fields,
):
    """A member enrolled through the service, as an officer would."""
    member = Member(
        name=name or f"会员{next(_people)}",
        gender="male" if male else "female",
        id_number=fields.pop("id_number", None) or id_number(born, male),
        birth_date=born,
        union=union,
        joined_on=joined_on,
        is_migrant=migrant,
        **fields,
    )
    return member_enrol(actor=None, member=member)
