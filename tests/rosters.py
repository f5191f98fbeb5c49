"""Roster workbooks built in the tests, as officers' spreadsheets really look."""

import zipfile
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

HEADER = ["姓名", "身份证号", "入会日期", "所属分会或小组", "所在企业", "手机号码", "是否农民工"]


def workbook_file(rows, *, header=HEADER, title_rows=(), name="名册.xlsx") -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    for title in title_rows:
        sheet.append([title])
        sheet.merge_cells(
            start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=len(header)
        )
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    buffer = BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def with_sheet_xml(upload, rewrite) -> SimpleUploadedFile:
    """`upload` with its first sheet's XML passed through `rewrite` (a damaged or hostile file)."""
    source, target = BytesIO(upload.read()), BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = rewrite(data)
            new.writestr(item, data)
    return SimpleUploadedFile(upload.name, target.getvalue())
