"""Decrees with every field of the model, and how far one comes back from its own .docx.

Shared by tests/importing/test_round_trip_property.py (a few hundred decrees in CI) and
benchmarks/round_trip.py (a thousand and more). A generated decree is rendered as `kpu-docs
render` writes it and imported back from the file's bytes; the imported data, loaded, must equal
the decree field for field. Every field is drawn, optional ones present or absent, every setting
from its choices, every kind of Lampiran block (numbered tables with merged cells, grouped
tables, the Dasar Hukum list, nested lists with their labels, "label : value" lines), every text
from all of Unicode (tests/fuzzing.py) or from legal wording in mixed case with ß, &, <, quotes.
"""

from __future__ import annotations

import datetime
import io
import struct
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx import Document
from hypothesis import strategies as st

from kpu_docs.errors import InputError
from kpu_docs.importing import import_docx
from kpu_docs.loading import from_data
from kpu_docs.models import Keputusan
from kpu_docs.word.document import render_packages
from tests.fuzzing import text as any_text

LEGAL_WORDS = [
    "bahwa", "berdasarkan", "Peraturan", "Komisi", "Pemilihan", "Umum", "Nomor", "Tahun", "tentang",
    "Zona", "Integritas", "WBK/WBBM", "KPU", "Kota", "Mataram", "dan", "di", "Lingkungan", "Straße",
    "Größe", "AKSI", "Kerja", "PT", "Tbk.", "&", "<", ">", '"dikutip"', "'kutip'", "(Persero)", "H.",
    "S.H.,", "M.Si.", "Dr.", "d/a", "ß", "İstanbul", "Ǆ", "ﬁnal", "2025", "1.", "a.", "-", ";", ":",
    "/{miring}/", "+{tebal}+", "\\/{", "e\u0301", "Nusa", "Tenggara", "Barat", "NTB",
]
"""Words of decrees, in every case, with the letters whose capitals differ in length (ß, ﬁ, Ǆ),
XML specials, quotes and the emphasis markup."""

legal = st.lists(st.sampled_from(LEGAL_WORDS), min_size=1, max_size=10).map(" ".join)
text = st.one_of(legal, legal, any_text)
"""Any text a decree can hold: legal wording most often, all of Unicode otherwise."""


def _png(width: int = 4, height: int = 4) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


LOGO = Path(tempfile.gettempdir()) / "kpu-docs-round-trip-logo.png"
"""The letterhead logo some generated decrees use (written once per process)."""


@st.composite
def decree(draw) -> dict:
    """File data of a decree with every field of the model drawn."""
    t = lambda: draw(text)  # noqa: E731
    maybe = lambda value: value if draw(st.booleans()) else None  # noqa: E731
    texts = lambda lo, hi: draw(st.lists(text, min_size=lo, max_size=hi))  # noqa: E731
    nilai = lambda: [{"label": t(), "nilai": t()} for _ in range(draw(st.integers(1, 2)))]  # noqa: E731

    def citation(depth: int = 0) -> dict:
        c: dict = {"jenis": t(), "nomor": t(), "bentuk_nomor": draw(st.sampled_from(["Nomor", "Nomor:", "Nomor :"]))}
        c["tahun"] = maybe(draw(st.integers(1945, 2100)))
        c["tentang"] = maybe(t())
        if draw(st.booleans()):
            dalam = draw(st.sampled_from(["lembaran_negara", "berita_negara", "lembaran_daerah", "berita_daerah"]))
            gazette = {
                "dalam": dalam, "tahun": draw(st.integers(1945, 2100)), "nomor": t(),
                "tambahan": maybe(t()) if dalam.startswith("lembaran") else None,  # only a Lembaran has a Tambahan
                "wilayah": t() if dalam.endswith("daerah") else maybe(t()),  # a region's gazette names its region
            }
            c["diundangkan"] = {k: v for k, v in gazette.items() if v is not None}
        if depth == 0 and draw(st.booleans()):
            c["perubahan"] = [citation(1) for _ in range(draw(st.integers(1, 2)))]
            c["beberapa_kali"] = maybe(draw(st.booleans()))
        return {k: v for k, v in c.items() if v is not None}

    def blocks(depth: int) -> list:
        kinds = ["paragraf", "daftar", "tabel", "tabel_kelompok", "rincian_nilai", "string"]
        if depth == 0:
            kinds += ["judul", "bagian", "daftar_mengingat"]
        out: list = []
        for kind in draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=4 if depth == 0 else 2)):
            if kind in ("judul", "bagian", "paragraf"):
                out.append({kind: t()})
            elif kind == "string":
                out.append(t())
            elif kind == "daftar_mengingat":
                out.append({"daftar_mengingat": True})
            elif kind == "rincian_nilai":
                out.append({"rincian_nilai": nilai()})
            elif kind == "daftar":
                items: list = []
                for _ in range(draw(st.integers(1, 3))):
                    items.append({"butir": t(), "isi": blocks(depth + 1)} if depth < 2 and draw(st.booleans()) else t())
                d: dict = {"daftar": items}
                if draw(st.booleans()):
                    d["penomoran"] = draw(st.sampled_from(["A.", "1.", "a.", "1)", "a)", "(1)"]))
                out.append(d)
            elif kind == "tabel":
                out.append({"tabel": table()})
            else:
                width = draw(st.integers(1, 2))
                groups = [{"nama": t(), "baris": [[t() for _ in range(width)] for _ in range(draw(st.integers(1, 3)))]}
                          for _ in range(draw(st.integers(1, 3)))]
                g: dict = {"kolom": [t() for _ in range(width + 2)], "kelompok": groups}
                if draw(st.booleans()):
                    g["lebar"] = [draw(st.sampled_from([1, 2.5, 4])) for _ in range(width + 2)]
                if draw(st.integers(0, 5)) == 0:
                    g["lanskap"] = True
                out.append({"tabel_kelompok": g})
        return out

    def table() -> dict:
        numbered = draw(st.booleans())
        columns = draw(st.integers(1, 3))
        kolom = [t() for _ in range(columns + numbered)]
        rows: list[list] = []
        covered: set[tuple[int, int]] = set()
        count = draw(st.integers(1, 4))
        for r in range(count):
            row: list = []
            c = 0
            while c < columns:
                if (r, c) in covered:
                    c += 1
                    continue
                down = draw(st.integers(1, count - r)) if draw(st.integers(0, 4)) == 0 else 1
                free = 1
                while c + free < columns and all((rr, c + free) not in covered for rr in range(r, r + down)):
                    free += 1
                right = draw(st.integers(1, free)) if draw(st.integers(0, 4)) == 0 else 1
                covered |= {(rr, cc) for rr in range(r, r + down) for cc in range(c, c + right)}
                cell = draw(st.one_of(text, st.just("")))
                if down > 1 or right > 1:
                    sel: dict = {"teks": cell}
                    if down > 1:
                        sel["gabung_baris"] = down
                    if right > 1:
                        sel["gabung_kolom"] = right
                    row.append(sel)
                else:
                    row.append(cell)
                c += right
            rows.append(row)
        out: dict = {"kolom": kolom, "baris": rows}
        if numbered:
            out["nomor_urut"] = True
        if draw(st.booleans()):
            out["lebar"] = [draw(st.sampled_from([1, 2.5, 4])) for _ in kolom]
        if draw(st.integers(0, 5)) == 0:
            out["lanskap"] = True
        return out

    signer: dict = {"jabatan": t(), "nama": t()}
    for key in ("nip", "pangkat", "atas_nama"):
        if draw(st.booleans()):
            signer[key] = t()
    if "atas_nama" in signer and draw(st.booleans()):
        signer["untuk_beliau"] = t()
    if draw(st.booleans()):
        signer["status"] = draw(st.sampled_from(["Plt.", "Plh."]))
    if draw(st.booleans()):
        signer["letak_jabatan"] = draw(st.sampled_from(["atas", "bawah"]))
    penutup: dict = {
        "tempat": t(),
        "tanggal": draw(st.dates(datetime.date(1990, 1, 1), datetime.date(2060, 12, 31))).isoformat(),
        "penandatangan": signer,
    }
    if draw(st.integers(0, 3)) == 0:
        penutup["tanda_tangan_elektronik"] = {"qr": t(), **({"keterangan": t(), "catatan_kaki": t()} if draw(st.booleans()) else {})}
    if draw(st.booleans()):
        penutup["titik_dua"] = True

    diktum: list = []
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.booleans()):
            diktum.append(t())
        else:
            d: dict = {"isi": t(), "rincian": texts(0, 3)}
            if draw(st.booleans()):
                d["penomoran"] = draw(st.sampled_from(["a.", "1."]))
            if draw(st.booleans()):
                d["rincian_nilai"] = nilai()
            diktum.append(d)

    data: dict = {
        "instansi": t(),
        "nomor": draw(text.filter(lambda x: "\n" not in x)),  # a number is one line
        "tahun": draw(st.integers(1945, 2100)),
        "jabatan_penetap": t(),
        "menimbang": texts(1, 3),
        "mengingat": [draw(st.one_of(text, st.builds(citation))) for _ in range(draw(st.integers(1, 3)))],
        "diktum": diktum,
        "penutup": penutup,
    }
    if draw(st.booleans()):
        data["status"] = draw(st.sampled_from(["draf", "final"]))
    for key in ("tentang", "pembukaan", "menimbang_penutup", "menetapkan"):
        if draw(st.booleans()):
            data[key] = t()
    if draw(st.booleans()):
        data["pola_nomor"] = draw(st.sampled_from(["{urut}/PP.04.1-Kpt/5201/{tahun}", "800/{urut:3}/{bulan_romawi}/{tahun}"]))
    if draw(st.booleans()):
        kop: dict = {"baris": texts(1, 2)}
        for key in ("alamat", "telepon", "faksimile", "laman", "pos_el"):
            if draw(st.booleans()):
                kop[key] = t()
        if draw(st.booleans()):
            kop["letak_logo"] = draw(st.sampled_from(["atas", "samping"]))
        data["kop"] = kop
    if draw(st.integers(0, 4)) == 0:
        data["logo"] = str(LOGO)
    if draw(st.booleans()):
        data["memperhatikan"] = [draw(st.one_of(text, st.builds(citation))) for _ in range(draw(st.integers(1, 2)))]
    if draw(st.booleans()):
        salinan: dict = {"unit": t(), "jabatan": t(), "nama": t()}
        if draw(st.booleans()):
            salinan["nip"] = t()
        if draw(st.booleans()):
            salinan["tanda"] = draw(st.booleans())
        data["salinan"] = salinan
    for key in ("disampaikan_kepada", "tembusan"):
        if draw(st.booleans()):
            data[key] = texts(1, 2)
    if draw(st.booleans()):
        lampiran = []
        for _ in range(draw(st.integers(1, 2))):
            item: dict = {"isi": blocks(0)}
            if draw(st.booleans()):
                item["judul"] = t()
            for key in ("tanggal_di_kepala", "tanda_tangan"):
                if draw(st.booleans()):
                    item[key] = draw(st.booleans())
            lampiran.append(item)
        data["lampiran"] = lampiran
    pengaturan: dict = {}
    for key, choices in {
        "gaya_diktum": ["kesatu", "pertama"], "tanda_tangan": ["ruang", "ttd", "dto."], "kertas": ["F4", "A4", "Legal"],
        "huruf": ["Arial", "Times New Roman", "Bookman Old Style"], "ukuran_huruf": [11, 12, 12.5],
        "nomor_halaman": ["atas", "bawah"], "nama_penandatangan": ["kapital", "seperti_ditulis"],
        "baris_tentang": [True, False], "bentuk_nomor": ["NOMOR", "Nomor :"], "koma_jabatan_penetap": [True, False],
        "memutuskan": ["MEMUTUSKAN:", "MEMUTUSKAN :", "MEMUTUSKAN", "M E M U T U S K A N :", "M E M U T U S K A N"],
        "lampiran_terpisah": [True, False], "tanda_baca_konsiderans": ["seragam", "seperti_ditulis"],
        "abaikan_periksa": [["urutan-kronologis"]],
    }.items():
        if draw(st.booleans()):
            pengaturan[key] = draw(st.sampled_from(choices))
    if pengaturan:
        data["pengaturan"] = pengaturan
    return data


def leaves(value: Any, path: str = "") -> dict[str, Any]:
    """Every field of dumped model data by its path (lists by index): what is counted and compared."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(leaves(item, f"{path}.{key}" if path else key))
        return out or {path: {}}
    if isinstance(value, list):
        out = {f"{path}#": len(value)}
        for i, item in enumerate(value):
            out.update(leaves(item, f"{path}[{i}]"))
        return out
    return {path: value}


@dataclass
class Outcome:
    """One decree's round trip: the fields compared and those that differ (path, sent, received)."""

    refused: str | None = None
    fields: int = 0
    differing: list[tuple[str, Any, Any]] = field(default_factory=list)


def round_trip(data: dict, use_kept: bool = True) -> Outcome:
    """Validate, render as `kpu-docs render` writes the decree's file, import the file's bytes,
    load, and compare with the decree field by field (model dumps, every field with its default)."""
    if "logo" in data and not LOGO.exists():
        LOGO.write_bytes(_png())
    try:
        keputusan = from_data(data)
    except InputError as exc:
        return Outcome(refused=str(exc))
    docx = render_packages(keputusan)[0]
    imported = import_docx(Document(io.BytesIO(docx)), use_kept=use_kept)
    try:
        back = from_data(imported.data)
    except InputError as exc:  # the text alone (use_kept=False) may not read as a valid decree
        return Outcome(fields=len(leaves(keputusan.model_dump(mode="json"))), differing=[("", "", str(exc))])
    return compare(keputusan, back)


def compare(sent: Keputusan, received: Keputusan) -> Outcome:
    """Field by field, but the logo: a path, which an import never takes from a .docx (a file from
    elsewhere must not name a file on this machine); the import notes it."""
    a, b = (leaves(k.model_dump(mode="json", exclude={"logo"})) for k in (sent, received))
    outcome = Outcome(fields=len(a))
    for path in sorted(set(a) | set(b)):
        if a.get(path, "<tidak ada>") != b.get(path, "<tidak ada>"):
            outcome.differing.append((path, a.get(path, "<tidak ada>"), b.get(path, "<tidak ada>")))
    return outcome


EDITABLE = ("menimbang", "tembusan", "diktum", "tempat", "paragraf", "sel")
"""Fields `edited` can change in a generated decree: a Menimbang, a Tembusan item, a diktum, the
place of signing, a Lampiran paragraph, a table cell (not in a body with a table inside a list
item: _table_in_item)."""


def place_marker(data: dict, kind: str, index: int, marker: str) -> str | None:
    """Put `marker` as the text of one field of `kind` (the index-th, wrapping): the path of the
    field, or None when the decree has no such field."""
    if kind in ("menimbang", "tembusan") and data.get(kind):
        i = index % len(data[kind])
        data[kind][i] = marker
        return f"{kind}[{i}]"
    if kind == "diktum":
        i = index % len(data["diktum"])
        item = data["diktum"][i]
        if isinstance(item, dict):
            item["isi"] = marker
            return f"diktum[{i}].isi"
        data["diktum"][i] = marker
        return f"diktum[{i}].isi"
    if kind == "tempat":
        data["penutup"]["tempat"] = marker
        return "penutup.tempat"
    for l, lampiran in enumerate(data.get("lampiran", [])):
        for b, block in enumerate(lampiran["isi"]):
            if kind == "paragraf" and isinstance(block, dict) and "paragraf" in block:
                block["paragraf"] = marker
                return f"lampiran[{l}].isi[{b}].paragraf"
            if kind == "sel" and isinstance(block, dict) and "tabel" in block:
                for r, row in enumerate(block["tabel"]["baris"]):
                    for c, cell in enumerate(row):
                        if isinstance(cell, str):
                            row[c] = marker
                            return f"lampiran[{l}].isi[{b}].tabel.baris[{r}][{c}]"
    return None


def replace_in_text(docx: bytes, old: str, new: str) -> bytes:
    """The .docx with `old` replaced by `new` in the one w:t that holds it, as a person types over
    a word in Word (python-docx; tests/importing/libreoffice_edit.py does it in LibreOffice)."""
    from docx.oxml.ns import qn

    document = Document(io.BytesIO(docx))
    found = [t for t in document.element.body.iter(qn("w:t")) if t.text and old in t.text]
    assert len(found) == 1, f"{old!r} printed {len(found)} times"
    found[0].text = found[0].text.replace(old, new)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _table_in_item(blocks: list) -> bool:
    """Whether a table stands among a list item's blocks: it prints like a table after the list
    (tables are centred, not indented), so a Lampiran body holding one comes back from its text
    in another shape once edited (the kept data gives it back exactly while nobody edits it)."""
    for block in blocks:
        for item in block.get("daftar", []) if isinstance(block, dict) else []:
            inner = item.get("isi", []) if isinstance(item, dict) else []
            if any(isinstance(b, dict) and ("tabel" in b or "tabel_kelompok" in b) for b in inner) or _table_in_item(inner):
                return True
    return False


def edited(data: dict, kind: str, index: int) -> tuple[Outcome, str] | None:
    """Render a decree with one field set to a marker text, change that text in the .docx, import:
    the outcome compared with the decree with that field changed (nothing else may differ), and
    the field's path. None when the decree has no field of `kind`."""
    import copy

    data = copy.deepcopy(data)
    if kind in ("paragraf", "sel"):  # edited in the decree's own file, which then holds its Lampiran
        if any(_table_in_item(lampiran["isi"]) for lampiran in data.get("lampiran", [])):
            return None
        data.setdefault("pengaturan", {})["lampiran_terpisah"] = False
    path = place_marker(data, kind, index, "teks lama 7Q")
    if path is None:
        return None
    try:
        keputusan = from_data(data)
    except InputError as exc:
        return Outcome(refused=str(exc)), path
    docx = replace_in_text(render_packages(keputusan)[0], "teks lama 7Q", "teks baru 7Q")
    place_marker(data, kind, index, "teks baru 7Q")
    imported = import_docx(Document(io.BytesIO(docx)))
    return compare(from_data(data), from_data(imported.data)), path
