"""Writes of the reports app: the monthly progress report (月报) and its reminders, the monthly
Excel report (asked for, produced, tried again)."""
