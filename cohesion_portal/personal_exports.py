"""Every download of people's records is logged (models.PersonalExport) before it is sent."""

from .models import PersonalExport


def personal_export_log(*, user, model, filters: str, rows: int, whole: bool) -> PersonalExport:
    return PersonalExport.objects.create(
        user=user,
        records=model._meta.label,
        filters=filters[:500],
        rows=rows,
        whole_numbers=whole,
    )
