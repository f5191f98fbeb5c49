"""Writes to aid records (救助记录) and aid campaigns."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from unions.id_numbers import parse_id_number

from ..models import Aid, Campaign, Programme

# The ages of a child at school that 金秋助学 helps (kindergarten to a doctorate).
SCHOOL_AGES = range(3, 31)
SUMMER_MONTHS = range(6, 10)  # 送清凉: June to September


def aid_errors(*, aid: Aid) -> dict:
    """What is wrong with `aid`, field by field (the form shows the same). On the way it takes
    the worker's name and ID number from their hardship file, and puts the ID number in its
    18-character form."""
    errors = {}
    today = timezone.localdate()
    if aid.given_on and aid.given_on > today:
        errors["given_on"] = _("The date cannot be in the future.")
    file = aid.file if aid.file_id else None
    if file:
        aid.name, aid.id_number = file.name, file.id_number
        errors |= _file_errors(aid, file)
    if aid.enterprise_id and (aid.name or aid.id_number):
        errors["enterprise"] = _("Aid goes to a worker or to an enterprise, not both.")
    elif aid.enterprise_id:
        if aid.union_id and not aid.enterprise.is_organised_by(aid.union):
            errors["enterprise"] = _("%(names)s do not belong to this union.") % {
                "names": aid.enterprise
            }
    elif not aid.name.strip():
        errors["name"] = _("Enter the worker who receives it, or choose an enterprise.")
    elif "id_number" not in errors:
        try:
            aid.id_number = parse_id_number(aid.id_number).number
        except ValidationError as error:
            errors["id_number"] = error.messages[0]
    if aid.cash is None and not aid.goods:
        errors["cash"] = _("Enter the cash, or describe the goods and their value.")
    if aid.goods and aid.goods_value is None:
        errors["goods_value"] = _("Enter the value of the goods.")
    if aid.goods_value is not None and not aid.goods:
        errors["goods"] = _("Describe the goods.")
    if aid.campaign_id:
        errors |= _campaign_errors(aid, aid.campaign)
    if aid.programme == Programme.SCHOOLING:
        errors |= _schooling_errors(aid)
    in_summer = aid.given_on is None or aid.given_on.month in SUMMER_MONTHS
    if aid.programme == Programme.COOLING and not in_summer:
        errors["given_on"] = _("送清凉 is given in the summer, June to September.")
    return errors


def _file_errors(aid: Aid, file) -> dict:
    if aid.union_id and file.union.grassroots_id != aid.union.grassroots_id:
        return {"file": _("The hardship file is another union's.")}
    if aid.given_on and aid.given_on < file.opened_on:
        return {
            "given_on": _("The file was opened on %(day)s: aid under it cannot be earlier.")
            % {"day": f"{file.opened_on:%Y-%m-%d}"}
        }
    if aid.given_on and file.closed_on and aid.given_on > file.closed_on:
        return {
            "given_on": _("The file was closed on %(day)s: aid under it cannot be later.")
            % {"day": f"{file.closed_on:%Y-%m-%d}"}
        }
    return {}


def _campaign_errors(aid: Aid, campaign: Campaign) -> dict:
    errors = {}
    if aid.given_on and not campaign.starts_on <= aid.given_on <= campaign.ends_on:
        errors["given_on"] = _("The campaign runs from %(start)s to %(end)s.") % {
            "start": f"{campaign.starts_on:%Y-%m-%d}",
            "end": f"{campaign.ends_on:%Y-%m-%d}",
        }
    if aid.programme and aid.programme != campaign.programme:
        errors["programme"] = _("The campaign is one of %(programme)s.") % {
            "programme": campaign.get_programme_display()
        }
    taking_part = set(campaign.unions.values_list("pk", flat=True))
    if aid.union_id and taking_part and aid.union.grassroots_id not in taking_part:
        errors["campaign"] = _("The union does not take part in this campaign.")
    return errors


def _schooling_errors(aid: Aid) -> dict:
    errors = {}
    for field in ("child_name", "school", "school_year"):
        if not getattr(aid, field).strip():
            errors[field] = _("金秋助学 names the child, the school and the grade.")
    if aid.child_born_in is None:
        errors["child_born_in"] = _("Enter the child's year of birth.")
    elif aid.given_on and aid.given_on.year - aid.child_born_in not in SCHOOL_AGES:
        errors["child_born_in"] = _(
            "A child at school is %(low)s to %(high)s years old: this one would be %(age)s."
        ) % {
            "low": SCHOOL_AGES.start,
            "high": SCHOOL_AGES.stop - 1,
            "age": aid.given_on.year - aid.child_born_in,
        }
    return errors


@transaction.atomic
def aid_save(*, actor, aid: Aid) -> Aid:
    errors = aid_errors(aid=aid)
    if errors:
        raise ValidationError(errors)
    if aid.programme != Programme.SCHOOLING:
        aid.child_name, aid.child_born_in, aid.school, aid.school_year = "", None, "", ""
    aid._history_user = actor
    aid.save()
    return aid


def campaign_errors(*, campaign: Campaign, unions) -> dict:
    errors = {}
    if campaign.starts_on and campaign.ends_on and campaign.ends_on < campaign.starts_on:
        errors["ends_on"] = _("The campaign cannot end before it starts.")
    if campaign.ends_on and campaign.ends_on > timezone.localdate() + datetime.timedelta(366):
        errors["ends_on"] = _("A campaign is planned at most a year ahead.")
    outside = [
        union
        for union in unions
        if union.industry_union_id != campaign.industry_union_id or union.parent_id is not None
    ]
    if outside:
        errors["unions"] = _(
            "Only the grassroots unions of the campaign's industry union take part: not %(names)s."
        ) % {"names": "、".join(union.name for union in outside)}
    return errors


@transaction.atomic
def campaign_save(*, actor, campaign: Campaign, unions) -> Campaign:
    unions = list(unions)
    errors = campaign_errors(campaign=campaign, unions=unions)
    if errors:
        raise ValidationError(errors)
    campaign._history_user = actor
    campaign.save()
    campaign.unions.set(unions)
    return campaign
