#!/usr/bin/env python3
"""Counts terms in the text column of a table, row by row, independently of policycoder.

Standard library only: zipfile + xml.etree for .xlsx (shared strings, inline strings, the
workbook's sheet names and the row numbers written in the sheet XML), json for .jsonl. Each count
is Python's str.count on the cell text as stored, so it is an oracle written without any of
policycoder's code (no read-excel-file, no tokenizer, no matcher).

    python3 count-table-terms.py TABLE TEXT_COLUMN TERM [TERM ...]

prints one JSON object per row with text: {"sheet", "row", "sha256", "counts": {term: n},
"joined": {term: n}}. `counts` is str.count on the cell as stored; `joined` is str.count after
removing white space that holds exactly one line break between two Han characters, because
policycoder's documented matching rule lets a term run across such a break (text wrapped
mid-word, as in PDFs); a space or a blank line still interrupts it.
"""
import hashlib
import json
import posixpath
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

MAIN = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
REL = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
PKG_REL = '{http://schemas.openxmlformats.org/package/2006/relationships}'
WRAPPED = re.compile(r'(?<=[\u4e00-\u9fff])[^\S\n]*\n[^\S\n]*(?=[\u4e00-\u9fff])')


def string_item_text(item):
    """The text of a shared or inline string: its <t> and rich-text runs, not phonetic runs."""
    parts = []
    for child in item:
        if child.tag == MAIN + 't':
            parts.append(child.text or '')
        elif child.tag == MAIN + 'r':
            parts.extend(t.text or '' for t in child.iter(MAIN + 't'))
    return re.sub(r'_x([0-9A-Fa-f]{4})_', lambda m: chr(int(m.group(1), 16)), ''.join(parts))


def xlsx_rows(path):
    with zipfile.ZipFile(path) as archive:
        shared = []
        if 'xl/sharedStrings.xml' in archive.namelist():
            shared = [string_item_text(si) for si in ET.fromstring(archive.read('xl/sharedStrings.xml')).findall(MAIN + 'si')]
        rels = {rel.get('Id'): rel.get('Target') for rel in ET.fromstring(archive.read('xl/_rels/workbook.xml.rels')).iter(PKG_REL + 'Relationship')}
        for sheet in ET.fromstring(archive.read('xl/workbook.xml')).iter(MAIN + 'sheet'):
            target = rels[sheet.get(REL + 'id')]
            target = target.lstrip('/') if target.startswith('/') else posixpath.join('xl', target)
            root = ET.fromstring(archive.read(target))
            header = None
            for row in root.iter(MAIN + 'row'):
                cells = {}
                for cell in row.findall(MAIN + 'c'):
                    column = re.match(r'[A-Z]+', cell.get('r')).group()
                    kind = cell.get('t')
                    value = cell.find(MAIN + 'v')
                    if kind == 's' and value is not None:
                        cells[column] = shared[int(value.text)]
                    elif kind == 'inlineStr':
                        cells[column] = string_item_text(cell.find(MAIN + 'is'))
                    elif value is not None:
                        cells[column] = value.text
                if header is None:
                    if cells:
                        header = {name.strip(): column for column, name in cells.items()}
                    continue
                yield sheet.get('name'), int(row.get('r')), cells.get(header.get(TEXT_COLUMN))


def jsonl_rows(path):
    with open(path, encoding='utf-8') as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield None, number, json.loads(line).get(TEXT_COLUMN)


if __name__ == '__main__':
    TABLE, TEXT_COLUMN, TERMS = sys.argv[1], sys.argv[2], sys.argv[3:]
    rows = xlsx_rows(TABLE) if TABLE.endswith('.xlsx') else jsonl_rows(TABLE)
    for sheet, number, text in rows:
        if text is None or not text.strip():
            continue
        counts = {term: text.count(term) for term in TERMS}
        joined_text = WRAPPED.sub('', text)
        joined = {term: joined_text.count(term) for term in TERMS}
        digest = hashlib.sha256(text.encode('utf-8')).hexdigest()
        print(json.dumps({'sheet': sheet, 'row': number, 'sha256': digest, 'counts': counts, 'joined': joined}, ensure_ascii=False))
