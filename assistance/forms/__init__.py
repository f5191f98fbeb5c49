"""The assistance app's forms; each checks through the service's `*_errors`."""

from .appeals import (
    AppealForm,
    AppealMoveForm,
    AppealRateForm,
    AppealRouteForm,
    AppealTrackForm,
    PublicAppealForm,
)
from .files import DATE, ConfirmForm, HardshipFileForm, HouseholdMemberForm
from .stations import StationActivityForm, StationForm

__all__ = [
    "DATE",
    "AppealForm",
    "AppealMoveForm",
    "AppealRateForm",
    "AppealRouteForm",
    "AppealTrackForm",
    "ConfirmForm",
    "HardshipFileForm",
    "HouseholdMemberForm",
    "PublicAppealForm",
    "StationActivityForm",
    "StationForm",
]
