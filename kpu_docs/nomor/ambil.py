"""Taking a number from the register into a decree: `kpu-docs nomor ambil` and the batch's rows.

The number is committed to the register before it is written anywhere, so a crash can only
leave a number taken and not written, which the register shows ("diambil") and gives again to
the same file next time. In the YAML file only the nomor's value changes (yaml_source): comments
and layout stay.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kpu_docs.errors import InputError, KpuDocsError, Masalah
from kpu_docs.files import write_atomic
from kpu_docs.loading import from_data
from kpu_docs.models import Keputusan
from kpu_docs.nomor.pola import NOMOR_KOSONG, Pola, pola_nomor
from kpu_docs.nomor.register import DITULIS, GAGAL, Entri, Register, RegisterError
from kpu_docs.yaml_source import Source, plain, quoted, same_data


class NomorTidakDitulis(KpuDocsError):
    """A number taken from the register whose file could not then be written: the only failure
    after which a number is taken. The register keeps it (gagal_ditulis, or diambil when even
    that could not be recorded) and gives it to this file again next time; exit code 1."""

    exit_code = 1

    def __init__(self, berkas: Path, entri: Entri, sebab: BaseException, tercatat: bool):
        self.entri = entri
        where = "tercatat di register sebagai gagal ditulis" if tercatat else "tetap tercatat di register sebagai diambil"
        super().__init__(f"{berkas}: nomor {entri.nomor} sudah diambil dari register, tetapi berkas tidak ditulis "
                         f"({type(sebab).__name__}: {sebab}); nomor itu {where} dan diberikan lagi ke berkas ini "
                         "pada nomor ambil berikutnya")


def pola_untuk_diisi(keputusan: Keputusan, sumber: str | None = None) -> Pola:
    """The pattern to number this decree with; InputError when it cannot be numbered yet: no
    pattern, a number already there, or a date in another year than the decree (a number is for
    good, so these are settled first)."""
    problems = []
    pola = pola_nomor(keputusan.nomor, keputusan.penutup.tanggal, keputusan.pola_nomor)
    if NOMOR_KOSONG not in keputusan.nomor:
        problems.append(Masalah("nomor", f"sudah diisi ({keputusan.nomor}); untuk mengambil nomor baru tulis "
                                         f"{NOMOR_KOSONG} di tempat nomor urutnya"))
    elif pola is None:
        problems.append(Masalah("nomor", "pola nomor tidak dikenali; tulis pola_nomor, misalnya "
                                         "\"{urut}/PP.04.1-Kpt/5201/{tahun}\""))
    if keputusan.penutup.tanggal.year != keputusan.tahun:
        problems.append(Masalah("penutup.tanggal", f"tahun {keputusan.penutup.tanggal.year} berbeda dengan tahun "
                                                   f"keputusan {keputusan.tahun}; samakan dulu sebelum mengambil nomor"))
    if problems or pola is None:  # a missing pattern is among the problems
        raise InputError(problems, sumber)
    return pola


def ambil_nomor(berkas: str | Path, register: str | Path, oleh: str | None = None, mulai: int = 1,
                paksa: bool = False) -> Entri:
    """Take the next number for the decree in `berkas` from `register` and write it into the file.

    Everything that could stop the file being written is checked before the number is taken.
    If the file still cannot be written, the register keeps the number, marked "gagal_ditulis"
    with the reason, and the next `ambil_nomor` on this file gives it again (NomorTidakDitulis).
    Every other failure (RegisterError, InputError, OSError reading the file) takes no number.
    """
    berkas = Path(berkas)
    if berkas.suffix.lower() == ".json":
        raise InputError([Masalah("", "nomor ambil menulis ke berkas YAML (komentar dan susunan dipertahankan)")],
                         str(berkas))
    source = Source.from_file(berkas)
    text = source.text
    data = plain(source.tree)
    keputusan = from_data(data, base_dir=berkas.parent, sumber=str(berkas), teks=text)
    pola = pola_untuk_diisi(keputusan, str(berkas))
    begin, end = source.scalar_span(("nomor",))

    def numbered(nomor: str) -> str:
        new_text = text[:begin] + quoted(nomor) + text[end:]
        if not same_data(new_text, {**data, "nomor": nomor}):
            raise InputError([Masalah("nomor", "tidak dapat disunting di tempat (tulis nomor sebagai teks satu "
                                               "baris); tidak ada nomor yang diambil")], str(berkas))
        return new_text

    numbered(pola.isi(1, keputusan.penutup.tanggal, keputusan.tahun))  # the edit works: now take the number
    with Register(register, create=True) as reg:
        entri = reg.ambil(instansi=keputusan.instansi, pola=pola, tahun=keputusan.tahun,
                          tanggal=keputusan.penutup.tanggal, tentang=keputusan.tentang, berkas=berkas,
                          oleh=oleh, mulai=mulai, paksa=paksa)
        try:
            write_atomic(berkas, numbered(entri.nomor).encode("utf-8"))
        except BaseException as exc:
            try:
                reg.tandai(entri.id, GAGAL, f"berkas tidak ditulis: {type(exc).__name__}: {exc}")
                tercatat = True
            except RegisterError:
                tercatat = False
            if isinstance(exc, Exception):
                raise NomorTidakDitulis(berkas, entri, exc, tercatat) from exc
            raise  # an interrupt stays an interrupt
        try:
            reg.tandai(entri.id, DITULIS)
        except RegisterError:
            pass  # written, but recorded as diambil: the next ambil on this file gives the same number, no gap
    return replace(entri, status=DITULIS)
