"""The report's figures as an XLSX workbook (openpyxl): a sheet per table of the page, and every article of the
period. A cell that a spreadsheet would run as a formula is stored as text, whatever it holds."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

FORMULA_START = ("=", "+", "-", "@")
CELL_MAX_CHARS = 32_767  # a spreadsheet cell holds no more (Excel's limit; LibreOffice's too)


def sheet_row(sheet, values) -> list:
    """``values`` as the cells of a write-only sheet's row: text that would run as a formula kept as text, the
    characters a workbook may not hold dropped, a text longer than a cell holds cut with an ellipsis."""
    cells = []
    for value in values:
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
            if len(value) > CELL_MAX_CHARS:
                value = value[: CELL_MAX_CHARS - 1] + "…"
        cell = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str) and value.startswith(FORMULA_START):
            cell.data_type = "s"  # text, never a formula
        cells.append(cell)
    return cells


def write_workbook(figures: dict, path: Path) -> None:
    book = Workbook()
    period = figures["period"]
    summary = book.active
    summary.title = "Summary"
    _rows(summary, ["Figure", "Value"], [
        ["Period", period.label], ["First day (WIB)", period.first.isoformat()], ["Last day (WIB)", period.last.isoformat()],
        ["Articles", figures["articles"]], [f"Articles in {figures['previous'].label}", figures["articles_before"]],
        *[[f"Kind: {k}", n] for k, n in figures["kinds"]], ["Corrected", len(figures["corrections"])],
    ])  # fmt: skip
    _rows(book.create_sheet("Per day"), ["Day (WIB)", "Articles"], figures["per_day"])
    _rows(book.create_sheet("By section"), ["Section", "Articles"], figures["sections"])
    _rows(book.create_sheet("By region"), ["Region", "Articles"], figures["regions"])
    _rows(book.create_sheet("Watched terms"), ["Term", "Articles", "Mentions"],
          [[t["label"], t["articles"], t["mentions"]] for t in figures["terms"]])  # fmt: skip
    _rows(book.create_sheet("People"), ["Person", "Articles", "Quotes"],
          [[p["person"], p["articles"], p["quotes"]] for p in figures["people"]])  # fmt: skip
    _rows(book.create_sheet("Press releases"), ["Published", "Title", "Section", "Marked by", "URL"],
          [[a["published_at"], a["title"], a["section"], a["kind_evidence"], a["url"]] for a in figures["press_releases"]])  # fmt: skip
    _rows(book.create_sheet("Corrections"), ["Corrected", "Title", "Versions", "URL"],
          [[a["corrected_at"], a["title"], a["versions"], a["url"]] for a in figures["corrections"]])  # fmt: skip
    columns = ["published_at", "title", "section", "region", "kind", "author", "url"]
    _rows(book.create_sheet("Articles"), columns, [[a[c] for c in columns] for a in figures["list"]])
    book.save(path)


def _rows(sheet, header: list[str], rows) -> None:
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                cell.data_type = "s"  # text, never a formula
    sheet.freeze_panes = "A2"
    for column in sheet.columns:
        width = max((len(str(c.value)) for c in column[:200] if c.value is not None), default=8)
        sheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))
