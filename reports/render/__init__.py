"""Renderers that only render: given a `ReportData` or rows, they lay out a PDF or a
workbook and write it whole or not at all. No permission, no query, no audit row."""
