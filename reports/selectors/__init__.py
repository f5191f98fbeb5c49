"""Reads of the reports app that its pages, the Excel report and the API share."""
