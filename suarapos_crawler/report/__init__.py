"""The weekly and monthly report (`scrapy report`): its figures from the archive, one HTML page with its charts,
the same figures as an XLSX workbook, and the page printed to PDF by Chromium."""
