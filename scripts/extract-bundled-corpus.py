#!/usr/bin/env python3
"""Writes the text files of corpus/national/ from the shared real data, verbatim, and checks them.

Usage (from the repository root, with ../shared/data present):

    python3 scripts/extract-bundled-corpus.py          # write the files
    python3 scripts/extract-bundled-corpus.py --check  # only compare them with the sources

Standard library only (zipfile + xml.etree): the .xlsx is read as the zip of XML it is. Each
text is one cell of the researcher's spreadsheet or one field of a JSONL record, written as
UTF-8 without any change. The source files are first checked against the sha256 in
../shared/data/manifest.json; a cell of exactly 32,767 characters (Excel's limit) is reported
as probably cut. The city work reports (corpus/local/*.docx) are byte copies of the shared
.docx files and are checked here too. corpus/corpus.yaml and corpus/README.md say where each
document comes from.
"""

import hashlib
import json
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
CORPUS = ROOT / "corpus"
EXCEL_CELL_LIMIT = 32767
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
SPREADSHEET = "zh/policy_spreadsheet/policies_data.xlsx"
CONGRESS = "zh/cpc_congress_reports/cpc_congress_reports.jsonl"

# (corpus file, sheet, Excel row) of the spreadsheet's "Central Policies Table"; column F is "Policy Content".
SPREADSHEET_ROWS = [
    ("national/2014-05-smart-community-guidelines.txt", "Central Policies Table", 160),
    ("national/2014-08-smart-city-guiding-opinions.txt", "Central Policies Table", 158),
    ("national/2022-05-smart-community-opinions.txt", "Central Policies Table", 59),
    ("national/2022-06-digital-government-opinions.txt", "Central Policies Table", 57),
    ("national/2023-digital-china-report-2022.txt", "Central Policies Table", 26),
    ("national/2024-05-smart-city-digital-transformation-opinions.txt", "Central Policies Table", 12),
]
# (corpus file, JSONL line number, expected congress number); the field is "content".
CONGRESS_RECORDS = [("national/2017-10-19th-cpc-congress-report.txt", 15, 19)]
# (corpus file, shared file): byte copies.
COPIES = [
    ("local/2024-shenzhen-work-report.docx", "zh/city_work_reports_2024/docx/深圳.docx"),
    ("local/2024-beijing-work-report.docx", "zh/city_work_reports_2024/docx/北京.docx"),
    ("local/2024-shanghai-work-report.docx", "zh/city_work_reports_2024/docx/上海.docx"),
    ("local/2024-guangzhou-work-report.docx", "zh/city_work_reports_2024/docx/广州.docx"),
    ("local/2024-chongqing-work-report.docx", "zh/city_work_reports_2024/docx/重庆.docx"),
]
# Derived files of ../shared/data that hold the same texts (data/README.md 1g): they must agree.
SAME_AS = {
    "national/2014-08-smart-city-guiding-opinions.txt": "zh/smart_city_milestones/2014-national-guiding-opinions.txt",
    "national/2017-10-19th-cpc-congress-report.txt": "zh/smart_city_milestones/2017-19th-cpc-congress-report.txt",
    "national/2024-05-smart-city-digital-transformation-opinions.txt": "zh/smart_city_milestones/2024-national-smart-city-digital-transformation-guiding-opinions.txt",
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_manifest(files: list[str]) -> None:
    manifest = {entry["file"]: entry for entry in json.loads((DATA / "manifest.json").read_text("utf-8"))}
    for name in files:
        if sha256(DATA / name) != manifest[name]["sha256"]:
            sys.exit(f"{DATA / name}: error: sha256 differs from manifest.json; the shared file changed")


def sheet_cells(book: zipfile.ZipFile, sheet_name: str) -> dict[int, dict[str, str]]:
    """Excel row number -> column letter -> cell text, for one sheet (shared and inline strings)."""
    strings = [
        "".join(t.text or "" for t in item.iter(MAIN + "t"))
        for item in ET.fromstring(book.read("xl/sharedStrings.xml")).findall(MAIN + "si")
    ]
    workbook = ET.fromstring(book.read("xl/workbook.xml"))
    relations = ET.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    rel_id = next(s.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id") for s in workbook.iter(MAIN + "sheet") if s.get("name") == sheet_name)
    target = next(r.get("Target") for r in relations if r.get("Id") == rel_id)
    rows: dict[int, dict[str, str]] = {}
    for row in ET.fromstring(book.read("xl/" + target)).iter(MAIN + "row"):
        cells = {}
        for cell in row.findall(MAIN + "c"):
            column = "".join(ch for ch in cell.get("r") if ch.isalpha())
            value = cell.find(MAIN + "v")
            if cell.get("t") == "s":
                cells[column] = strings[int(value.text)]
            elif cell.get("t") == "inlineStr":
                cells[column] = "".join(t.text or "" for t in cell.iter(MAIN + "t"))
            elif value is not None:
                cells[column] = value.text
        rows[int(row.get("r"))] = cells
    return rows


def texts() -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    with zipfile.ZipFile(DATA / SPREADSHEET) as book:
        sheets: dict[str, dict[int, dict[str, str]]] = {}
        for file, sheet, row in SPREADSHEET_ROWS:
            cells = sheets.setdefault(sheet, sheet_cells(book, sheet))[row]
            text = cells["F"]
            if len(text) >= EXCEL_CELL_LIMIT:
                print(f"{file}: warning: the cell ({sheet}, row {row}) holds {len(text)} characters, Excel's limit: the text was probably cut")
            out[file] = text.encode("utf-8")
    lines = (DATA / CONGRESS).read_text("utf-8").split("\n")
    for file, line, congress in CONGRESS_RECORDS:
        record = json.loads(lines[line - 1])
        if record["congress"] != congress:
            sys.exit(f"{DATA / CONGRESS}:{line}: error: expected congress {congress}, found {record['congress']}")
        out[file] = record["content"].encode("utf-8")
    for file, shared in COPIES:
        out[file] = (DATA / shared).read_bytes()
    for file, shared in SAME_AS.items():
        if out[file] != (DATA / shared).read_bytes():
            sys.exit(f"{file}: error: differs from {DATA / shared}")
    return out


def main() -> None:
    if not DATA.is_dir():
        sys.exit(f"{DATA}: error: the shared data folder is missing")
    check_manifest([SPREADSHEET, CONGRESS, *(shared for _, shared in COPIES), *SAME_AS.values()])
    differing = 0
    for file, data in texts().items():
        path = CORPUS / file
        if "--check" in sys.argv:
            if not path.exists() or path.read_bytes() != data:
                print(f"{path}: differs from its source")
                differing += 1
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)} ({len(data):,} bytes, sha256 {hashlib.sha256(data).hexdigest()[:12]})")
    if differing:
        sys.exit(1)
    if "--check" in sys.argv:
        print("every bundled document equals its source")


if __name__ == "__main__":
    main()
