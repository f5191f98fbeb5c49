import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .id_numbers import mask_id_number
from .models import Enterprise, Member, Membership, MembershipEnd, Union


class EnterpriseTable(tables.Table):
    name = tables.Column(linkify=True, attrs={"td": {"class": "wrap"}})
    credit_code = tables.Column(attrs={"td": {"class": "font-monospace small"}})
    industry_union = tables.Column(
        accessor="industry_union__short_name",
        order_by="industry_union__short_name",
        verbose_name=_("Industry union"),
    )
    union = tables.Column(linkify=True, default="—", attrs={"td": {"class": "wrap"}})
    unionized_on = tables.DateColumn(format="Y-m-d")
    headcount = tables.Column(attrs={"td": {"class": "text-end"}, "th": {"class": "text-end"}})
    migrant_headcount = tables.Column(
        attrs={"td": {"class": "text-end"}, "th": {"class": "text-end"}}
    )

    class Meta:
        model = Enterprise
        fields = (
            "name",
            "credit_code",
            "industry_union",
            "union",
            "unionized_on",
            "ownership",
            "sector",
            "headcount",
            "migrant_headcount",
        )
        order_by = ("name",)
        empty_text = _("No enterprise matches.")


class MemberTable(tables.Table):
    """ID and phone numbers are always masked here; whole numbers are on the member's page,
    for those allowed, and each showing is recorded."""

    name = tables.Column(linkify=True)
    id_number = tables.Column(
        verbose_name=_("ID number"),
        orderable=False,
        attrs={"td": {"class": "font-monospace small"}},
    )
    union = tables.Column(attrs={"td": {"class": "wrap"}})
    enterprise = tables.Column(default="—", attrs={"td": {"class": "wrap"}})
    joined_on = tables.DateColumn()
    is_migrant = tables.Column(verbose_name=_("Migrant worker"), empty_values=())

    class Meta:
        model = Member
        fields = (
            "name",
            "gender",
            "id_number",
            "union",
            "enterprise",
            "joined_on",
            "is_migrant",
            "status",
        )
        order_by = ("name",)
        empty_text = _("No member matches.")

    def render_union(self, record):
        """The unit with its grassroots union, so that the many 第一工会小组 can be told apart."""
        if record.union.parent_id is None:
            return record.union.name
        if not hasattr(self, "_grassroots_names"):
            ids = {row.record.union.grassroots_id for row in self.page.object_list}
            self._grassroots_names = dict(
                Union.objects.filter(pk__in=ids).values_list("pk", "name")
            )
        root = self._grassroots_names.get(record.union.grassroots_id, "")
        return format_html('{}<div class="small text-secondary">{}</div>', record.union.name, root)

    def render_id_number(self, value):
        return mask_id_number(value)

    def render_is_migrant(self, record):
        if record.is_new_generation_migrant:
            return format_html('<span class="badge text-bg-warning">{}</span>', _("new generation"))
        return _("yes") if record.is_migrant else "—"

    def render_status(self, record):
        css = "text-bg-success" if record.status == "active" else "text-bg-light border"
        return format_html('<span class="badge {}">{}</span>', css, record.get_status_display())


class RecruitTable(tables.Table):
    """T1's recruits: each the joining that made them a recruit, with the union credited. A
    recruit since transferred stays with that union, marked so; their name links only where
    the user may open the member's record today."""

    name = tables.Column(
        accessor="member__name", verbose_name=_("full name"), order_by="member__name"
    )
    union = tables.Column(verbose_name=_("Recruiting union"), attrs={"td": {"class": "wrap"}})
    started_on = tables.DateColumn(verbose_name=_("Joined on"))
    enterprise = tables.Column(
        accessor="member__enterprise__name",
        verbose_name=_("Enterprise"),
        default="—",
        attrs={"td": {"class": "wrap"}},
    )
    now = tables.Column(verbose_name=_("Now"), empty_values=(), orderable=False)

    class Meta:
        model = Membership
        fields = ("name", "union", "started_on", "enterprise", "now")
        order_by = ("-started_on",)
        empty_text = _("No recruit in these days.")

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user  # (None: no name links anywhere)

    def _openable(self) -> set[int]:
        """The members of this page whose record the user may open (one query a page)."""
        if self.user is None:
            return set()
        if not hasattr(self, "_openable_ids"):
            ids = [row.record.member_id for row in self.page.object_list]
            self._openable_ids = set(
                Member.objects.for_user(self.user).filter(pk__in=ids).values_list("pk", flat=True)
            )
        return self._openable_ids

    def render_name(self, record, value):
        if record.member_id in self._openable():
            return format_html('<a href="{}">{}</a>', record.member.get_absolute_url(), value)
        return value

    def render_now(self, record):
        if record.ended_on is None:
            return format_html('<span class="badge text-bg-success">{}</span>', _("member here"))
        label = (
            _("transferred out")
            if record.end in (MembershipEnd.TRANSFERRED, MembershipEnd.TRANSFERRED_OUT)
            else _("left")
        )
        return format_html('<span class="badge text-bg-light border">{}</span>', label)
