"""A Lampiran and the blocks of its body: titles, headed sections, paragraphs, lists and tables."""

from __future__ import annotations

from typing import Annotated, Literal, Union, get_args

from pydantic import BeforeValidator, Discriminator, Field, Tag, model_validator

from kpu_docs.models.base import Angka, BilanganPositif, Model, Teks, TeksBebas, YaTidak, only_text
from kpu_docs.models.diktum import BarisNilai

Penomoran = Literal["A.", "1.", "a.", "1)", "a)", "(1)"]
"""List labels, in the naskah dinas hierarchy A. -> 1. -> a. -> 1) -> a) -> (1)."""

HIERARKI_PENOMORAN: tuple[str, ...] = get_args(Penomoran)
"""The labels by level: a list nested one level deeper takes the next label."""


def penomoran_bawaan(depth: int) -> str:
    """The default labels of a list standing at `depth` (0: top of a body, 1: under a section
    heading A., 2: under a 1. item, ...): the next level of the hierarchy, "1." at the least."""
    return HIERARKI_PENOMORAN[min(max(depth, 1), len(HIERARKI_PENOMORAN) - 1)]


class Judul(Model):
    """A centred title in capitals inside the Lampiran; section letters restart after it."""

    judul: Teks
    """The title's text as written; it prints in capitals."""


class Bagian(Model):
    """A section heading, lettered A., B., ... in order within its title."""

    bagian: Teks
    """The heading's text, without its letter: "Komponen Pengungkit" prints "A. Komponen Pengungkit"."""


class Paragraf(Model):
    """A justified paragraph, indented to the level it stands in."""

    paragraf: Teks  # described in the schema as running text (models.base.TEKS)


class Butir(Model):
    """One list item: its text, and optionally blocks under it (paragraphs, sub-lists)."""

    butir: Teks
    """The item's own text, after its label."""
    isi: list[Blok] = Field(default_factory=list)
    """Blocks under the item, indented to its text."""


def _text_to_butir(value: object) -> object:
    """A plain string in a list is an item without blocks under it."""
    only_text(value)
    return {"butir": value} if isinstance(value, str) else value


ButirIsian = Annotated[Butir, BeforeValidator(_text_to_butir, json_schema_input_type=Union[str, Butir])]
"""A list item in a file: its text alone, or {butir: text, isi: [blocks]}."""


class Daftar(Model):
    """A numbered or lettered list; its labels restart at the first for every list."""

    daftar: list[ButirIsian] = Field(min_length=1)
    """The items: text, or {butir: text, isi: [blocks]}."""
    penomoran: Penomoran | None = None
    """Labels; by default the next level of the hierarchy below where the list stands."""


class RincianNilai(Model):
    """"label : value" lines, the colons aligned by tab stops ("Nama : ...", "Jabatan : ...")."""

    rincian_nilai: list[BarisNilai] = Field(min_length=1)
    """The lines: [{label: Nama, nilai: Edy Putrawan}, {label: Jabatan, nilai: Ketua}]."""


class DaftarMengingat(Model):
    """The decree's Mengingat citations again as a numbered list (a Lampiran's Dasar Hukum)."""

    daftar_mengingat: Literal[True] = True
    """`daftar_mengingat: true` lists the Mengingat here, numbered 1, 2, 3, ..."""


class Sel(Model):
    """A table cell that spans rows or columns."""

    teks: TeksBebas = ""
    """Cell text; a new line in the text starts a new paragraph in the cell."""
    gabung_baris: BilanganPositif = 1
    """Rows this cell spans downwards."""
    gabung_kolom: BilanganPositif = 1
    """Columns this cell spans to the right."""


Isian = Union[TeksBebas, Sel]
"""A cell: plain text, or a Sel that spans rows or columns."""


class Tabel(Model):
    """A table with a header row repeated on every page."""

    kolom: list[Teks] = Field(min_length=1)
    """Header row."""
    baris: list[list[Isian]] = Field(default_factory=list)
    """Body rows; a cell covered by a span from above or the left is simply left out. With
    nomor_urut the rows leave the number column out."""
    lebar: list[Angka] | None = None
    """Column widths in cm; by default shared out by content."""
    lanskap: YaTidak = False
    """Print this table on landscape pages."""
    nomor_urut: YaTidak = False
    """Number the rows: the first column (named in kolom, e.g. "NO") is filled 1, 2, 3, ...,
    centred, and each row of baris leaves it out, so adding or deleting a row needs no
    renumbering. A row whose first cell is covered by a span from the row above shares that
    row's number, in one merged cell."""

    @model_validator(mode="after")
    def _spans_fit(self) -> Tabel:
        if self.nomor_urut and len(self.kolom) < 2:
            raise ValueError("tabel dengan nomor_urut perlu kolom nomor dan sedikitnya satu kolom isian")
        self.penempatan()
        return self

    def penempatan(self) -> list[tuple[int, int, Sel]]:
        """Where each body cell stands: (row, column, cell), rows counted from 1 after the header
        and columns from 0 after the generated number column, if any.

        Cells covered by a span from above or the left are skipped when placing the next cell.
        """
        cols, placed, covered = len(self.kolom) - self.nomor_urut, [], set()
        for r, row in enumerate(self.baris, start=1):
            c = 0
            for item in row:
                while (r, c) in covered:
                    c += 1
                sel = item if isinstance(item, Sel) else Sel(teks=item)
                if c + sel.gabung_kolom > cols or r + sel.gabung_baris - 1 > len(self.baris):
                    raise ValueError(f"tabel baris {r}: isian atau gabungan sel melewati batas tabel")
                placed.append((r, c, sel))
                covered |= {(i, j) for i in range(r, r + sel.gabung_baris) for j in range(c, c + sel.gabung_kolom)}
                c += sel.gabung_kolom
        return placed


class Kelompok(Model):
    """A group of rows under one name that spans them, e.g. a komponen and its indikator rows."""

    nama: Teks
    """The group's name, one merged cell over all its rows."""
    baris: list[list[TeksBebas]] = Field(min_length=1)
    """The group's rows: one text per column after the name column."""


class TabelKelompok(Model):
    """A grouped table such as the Zona Integritas action plan: NO, group name, then row columns."""

    kolom: list[Teks] = Field(min_length=3)
    """Header: the number column, the group column, then one per row cell
    (NO, KOMPONEN, INDIKATOR/PROGRAM, RENCANA AKSI, TARGET WAKTU)."""
    kelompok: list[Kelompok] = Field(min_length=1)
    """The groups, numbered 1, 2, ... in the first column."""
    lebar: list[Angka] | None = None
    """Column widths in cm; by default shared out by content."""
    lanskap: YaTidak = False
    """Print this table on landscape pages."""

    @model_validator(mode="after")
    def _rows_fit_columns(self) -> TabelKelompok:
        width = len(self.kolom) - 2
        for g, group in enumerate(self.kelompok, start=1):
            for r, row in enumerate(group.baris, start=1):
                if len(row) != width:
                    raise ValueError(
                        f"kelompok {g} ({group.nama}) baris {r}: {len(row)} isian, "
                        f"seharusnya {width} sesuai kolom"
                    )
        return self


class TabelBlok(Model):
    """Wrapper key for a table in a body."""

    tabel: Tabel
    """The table."""


class TabelKelompokBlok(Model):
    """Wrapper key for a grouped table in a body."""

    tabel_kelompok: TabelKelompok
    """The grouped table."""


_BLOCK_KEYS = ("judul", "bagian", "paragraf", "daftar", "daftar_mengingat", "tabel", "tabel_kelompok", "rincian_nilai")


def _block_kind(value: object) -> str | None:
    """Which block a file mapping (or a built model) is, by its distinguishing key."""
    if isinstance(value, dict):
        return next((key for key in _BLOCK_KEYS if key in value), None)
    return _MODEL_KINDS.get(type(value))


def _as_block(value: object) -> object:
    """A plain string in a body is a paragraph; a table built in code needs no wrapper."""
    only_text(value)
    if isinstance(value, str):
        return {"paragraf": value}
    if isinstance(value, Tabel):
        return TabelBlok(tabel=value)
    if isinstance(value, TabelKelompok):
        return TabelKelompokBlok(tabel_kelompok=value)
    return value


_BlokUnion = Annotated[
    Union[
        Annotated[Judul, Tag("judul")],
        Annotated[Bagian, Tag("bagian")],
        Annotated[Paragraf, Tag("paragraf")],
        Annotated[Daftar, Tag("daftar")],
        Annotated[DaftarMengingat, Tag("daftar_mengingat")],
        Annotated[TabelBlok, Tag("tabel")],
        Annotated[TabelKelompokBlok, Tag("tabel_kelompok")],
        Annotated[RincianNilai, Tag("rincian_nilai")],
    ],
    Discriminator(
        _block_kind,
        custom_error_type="blok_tidak_dikenal",
        custom_error_message="blok tidak dikenal: harus memuat salah satu kunci " + ", ".join(_BLOCK_KEYS),
    ),
]
Blok = Annotated[_BlokUnion, BeforeValidator(_as_block, json_schema_input_type=Union[str, _BlokUnion])]
"""A body block: a string (paragraph) or a mapping with one of the keys in _BLOCK_KEYS."""

_MODEL_KINDS: dict[type, str] = {
    Judul: "judul",
    Bagian: "bagian",
    Paragraf: "paragraf",
    Daftar: "daftar",
    DaftarMengingat: "daftar_mengingat",
    TabelBlok: "tabel",
    TabelKelompokBlok: "tabel_kelompok",
    RincianNilai: "rincian_nilai",
}


class Lampiran(Model):
    """One Lampiran: heading block generated from the decree, optional title, body, signature."""

    judul: Teks | None = None
    """Title centred in capitals under the heading block."""
    isi: list[Blok] = Field(default_factory=list)
    """Body blocks in order."""
    tanggal_di_kepala: YaTidak = False
    """Add "TANGGAL 3 SEPTEMBER 2025" to the heading block, as some offices do."""
    tanda_tangan: YaTidak = True
    """Close with the signatory's jabatan, signature and name at the bottom right."""


Butir.model_rebuild()
Daftar.model_rebuild()
