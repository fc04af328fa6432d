"""Next year's draft: the same decree with the year moved on, its dates shifted, its number cleared.

Works on the YAML text itself, not on a dump of the model: the changed values are edited in
place (yaml_source), so the new file keeps the old one's comments, key order and layout, and a
diff of the two files shows only what changed. The decree's own year moves, and with it fiscal
years ("Tahun Anggaran 2025") and periods; years of cited regulations (Mengingat, Memperhatikan,
"Nomor 5 Tahun 2023" in text) and of past events ("Berita Acara Nomor 12/.../2025 tanggal 1
September 2025") stay. The number keeps the office's pattern with the new year, its sequence
number left as "[ISI NOMOR]". Whatever a person should look at is listed, with its field and
line, in the review file written beside the draft (review.py).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from kpu_docs.errors import InputError, Masalah
from kpu_docs.files import write_all_atomic
from kpu_docs.formatting import nama_bulan
from kpu_docs.loading import from_data
from kpu_docs.models import Keputusan
from kpu_docs.next_year_report import Catatan, Laporan, Perubahan, TanggalBergeser
from kpu_docs.nomor.pola import NOMOR_KOSONG, pola_nomor
from kpu_docs.review import review_path, review_text
from kpu_docs.yaml_source import Source, apply_edits, plain, quoted, same_data

KEEP_YEARS = ("mengingat", "memperhatikan")
"""Parts whose years belong to the cited regulations and documents, never to the decree."""
NOT_TEXT = ("pengaturan", "logo", "pola_nomor")

_MONTHS = "|".join(nama_bulan(m) for m in range(1, 13))
_DATE = rf"\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
_DOCUMENT = r"Berita\s+Acara|Surat|Nota\s+Dinas|Notul[ae]n?|Risalah|Memorandum|Instruksi|Peraturan|Keputusan(?!\s+ini\b)"
"""Words naming a document that already exists: its date and number are history."""
_PAST = re.compile(
    rf"(?:\b(?:{_DOCUMENT})\b[^;]{{0,80}}?\s)?\bNomor\s*:?\s*[^\s,;]+(?:\s+Tahun\s+\d{{4}})?,?\s+tanggal\s+(?:{_DATE})"
    rf"|\b(?:{_DOCUMENT})\b[^;]{{0,80}}?\stanggal\s+(?:{_DATE})",
    re.I,
)
_NUMBER_WITH_YEAR = re.compile(r"\bNomor\s*:?\s*(\S*/(\d{4}))(?![\d/])", re.I)
_CITED = re.compile(r"\bNomor\s+\S+\s+Tahun\s+(\d{4})\b", re.I)
_PERIOD = re.compile(
    r"\b(?:Tahun\s+Anggaran|T\.\s?A\.|TA|Periode|Semester\s+(?:I|II|1|2)|Triwulan\s+(?:I|II|III|IV|[1-4])"
    r"|Tahun\s+(?:Akademik|Ajaran|Pelajaran))\s+(\d{4})(?:\s*/\s*(\d{4}))?(?![\d/])",
    re.I,
)
_TAHUN = re.compile(r"\b(Tahun|TAHUN|tahun)(\s+)(\d{4})\b")
_MONTH_YEAR = re.compile(rf"\b({_MONTHS})(\s+)(\d{{4}})\b", re.I)
_ISO_DATE = re.compile(r"\b(\d{4})(-\d{2}-\d{2})\b")
_BARE_YEAR = re.compile(r"(?<![\d/.])(\d{4})(?![\d/])")
_DIGITS = re.compile(r"\d+")


def _shift_date(d: datetime.date, years: int) -> datetime.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February into a common year
        return d.replace(year=d.year + years, day=28)


def shift_text(text: str, old: int, new: int) -> tuple[str, list[str]]:
    """Move the decree's year in free text; return the new text and notes for a person.

    Changed: "Tahun 2025", month and year ("September 2025", "3 September 2025", "September s/d
    Desember 2025"), ISO dates, months in the year after (a period running into it), and fiscal
    years and periods ("Tahun Anggaran 2025", "Tahun Akademik 2025/2026"), which are noted.
    Kept and noted: "Nomor ... Tahun 2025" (a cited regulation), a document's number and date
    ("Berita Acara Nomor 12/PP.04.1-BA/5201/2025 tanggal 1 September 2025": a past event), and
    any other bare year. A 29 February moved into a common year becomes the 28th.
    """
    out, notes, _ = _shift(text, old, new)
    return out, [note for _, note in notes]


def _date_before(text: str, month_at: int, month: str, year: int) -> tuple[int, datetime.date] | None:
    """The day written just before a month and year ("3 September 2025"): where it starts and the
    date, or None when there is no day there or no such date (30 Februari)."""
    day = re.search(r"(?<!\d)(\d{1,2})\s+$", text[max(month_at - 8, 0):month_at])
    if day is None:
        return None
    number = next(i for i in range(1, 13) if nama_bulan(i).lower() == month.lower())
    try:
        return month_at - len(day.group(0)), datetime.date(year, number, int(day.group(1)))
    except ValueError:
        return None


def _shift(text: str, old: int, new: int) -> tuple[str, list[tuple[int, str]], list[tuple[int, datetime.date, datetime.date]]]:
    """shift_text, each note with where it stands in `text`, and the full dates it moved (where
    each starts, the date before and after)."""
    delta = new - old
    protected: list[tuple[int, int]] = []
    notes: list[tuple[int, str]] = []
    edits: dict[tuple[int, int], str] = {}
    moved: list[tuple[int, datetime.date, datetime.date]] = []

    def free(span: tuple[int, int]) -> bool:
        return not any(a <= span[0] < b for a, b in [*protected, *edits])

    def mentions(span: tuple[int, int], years=(old,)) -> bool:
        return any(int(y) in years for y in re.findall(r"(?<!\d)\d{4}(?!\d)", text[span[0]:span[1]]))

    for m in _PAST.finditer(text):
        protected.append(m.span())
        if mentions(m.span(), (old, old + 1)):
            notes.append((m.start(), f"\"{_squash(m.group(0))}\" merujuk dokumen yang sudah ada: nomor dan tanggalnya "
                                     f"tidak diubah; periksa apakah draf tahun {new} merujuk dokumen yang baru"))
    for m in _NUMBER_WITH_YEAR.finditer(text):
        if free(m.span()):
            protected.append(m.span())
            if int(m.group(2)) == old:
                notes.append((m.start(), f"\"{m.group(0)}\" nomor dokumen tahun {old}: tidak diubah; periksa"))
    for m in _CITED.finditer(text):
        if free(m.span()):
            protected.append(m.span(1))
            if int(m.group(1)) == old:
                notes.append((m.start(), f"\"{m.group(0)}\" tampaknya rujukan peraturan, tahunnya tidak diubah"))
    for m in _PERIOD.finditer(text):
        years = [i for i in (1, 2) if m.group(i) and int(m.group(i)) in (old, old + 1) and free(m.span(i))]
        if years:
            changed = m.group(0)
            for i in reversed(years):
                a, b = m.start(i) - m.start(), m.end(i) - m.start()
                changed = changed[:a] + str(int(m.group(i)) + delta) + changed[b:]
                edits[m.span(i)] = str(int(m.group(i)) + delta)
            protected.append(m.span())
            notes.append((m.start(), f"\"{_squash(m.group(0))}\" menjadi \"{_squash(changed)}\" (tahun anggaran atau "
                                     "periode ikut tahun keputusan): periksa"))
    for m in _TAHUN.finditer(text):
        if int(m.group(3)) == old and free(m.span(3)):
            edits[m.span(3)] = str(new)
    for m in _MONTH_YEAR.finditer(text):
        year = int(m.group(3))
        if year in (old, old + 1) and free(m.span(3)):
            edits[m.span(3)] = str(year + delta)
            dated = _date_before(text, m.start(), m.group(1), year)
            if dated is not None:
                at, date = dated
                shifted = _shift_date(date, delta)
                moved.append((at, date, shifted))
                if shifted.day != date.day:  # 29 Februari into a common year
                    edits[(at, at + len(str(date.day)))] = str(shifted.day)
    for m in _ISO_DATE.finditer(text):
        year = int(m.group(1))
        if year in (old, old + 1) and free(m.span()):
            try:
                date = datetime.date.fromisoformat(m.group(0))
            except ValueError:  # 2025-02-30: not a date, its year moves all the same
                edits[m.span(1)] = str(year + delta)
                continue
            shifted = _shift_date(date, delta)
            edits[m.span()] = shifted.isoformat()
            moved.append((m.start(), date, shifted))
    for m in _BARE_YEAR.finditer(text):
        if int(m.group(1)) in (old, old + 1) and free(m.span(1)):
            notes.append((m.start(), f"tahun {m.group(1)} dalam \"{_context(text, m.span(1))}\" tidak diubah: periksa"))
    out = apply_edits(text, [(a, b, value) for (a, b), value in edits.items()])
    return out, sorted(notes), sorted(moved)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _context(text: str, span: tuple[int, int], width: int = 30) -> str:
    start, end = max(span[0] - width, 0), min(span[1] + width, len(text))
    return ("…" if start else "") + _squash(text[start:end]) + ("…" if end < len(text) else "")


def _walk(node, path: tuple, report: Laporan) -> None:
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in list(items):
        where = (*path, key)
        if isinstance(key, str) and key in NOT_TEXT:
            continue
        if isinstance(key, str) and key in KEEP_YEARS:
            if key == "memperhatikan":
                _list_old_documents(value, where, report)
            continue
        if isinstance(value, (dict, list)):
            _walk(value, where, report)
        elif isinstance(value, str):
            shifted, notes, dates = _shift(value, report.tahun_lama, report.tahun_baru)
            report.periksa += [Catatan(where, note, posisi=at) for at, note in notes]
            report.tanggal += [TanggalBergeser(where, lama, baru, posisi=at) for at, lama, baru in dates]
            if shifted != value:
                node[key] = shifted
                report.diubah.append(Perubahan(where, value, shifted))
        elif isinstance(value, datetime.date):
            moved = _shift_date(value, report.tahun_baru - report.tahun_lama)
            node[key] = moved
            report.diubah.append(Perubahan(where, value, moved))
            report.tanggal.append(TanggalBergeser(where, value, moved))


def _list_old_documents(items, where: tuple, report: Laporan) -> None:
    """Memperhatikan cites letters, minutes and decisions: those of the old year are listed."""
    for i, item in enumerate(items if isinstance(items, list) else []):
        text = " ".join(str(v) for v in item.values()) if isinstance(item, dict) else str(item)  # a citation's fields
        if re.search(rf"(?<!\d){report.tahun_lama}(?!\d)", text):
            report.periksa.append(Catatan((*where, i), f"merujuk dokumen tahun {report.tahun_lama}, tidak diubah: "
                                                       "periksa apakah masih yang berlaku"))


def _as_date(value) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


def _next_number(data: dict, report: Laporan) -> None:
    """The number for the new year: the office's pattern kept, the sequence number to fill."""
    nomor = str(data.get("nomor"))
    tanggal = _as_date((data.get("penutup") or {}).get("tanggal"))
    pola = pola_nomor(nomor, tanggal, data.get("pola_nomor"))
    if pola is None:
        new = NOMOR_KOSONG
        note = (f"pola nomor \"{nomor}\" tidak dikenali, seluruh nomor dikosongkan: tulis pola_nomor "
                "(misalnya \"{urut}/PP.04.1-Kpt/5201/{tahun}\") bila kantor memakai pola tetap")
    else:
        moved = _shift_date(tanggal, report.tahun_baru - report.tahun_lama) if tanggal else None
        new = pola.isi(NOMOR_KOSONG, moved or datetime.date(report.tahun_baru, 1, 1), report.tahun_baru)
        source = "pola_nomor" if data.get("pola_nomor") else "pola dikenali dari nomor lama"
        note = f"isi nomor urut di tempat {NOMOR_KOSONG} ({source}: {pola}), misalnya dengan kpu-docs nomor ambil"
        if pola.berbulan:
            note += "; bulan pada nomor mengikuti penutup.tanggal"
    if new != nomor:
        report.diubah.append(Perubahan(("nomor",), nomor, new, catatan=note))
        data["nomor"] = new


def _as_draft(data: dict, report: Laporan) -> None:
    """The new decree is a draft until it is signed: status draf, whatever the old one was.

    The salinan block, pengaturan.tanda_tangan and an electronic signature stay in the data (the
    decree will again be signed that way, copied and certified), but a draft prints none of them:
    what the old decree printed and the draft does not is listed for the review file."""
    status = data.get("status", "final")
    if status != "draf":
        salinan = data.get("salinan")
        if isinstance(salinan, dict):
            if salinan.get("tanda", True) not in (False, "false", "False", "FALSE"):
                report.dimatikan.append("tanda SALINAN di kiri atas halaman pertama (salinan.tanda)")
            report.dimatikan.append("blok \"Salinan sesuai dengan aslinya\" dengan pengesahnya (salinan)")
        if (data.get("penutup") or {}).get("tanda_tangan_elektronik"):
            report.dimatikan.append("tanda tangan elektronik: kode QR, baris di atas jabatan dan kalimat BSrE di kaki "
                                    "halaman (penutup.tanda_tangan_elektronik; isi qr dengan alamat verifikasi yang "
                                    "baru setelah ditandatangani)")
        mark = (data.get("pengaturan") or {}).get("tanda_tangan")
        if mark in ("ttd", "dto."):
            report.dimatikan.append(f"\"{mark}\" di tempat tanda tangan; draf mencetak ruang kosong untuk ditandatangani "
                                    "(pengaturan.tanda_tangan)")
    note = ("draf untuk ditandatangani: bertanda DRAF di setiap halaman dan tanpa tanda salinan; ubah menjadi "
            "status: final setelah keputusan ditandatangani")
    if status == "draf":
        report.periksa.append(Catatan(("status",), note))
    else:
        report.diubah.append(Perubahan(("status",), status, "draf", catatan=note))
    data["status"] = "draf"


def roll_forward(data: dict, tahun: int | None = None) -> Laporan:
    """Move plain decree data to `tahun` (default: next year), in place; report what changed."""
    old = int(data["tahun"])
    new = tahun if tahun is not None else old + 1
    report = Laporan(old, new)
    report.diubah.append(Perubahan(("tahun",), old, new))
    data["tahun"] = new
    _next_number(data, report)
    _as_draft(data, report)
    rest = {k: v for k, v in data.items() if k not in ("tahun", "nomor", "status")}
    _walk(rest, (), report)
    data.update(rest)
    return report


def _as_text(value) -> str:
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


def _edit_source(source: Source, report: Laporan) -> str:
    """Apply the changes to the source text itself, touching only the digits that change, and
    note the line of each change and each note.

    A scalar's digit runs appear in its source in the same order as in its value (folding and
    quoting only move spaces), so the n-th run of the value is the n-th run after its start.
    """
    text = source.text
    edits: list[tuple[int, int, str]] = []

    def line(offset: int) -> int:
        return text.count("\n", 0, offset) + 1

    def source_runs(jalur: tuple) -> list[tuple[int, int]]:
        begin, end = source.span(jalur)
        return [m.span() for m in _DIGITS.finditer(text, begin, end)] or [(begin, begin)]

    inserted: int | None = None  # the line of a new `status:` key
    for change in report.diubah:
        if change.jalur == ("nomor",):
            begin, end = source.scalar_span(("nomor",))
            edits.append((begin, end, quoted(str(change.baru))))
            change.baris = line(begin)
            continue
        if change.jalur == ("status",):
            if "status" in source.tree:
                begin, end = source.scalar_span(("status",))
                edits.append((begin, end, str(change.baru)))
                change.baris = line(begin)
            else:  # a key of its own on the line after tahun, as far in as tahun
                at, column = _line_after(source, "tahun")
                new_line = "" if at == 0 or text[at - 1] == "\n" else "\n"  # tahun on the file's last line
                edits.append((at, at, f"{new_line}{' ' * column}status: {change.baru}\n"))
                change.baris = inserted = line(at) + len(new_line)
            continue
        old, new = _as_text(change.lama), _as_text(change.baru)
        old_runs = [m.span() for m in _DIGITS.finditer(old)]
        runs = source_runs(change.jalur)[: len(old_runs)]
        for (a, b), (sa, sb) in zip(old_runs, runs):
            if old[a:b] != new[a:b]:
                edits.append((sa, sb, new[a:b]))
                change.baris = change.baris or line(sa)
    placed: list[Catatan | TanggalBergeser] = [*report.periksa, *report.tanggal]
    for note in placed:
        value = _value(source.tree, note.jalur)
        before = len([m for m in _DIGITS.finditer(_as_text(value)) if m.start() < note.posisi]) if value is not None else 0
        runs = source_runs(note.jalur)
        note.baris = line(runs[min(before, len(runs) - 1)][0])
    if inserted is not None:  # everything from there on moved one line down
        lines: list[Perubahan | Catatan | TanggalBergeser] = [*report.diubah, *placed]
        for item in lines:
            if item.baris is not None and item.baris >= inserted and item.jalur != ("status",):
                item.baris += 1
    return apply_edits(text, edits)


def _line_after(source: Source, key: str) -> tuple[int, int]:
    """Where the line after a top-level key's one-line value starts, and the key's column."""
    _, column = source.tree.lc.key(key)
    _, end = source.scalar_span((key,))
    newline = source.text.find("\n", end)
    return (newline + 1 if newline >= 0 else len(source.text)), column


def _value(tree, jalur: tuple):
    node = tree
    for part in jalur:
        node = node[part]
    return node if isinstance(node, (str, datetime.date)) else None


def next_year(source: str | Path, target: str | Path, tahun: int | None = None) -> Laporan:
    """Write the draft for `tahun` (default: the next year) of the decree in `source` to `target`,
    and the review file beside it (`<target>.periksa.md`, review.py).

    The new file is the old text with only the changed values edited, so comments, order and
    layout stay; it is checked by reading it back, and validated, before anything is written.
    """
    source, target = Path(source), Path(target)
    if source.suffix.lower() == ".json":
        raise InputError([Masalah("", "next-year bekerja pada berkas YAML (komentar dan susunan dipertahankan)")],
                         str(source))
    yaml = Source.from_file(source)
    data = plain(yaml.tree)
    from_data(data, base_dir=source.parent, sumber=str(source), teks=yaml.text)
    report = roll_forward(data, tahun)
    new_text = _edit_source(yaml, report)
    if not same_data(new_text, data):  # never write what we did not mean
        raise RuntimeError("next-year: hasil penyuntingan berkas tidak sesuai dengan data; tidak ditulis")
    from_data(data, base_dir=source.parent, sumber=str(target), teks=new_text)
    review = review_path(target)
    write_all_atomic([(target, new_text.encode("utf-8")), (review, review_text(report, source, target).encode("utf-8"))])
    report.berkas_periksa = review
    return report
