"""The template context: every text the templates print, composed from the model and the wording."""

from __future__ import annotations

from typing import Any

from kpu_docs.formatting import format_tanggal, roman
from kpu_docs.models import Keputusan
from kpu_docs import wording
from kpu_docs.wording.konsiderans import memperhatikan_butir, mengingat_butir


def _penandatangan(keputusan: Keputusan) -> dict[str, Any]:
    blok = wording.blok_penutup(keputusan)
    return {"atas": blok.atas, "nama": blok.nama, "bawah": blok.bawah}


def _tanda_tangan(keputusan: Keputusan) -> str | None:
    """"ttd"/"dto." in place of the signature space, or None for blank space to sign (always
    for a draft: it is still to be signed)."""
    mode = keputusan.pengaturan.tanda_tangan
    return None if mode == "ruang" or keputusan.status == "draf" else mode


def _salinan(keputusan: Keputusan) -> dict[str, Any] | None:
    """The certification block, printed on the decree's and every Lampiran's last page (never
    on a draft: only a signed decree has copies to certify)."""
    s = keputusan.salinan
    if s is None or keputusan.status == "draf":
        return None
    return {"unit": s.unit.upper(), "jabatan": s.jabatan.rstrip(","), "nama": s.nama, "nip": s.nip}


def _paraf_koordinasi(keputusan: Keputusan) -> list[str]:
    """The positions of the initials table: printed on a draft only (the internal copy that goes
    round for initials), never on the final decree or a certified copy."""
    return list(keputusan.pengaturan.paraf_koordinasi) if keputusan.status == "draf" else []


def keputusan_context(keputusan: Keputusan) -> dict[str, Any]:
    """Context for templates/keputusan.docx (the logo and QR code are added by the renderer, which owns images)."""
    gaya = keputusan.pengaturan.gaya_diktum
    return {
        "tanda_salinan": bool(keputusan.salinan and keputusan.salinan.tanda and keputusan.status == "final"),
        "logo": None,
        "kop": [line.upper() for line in keputusan.kop.baris] if keputusan.kop else [],
        "alamat_kop": keputusan.kop.alamat if keputusan.kop else None,
        "kontak_kop": wording.kontak_kop(keputusan.kop) if keputusan.kop else None,
        "logo_samping": bool(keputusan.kop and keputusan.kop.letak_logo == "samping"),
        "judul": wording.judul_baris(keputusan),
        "pembukaan": keputusan.pembukaan.upper() if keputusan.pembukaan else None,
        "jabatan_penetap": keputusan.jabatan_penetap.upper() + ("," if keputusan.pengaturan.koma_jabatan_penetap else ""),
        "memutuskan": keputusan.pengaturan.memutuskan,
        "menimbang": wording.menimbang_butir(keputusan),
        "mengingat": mengingat_butir(keputusan),
        "memperhatikan": memperhatikan_butir(keputusan),
        "menetapkan": wording.menetapkan(keputusan),
        "diktum": [
            {
                "label": wording.label_diktum(n, gaya),
                "isi": d.isi,
                "rincian_huruf": d.rincian if d.penomoran == "a." else [],
                "rincian_angka": d.rincian if d.penomoran == "1." else [],
            }
            for n, d in enumerate(keputusan.diktum, start=1)
        ],
        "disampaikan_kepada": list(keputusan.disampaikan_kepada),
        "pemisah_penutup": "\t: " if keputusan.penutup.titik_dua else " ",
        "tempat": keputusan.penutup.tempat,
        "tanggal": format_tanggal(keputusan.penutup.tanggal),
        "penandatangan": _penandatangan(keputusan),
        "tanda_tangan": _tanda_tangan(keputusan),
        "qr": None,
        "salinan": _salinan(keputusan),
        "tembusan": list(keputusan.tembusan),
        "paraf_koordinasi": _paraf_koordinasi(keputusan),
    }


def label_lampiran(index: int, count: int) -> str:
    """"LAMPIRAN" for a single one, "LAMPIRAN I", "LAMPIRAN II", ... when there are several."""
    return "LAMPIRAN" if count == 1 else f"LAMPIRAN {roman(index)}"


def lampiran_context(keputusan: Keputusan, index: int) -> dict[str, Any]:
    """Context for templates/lampiran.docx, for the index-th (1-based) Lampiran; isi is added by the renderer."""
    lampiran = keputusan.lampiran[index - 1]
    return {
        "label": label_lampiran(index, len(keputusan.lampiran)),
        "instansi": keputusan.instansi.upper(),
        "nomor": wording.nomor_judul(keputusan),
        "tentang": keputusan.tentang.upper() if keputusan.tentang else None,
        "tanggal_di_kepala": format_tanggal(keputusan.penutup.tanggal).upper() if lampiran.tanggal_di_kepala else None,
        "judul": lampiran.judul.upper() if lampiran.judul else None,
        "isi": None,
        "tanda_tangan_lampiran": lampiran.tanda_tangan,
        "penandatangan": _penandatangan(keputusan),
        "tanda_tangan": _tanda_tangan(keputusan),
        "qr": None,
        "salinan": _salinan(keputusan),
    }
