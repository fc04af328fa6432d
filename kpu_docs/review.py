"""The review file next-year writes beside the draft: what changed and what a person must decide.

In Bahasa Indonesia, as Markdown (readable as plain text, and as a formatted page in GitLab,
GitHub or an editor's preview). Every item names its place in the new YAML file: the field path
as error messages write it (menimbang[2], penutup.tanggal) and the line number.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from kpu_docs.checks.libur import TAHUN_LENGKAP, libur_nasional
from kpu_docs.formatting import format_hari_tanggal
from kpu_docs.next_year_report import Laporan, TanggalBergeser


def review_path(target: Path) -> Path:
    """`draf-2026.yaml` -> `draf-2026.periksa.md`, in the same folder."""
    return Path(target).with_suffix(".periksa.md")


def around_change(old: str, new: str, width: int = 18) -> tuple[str, str]:
    """The changed spot of two texts with a little context: "…Kota Mataram Tahun 2025"."""
    old, new = " ".join(old.split()), " ".join(new.split())
    start = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
    begin = max(start - width, 0)
    prefix = "…" if begin else ""

    def cut(text: str) -> str:
        end = start + width
        return prefix + text[begin:end] + ("…" if end < len(text) else "")

    return cut(old), cut(new)


def baris_teks(baris: int | None) -> str:
    """" (baris 12)" after a field path, or nothing when the line is not known."""
    return f" (baris {baris})" if baris else ""


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "'")


def hari(tanggal: datetime.date) -> str:
    """What kind of day a date is, for a person choosing a signing date: a national holiday
    (checks.libur), a Sunday or Saturday, or a working day (as far as the holidays are known)."""
    days = [f"hari libur nasional ({libur})"] if (libur := libur_nasional(tanggal)) else []
    days += {6: ["hari Minggu"], 5: ["hari Sabtu"]}.get(tanggal.weekday(), [])
    if days:
        return "jatuh pada " + " dan ".join(days)
    if tanggal.year not in TAHUN_LENGKAP:
        return (f"hari kerja menurut hari libur tetap; hari libur {tanggal.year} yang berpindah (Idul Fitri, Nyepi, "
                "Waisak, ...) belum tercatat di kpu-docs: periksa SKB hari libur tahun itu")
    return "hari kerja"


def tanggal_text(moved: TanggalBergeser) -> str:
    """ "3 September 2025 menjadi Kamis, 3 September 2026: hari kerja", with a request to choose
    another day when the new one is not a working day."""
    kind = hari(moved.baru)
    text = f"tanggal bergeser dari {format_hari_tanggal(moved.lama)} menjadi {format_hari_tanggal(moved.baru)}: {kind}"
    if kind.startswith("jatuh pada"):
        text += "; pilih hari kerja"
    return text


def tasks(report: Laporan) -> list[tuple[str, int | None, str]]:
    """What a person must fill or decide, in file order: (field path, line, what); every date
    that moved is one, with the day it now falls on."""
    items = [(c.lokasi, c.baris, c.catatan) for c in report.diubah if c.catatan]
    items += [(n.lokasi, n.baris, n.pesan) for n in report.periksa]
    items += [(t.lokasi, t.baris, tanggal_text(t)) for t in report.tanggal]
    return sorted(items, key=lambda item: item[1] or 0)


def review_text(report: Laporan, source: Path, target: Path) -> str:
    """The review file's text."""
    todo = tasks(report)
    lines = [
        f"# Periksa draf {target.name}",
        "",
        f"Draf keputusan tahun {report.tahun_baru} dibuat dengan `kpu-docs next-year` dari {source.name} "
        f"(tahun {report.tahun_lama}). Setiap butir menyebut letaknya di {target.name}: bidang dan nomor baris.",
        "",
        f"## Perlu diisi atau diperiksa ({len(todo)})",
        "",
    ]
    lines += [f"{i}. `{lokasi}`{baris_teks(baris)}: {text}" for i, (lokasi, baris, text) in enumerate(todo, start=1)]
    lines += [] if todo else ["Tidak ada."]
    lines += _status(report, target)
    lines += [
        "",
        f"## Yang diubah ({len(report.diubah)})",
        "",
        "| Bidang | Baris | Sebelum | Sesudah |",
        "| --- | --- | --- | --- |",
    ]
    for change in sorted(report.diubah, key=lambda c: c.baris or 0):
        old, new = _text(change.lama), _text(change.baru)
        if max(len(old), len(new)) > 60:  # a long text: the changed spot with some context
            old, new = around_change(old, new, width=30)
        lines.append(f"| `{change.lokasi}` | {change.baris or ''} | {_cell(old)} | {_cell(new)} |")
    lines += [
        "",
        "Tahun peraturan yang dirujuk (Mengingat, \"Nomor 5 Tahun 2023\") dan tanggal dokumen yang sudah ada "
        "tidak diubah. Periksa juga isi yang tahun depan berbeda: nama pejabat, anggota, anggaran.",
        "",
    ]
    return "\n".join(lines)


def _status(report: Laporan, target: Path) -> list[str]:
    """What the draft prints differently from a signed decree, and when that ends."""
    lines = [
        "",
        "## Status draf",
        "",
        f"{target.name} berstatus `status: draf`: setiap halaman keputusan dan lampirannya bertanda DRAF, dan "
        "tanda salinan tidak dicetak selama keputusan belum ditandatangani.",
    ]
    if report.dimatikan:
        lines += ["", "Yang dicetak keputusan lama dan tidak dicetak draf ini:", ""]
        lines += [f"- {item}" for item in report.dimatikan]
        lines += [
            "",
            "Bagian `salinan` dan `pengaturan.tanda_tangan` tetap ada di berkas: salinan keputusan yang sudah "
            "ditandatangani disahkan lagi seperti tahun lalu. Periksa nama dan NIP pengesahnya.",
        ]
    lines += [
        "",
        "Setelah keputusan ditandatangani, ubah `status: draf` menjadi `status: final` dan cetak ulang: tanda DRAF "
        "hilang dan tanda salinan tercetak kembali.",
    ]
    return lines


def _text(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
