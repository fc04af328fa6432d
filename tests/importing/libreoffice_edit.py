"""Edit a .docx the way a person does in LibreOffice Writer, through LibreOffice itself (UNO).

Run by the system Python, which has LibreOffice's `uno` module (Debian: python3-uno):

    python3 libreoffice_edit.py SOFFICE IN.docx OUT.docx EDITS.json PROFILE_DIR

EDITS.json is a list of edits, each applied to the text LibreOffice shows:
    {"ganti": "old text", "dengan": "new text"}      replace the first occurrence (typed over)
    {"ganti_semua": "old", "dengan": "new"}          replace every occurrence (Find & Replace all)
    {"enter_sesudah": "text", "ketik": "new text"}   Enter at the end of that text, then type
    {"tebal": "word", "di": "text"}                  make that word of the first occurrence of
                                                     the text bold (selected, Ctrl+B)
    {"baris_tabel": "a cell's text", "isi": [...]}   a row added at the end of the table holding
                                                     that cell, its cells typed left to right
The document is saved as Word 2007-365 (.docx), as Writer's File > Save As does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import uno  # noqa: F401  (the system Python's LibreOffice bridge)
from com.sun.star.awt.FontWeight import BOLD
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK


def _props(**values) -> tuple:
    out = []
    for name, value in values.items():
        p = PropertyValue()
        p.Name, p.Value = name, value
        out.append(p)
    return tuple(out)


def _find(document, text: str):
    search = document.createSearchDescriptor()
    search.SearchString = text
    search.SearchCaseSensitive = True
    found = document.findFirst(search)
    if found is None:
        raise SystemExit(f"tidak ditemukan di dokumen: {text!r}")
    return found


def _table_holding(document, text: str):
    for name in document.TextTables.ElementNames:
        table = document.TextTables.getByName(name)
        for cell_name in table.CellNames:
            if table.getCellByName(cell_name).String == text:
                return table
    raise SystemExit(f"tidak ada tabel dengan sel {text!r}")


def edit(document, edits: list[dict]) -> None:
    for e in edits:
        if "ganti" in e:
            _find(document, e["ganti"]).String = e["dengan"]
        elif "ganti_semua" in e:
            replace = document.createReplaceDescriptor()
            replace.SearchString, replace.ReplaceString = e["ganti_semua"], e["dengan"]
            replace.SearchCaseSensitive = True
            if document.replaceAll(replace) == 0:
                raise SystemExit(f"tidak ditemukan di dokumen: {e['ganti_semua']!r}")
        elif "enter_sesudah" in e:
            end = _find(document, e["enter_sesudah"]).End
            text = end.Text
            cursor = text.createTextCursorByRange(end)
            text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
            text.insertString(cursor, e["ketik"], False)
        elif "tebal" in e:
            found = _find(document, e["di"])
            cursor = found.Text.createTextCursorByRange(found.Start)
            cursor.goRight(e["di"].index(e["tebal"]), False)
            cursor.goRight(len(e["tebal"]), True)
            cursor.CharWeight = BOLD
        elif "baris_tabel" in e:
            table = _table_holding(document, e["baris_tabel"])
            rows = table.Rows
            rows.insertByIndex(rows.Count, 1)
            last = [n for n in table.CellNames if n.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == str(rows.Count)]
            last.sort(key=lambda n: (len(n.rstrip("0123456789")), n))
            for name, value in zip(last, e["isi"]):
                table.getCellByName(name).String = value
        else:
            raise SystemExit(f"suntingan tidak dikenal: {e}")


def main(soffice: str, source: str, target: str, edits_file: str, profile: str) -> None:
    pipe = f"kpudocs{os.getpid()}"
    office = subprocess.Popen(
        [soffice, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         f"-env:UserInstallation={Path(profile).resolve().as_uri()}", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + 90
        while True:
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if time.monotonic() > deadline or office.poll() is not None:
                    raise SystemExit("LibreOffice tidak dapat dihubungi")
                time.sleep(0.3)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(Path(source).resolve().as_uri(), "_blank", 0, _props(Hidden=True))
        edit(document, json.loads(Path(edits_file).read_text(encoding="utf-8")))
        document.storeToURL(Path(target).resolve().as_uri(), _props(FilterName="MS Word 2007 XML"))
        document.close(True)
        try:
            desktop.terminate()
        except Exception:  # the bridge closes as LibreOffice quits
            pass
        office.wait(timeout=60)
    finally:
        if office.poll() is None:
            os.killpg(office.pid, 9)
            office.wait()


if __name__ == "__main__":
    main(*sys.argv[1:6])
