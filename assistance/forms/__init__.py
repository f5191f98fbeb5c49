"""The assistance app's forms; each checks through the service's `*_errors`."""

from .aid import AidForm, CampaignForm
from .appeals import (
    AppealForm,
    AppealMoveForm,
    AppealRateForm,
    AppealRouteForm,
    AppealTrackForm,
    PublicAppealForm,
)
from .file_import import FileImportForm
from .files import DATE, ConfirmForm, HardshipFileForm, HouseholdMemberForm
from .jobs import JobHelpForm
from .legal import LegalCaseForm, WorkstationForm
from .stations import StationActivityForm, StationForm

__all__ = [
    "DATE",
    "AidForm",
    "AppealForm",
    "AppealMoveForm",
    "AppealRateForm",
    "AppealRouteForm",
    "AppealTrackForm",
    "CampaignForm",
    "ConfirmForm",
    "FileImportForm",
    "HardshipFileForm",
    "HouseholdMemberForm",
    "JobHelpForm",
    "LegalCaseForm",
    "PublicAppealForm",
    "StationActivityForm",
    "StationForm",
    "WorkstationForm",
]
