"""The review file next-year writes beside the draft: what changed and what a person must decide.

In Bahasa Indonesia, as Markdown (readable as plain text, and as a formatted page in GitLab,
GitHub or an editor's preview). Every item names its place in the new YAML file: the field path
as error messages write it (menimbang[2], penutup.tanggal) and the line number.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kpu_docs.next_year import Laporan


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


def tasks(report: Laporan) -> list[tuple[str, int | None, str]]:
    """What a person must fill or decide, in file order: (field path, line, what)."""
    items = [(c.lokasi, c.baris, c.catatan) for c in report.diubah if c.catatan]
    items += [(n.lokasi, n.baris, n.pesan) for n in report.periksa]
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


def _text(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
