from .exports import ExportStatus, MonthlyExport
from .monthly import MonthlyReport, MonthlyReportStatus

__all__ = ["ExportStatus", "MonthlyExport", "MonthlyReport", "MonthlyReportStatus"]
