"""``kiosk report``: what visitors did, as a self-contained HTML page with charts, and CSV files.

Reads only the analytics database (:mod:`kiosk.analytics`); draws its charts as inline
SVG with its own few lines of code, so the installer carries no plotting library and
the page opens offline on any machine.
"""

from kiosk.report.data import Period, ReportData, read_report
from kiosk.report.write import write_report

__all__ = ["Period", "ReportData", "read_report", "write_report"]
