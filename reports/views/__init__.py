"""The pages of the reports app: the workbench and the dashboard, the monthly progress report
(月报) and its submissions, the monthly Excel report, the history of changes."""
