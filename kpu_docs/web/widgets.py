"""The decree's form, generated from the models: one widget per field, named by its field path.

Written in Python rather than as recursive Jinja macros: the model is recursive (a Lampiran's
lists hold blocks that hold lists), and the reference decree's form is about a thousand fields,
which a Jinja recursion renders several times slower. Every text is escaped (markupsafe).
"""

from __future__ import annotations

import datetime
import typing
from typing import Any

from markupsafe import escape
from pydantic import BaseModel

from kpu_docs.web.forms import alternatives, is_list, is_model, item_type, name_of, pick_model, strip

SECTIONS: list[tuple[str, str, list[str]]] = [
    ("judul", "Judul", ["instansi", "nomor", "pola_nomor", "tahun", "status", "tentang", "pembukaan", "jabatan_penetap",
                        "logo", "kop"]),
    ("menimbang", "Menimbang", ["menimbang", "menimbang_penutup"]),
    ("mengingat", "Mengingat", ["mengingat"]),
    ("memperhatikan", "Memperhatikan", ["memperhatikan"]),
    ("diktum", "Menetapkan dan Diktum", ["menetapkan", "diktum"]),
    ("penutup", "Penutup", ["penutup", "disampaikan_kepada", "tembusan"]),
    ("salinan", "Salinan", ["salinan"]),
    ("lampiran", "Lampiran", ["lampiran"]),
    ("pengaturan", "Pengaturan cetak", ["pengaturan"]),
]
"""The decree's parts, in the left column and down the form, each with the fields it edits."""

GENERATED = {"menimbang_penutup", "menetapkan"}
"""Texts generated from the decree unless typed: shown as generated, with "tulis sendiri"."""

LABELS = {
    "jabatan_penetap": "Jabatan penetap", "pola_nomor": "Pola nomor", "menimbang_penutup": "Penutup menimbang",
    "disampaikan_kepada": "Disampaikan kepada", "tanda_tangan_elektronik": "Tanda tangan elektronik",
    "atas_nama": "Atas nama (a.n.)", "untuk_beliau": "Untuk beliau (u.b.)", "nip": "NIP", "pos_el": "Pos-el",
    "letak_logo": "Letak logo", "letak_jabatan": "Letak jabatan", "titik_dua": "Titik dua sejajar",
    "diundangkan": "Diundangkan", "bentuk_nomor": "Bentuk nomor", "beberapa_kali": "Beberapa kali diubah",
    "rincian_nilai": "Rincian nilai", "tanggal_di_kepala": "Tanggal di kepala", "tanda_tangan": "Tanda tangan",
    "gabung_baris": "Gabung baris", "gabung_kolom": "Gabung kolom", "nomor_urut": "Nomor urut",
    "daftar_mengingat": "Daftar mengingat", "tabel_kelompok": "Tabel berkelompok", "qr": "Isi kode QR",
    "catatan_kaki": "Catatan kaki",
}

KIND_NAMES = {"Peraturan": "kutipan terstruktur", "str": "teks bebas", "Judul": "judul", "Bagian": "bagian",
              "Paragraf": "paragraf", "Daftar": "daftar", "DaftarMengingat": "daftar mengingat",
              "TabelBlok": "tabel", "TabelKelompokBlok": "tabel berkelompok", "RincianNilai": "rincian nilai",
              "Butir": "butir dengan isi", "Diktum": "diktum dengan rincian", "Sel": "sel"}


def label(key: str) -> str:
    return LABELS.get(key) or key.replace("_", " ").capitalize()


class Context:
    """What rendering needs besides the data: messages by field, and which were shown."""

    def __init__(self, messages: dict[str, list[tuple[str, str, str]]], generated: dict[str, str | None] | None = None,
                 printed: dict[str, str] | None = None):
        self.messages = messages
        self.shown: set[str] = set()
        self.generated = generated or {}
        self.printed = printed or {}
        """field path -> the sentence it prints (a structured citation), shown beneath it."""

    def notes(self, name: str) -> str:
        found = self.messages.get(name)
        if not found:
            return ""
        self.shown.add(name)
        return "".join(
            f'<div class="pesan-bidang {kind}" data-untuk="{escape(name)}">{escape(text)}'
            + (f' <span class="aturan">[{escape(rule)}]</span>' if rule else "") + "</div>"
            for kind, text, rule in found)

    def unshown(self) -> list[tuple[str, str, str, str]]:
        return [(path, *m) for path, ms in self.messages.items() if path not in self.shown for m in ms]


def _id(name: str) -> str:
    return "f-" + "".join(c if c.isalnum() else "-" for c in name)


def _literal_options(tp: Any) -> list[Any] | None:
    if typing.get_origin(tp) is typing.Literal:
        return list(typing.get_args(tp))
    return None


def _scalar_input(name: str, tp: Any, value: Any, default: Any, required: bool, long: bool = False) -> str:
    """One input for a text, number, date, yes/no or choice."""
    nid = _id(name)
    options = _literal_options(tp)
    if tp is bool or options is not None:
        choices = [(True, "ya"), (False, "tidak")] if tp is bool else [(o, str(o)) for o in options or []]
        html = f'<select name="{escape(name)}" id="{nid}">'
        if not required:
            shown_default = {True: "ya", False: "tidak"}.get(default, default) if default is not None else "tidak ada"
            html += f'<option value="">bawaan ({escape(str(shown_default))})</option>'
        for option, text in choices:
            raw = ("true" if option else "false") if isinstance(option, bool) else str(option)
            selected = " selected" if value is not None and value == option else ""
            html += f'<option value="{escape(raw)}"{selected}>{escape(text)}</option>'
        return html + "</select>"
    text = "" if value is None else (value.isoformat() if isinstance(value, datetime.date) else str(value))
    placeholder = f' placeholder="bawaan: {escape(str(default))}"' if default not in (None, "") and not isinstance(default, list) else ""
    if tp is datetime.date:
        return f'<input type="date" name="{escape(name)}" id="{nid}" value="{escape(text)}">'
    if tp in (int, float):
        return f'<input name="{escape(name)}" id="{nid}" value="{escape(text)}" inputmode="decimal" size="8"{placeholder}>'
    if long or "\n" in text or len(text) > 70:
        rows = max(2, min(12, len(text) // 80 + text.count("\n") + 1))
        return f'<textarea name="{escape(name)}" id="{nid}" rows="{rows}"{placeholder}>{escape(text)}</textarea>'
    return f'<input name="{escape(name)}" id="{nid}" value="{escape(text)}"{placeholder}>'


LONG_TEXT = {"menimbang", "diktum", "isi", "paragraf", "butir", "tentang", "rincian", "mengingat", "memperhatikan",
             "disampaikan_kepada", "tembusan", "tentang"}


def field_row(name: str, key: str, tp: Any, value: Any, default: Any, required: bool, ctx: Context) -> str:
    """A labelled field of a model: scalar, nested part, list or union."""
    base, optional = strip(tp)
    if key in GENERATED:
        return _generated(name, key, value, ctx)
    if is_list(base):
        return list_widget(name, key, base, value or [], ctx)
    models = [a for a in alternatives(base) if is_model(a)]
    if models and len(alternatives(base)) == 1:
        return part_widget(name, key, models[0], value, optional or not required, ctx)
    upload = ""
    if name == "logo":  # a picture chosen on this computer is copied beside the decree
        upload = ('<input type="file" accept="image/png,image/jpeg" data-unggah-logo title="Unggah gambar logo" '
                  'aria-label="Unggah gambar logo">')
    return (f'<div class="bidang"><label for="{_id(name)}">{escape(label(key))}</label><div class="isi">'
            f'{_scalar_input(name, base, value, default, required, key in LONG_TEXT)}{upload}{ctx.notes(name)}</div></div>')


def _generated(name: str, key: str, value: Any, ctx: Context) -> str:
    mode = "otomatis" if value is None else "kosong" if value == "" else "sendiri"
    shown = ctx.generated.get(key) or ""
    options = "".join(f'<option value="{m}"{" selected" if m == mode else ""}>{t}</option>'
                      for m, t in (("otomatis", "dibuat otomatis"), ("sendiri", "ubah sendiri"), ("kosong", "tanpa")))
    return (f'<div class="bidang"><label for="{_id(name)}">{escape(label(key))}</label><div class="isi">'
            f'<select name="{escape(name)}._mode" data-mode-untuk="{_id(name)}">{options}</select>'
            f'<div class="dibuat-otomatis" {"hidden" if mode != "otomatis" else ""}>{escape(shown)}</div>'
            f'<textarea name="{escape(name)}._teks" id="{_id(name)}" rows="3" {"hidden" if mode != "sendiri" else ""}>'
            f'{escape(value or shown)}</textarea>{ctx.notes(name)}</div></div>')


def model_fields(name: str, model: type[BaseModel], value: dict | None, ctx: Context, only: list[str] | None = None) -> str:
    """Every field of `model` (or those in `only`), named under `name`."""
    value = value if isinstance(value, dict) else {}
    html = []
    for key, field in model.model_fields.items():
        if only is not None and key not in only:
            continue
        sub = f"{name}.{key}" if name else key
        default = None if field.is_required() else field.get_default(call_default_factory=True)
        html.append(field_row(sub, key, field.annotation, value.get(key), default, field.is_required(), ctx))
    return "".join(html)


def part_widget(name: str, key: str, model: type[BaseModel], value: Any, optional: bool, ctx: Context) -> str:
    """A nested part (kop, penutup, penandatangan ...): a fieldset; an optional one with a tick box."""
    present = isinstance(value, dict)
    head = escape(label(key))
    toggle = ""
    if optional:
        toggle = (f'<input type="hidden" name="{escape(name)}._opsional" value="1">'
                  f'<label class="ada"><input type="checkbox" name="{escape(name)}._ada" value="1"'
                  f'{" checked" if present else ""} data-ada> ada</label>')
    body = model_fields(name, model, value if present else None, ctx)
    return (f'<fieldset class="bagian-model" data-jalur="{escape(name)}"><legend>{head} {toggle}</legend>'
            f'{ctx.notes(name)}<div class="isi-bagian" {"hidden" if optional and not present else ""}>{body}</div></fieldset>')


def _item_kind(options: list[Any], value: Any) -> Any:
    if isinstance(value, str) or value is None:
        return str if str in options or any(is_model(o) for o in options) else options[0]
    return pick_model(options, value) or options[0]


def item_widget(name: str, tp: Any, value: Any, ctx: Context, index: int, kind: Any = None) -> str:
    """One list item: its label, its widget, and the buttons to move and remove it."""
    options = alternatives(tp)
    kind = kind or _item_kind(options, value)
    choices = [o for o in options if is_model(o)]
    if str in options or any(is_model(o) for o in options) and _accepts_text(tp):
        choices = [str, *choices]
    if is_model(kind):
        if kind.__name__ == "TabelBlok" or kind.__name__ == "TabelKelompokBlok":
            inner = table_block(name, kind, value if isinstance(value, dict) else {}, ctx)
        else:
            inner = f'<div class="model-butir">{model_fields(name, kind, value, ctx)}</div>'
    elif is_list(kind):
        inner = list_widget(name, "", kind, value or [], ctx)
    else:
        inner = _scalar_input(name, kind, value if not isinstance(value, dict) else "", None, True, long=True)
    switch = ""
    if len(choices) > 1 and "Tabel" not in getattr(kind, "__name__", ""):
        opts = "".join(f'<option value="{c.__name__}"{" selected" if c is kind else ""}>{KIND_NAMES.get(c.__name__, c.__name__)}</option>'
                       for c in choices)
        switch = (f'<select class="bentuk" name="{escape(name)}._bentuk" title="Bentuk butir" '
                  f'data-ganti-bentuk>{opts}</select>')
    return (f'<div class="butir" data-ke="{index}"><span class="label-butir">{index}.</span>'
            f'<div class="isi">{switch}{inner}{_printed(name, ctx)}{ctx.notes(name)}</div>'
            '<span class="tombol-butir"><button type="button" class="kecil" data-naik title="Naikkan">&#8593;</button>'
            '<button type="button" class="kecil" data-turun title="Turunkan">&#8595;</button>'
            '<button type="button" class="kecil bahaya" data-hapus title="Hapus butir">&#215;</button></span></div>')


def _printed(name: str, ctx: Context) -> str:
    sentence = ctx.printed.get(name)
    return f'<div class="dibuat-otomatis kutipan" title="Tercetak">{escape(sentence)}</div>' if sentence else ""


def _accepts_text(tp: Any) -> bool:
    """Whether a model item may be written as plain text in the file (DiktumIsian, ButirIsian, Blok)."""
    return typing.get_origin(tp) is typing.Annotated and any(
        "BeforeValidator" in type(m).__name__ for m in typing.get_args(tp)[1:])


def list_widget(name: str, key: str, tp: Any, items: list, ctx: Context) -> str:
    """A list: its items, and "+ butir" which asks the server for a new item's widget."""
    inner_tp = item_type(tp)
    if is_list(strip(inner_tp)[0]):
        return grid(name, key, [], items, ctx)
    body = "".join(item_widget(f"{name}[{i}]", inner_tp, item, ctx, i) for i, item in enumerate(items, start=1))
    options = alternatives(inner_tp)
    choices = [o for o in options if is_model(o)]
    if str in options or (choices and _accepts_text(inner_tp)):
        choices = [str, *choices]
    adders = "".join(
        f'<button type="button" class="kecil" data-tambah="{c.__name__}">+ {KIND_NAMES.get(c.__name__, "butir") if len(choices) > 1 else "butir"}</button>'
        for c in (choices or [str]))
    shown_by_section = name == key and label(key) in {title for _, title, _ in SECTIONS}
    head = f'<h3 class="judul-daftar">{escape(label(key))}</h3>' if key and not shown_by_section else ""
    return (f'<div class="daftar-isian" data-jalur="{escape(name)}">{head}{ctx.notes(name)}'
            f'<div class="butir-butir">{body}</div><div class="tambah">{adders}</div></div>')


def grid(name: str, key: str, columns: list[str], rows: list, ctx: Context) -> str:
    """A table's rows as a grid of inputs: paste cells copied from Excel or Calc into any cell."""
    width = len(columns) or max([len(r) for r in rows if isinstance(r, list)] or [1])
    head = "".join(f"<th>{escape(c)}</th>" for c in columns) or "".join(f"<th>{i}</th>" for i in range(1, width + 1))
    body = []
    for r, row in enumerate(rows, start=1):
        cells = []
        own = row if isinstance(row, list) else [row]
        for c in range(1, len(own) + 1):  # a row under merged cells has fewer cells of its own
            cell = own[c - 1]
            cname = f"{name}[{r}][{c}]"
            if isinstance(cell, dict):  # a merged cell: its text, and its spans kept
                extra = "".join(f'<input type="hidden" name="{escape(cname)}.{k}" value="{escape(str(v))}">'
                                for k, v in cell.items() if k != "teks")
                cells.append(f'<td><input name="{escape(cname)}.teks" value="{escape(str(cell.get("teks", "")))}">{extra}</td>')
            else:
                cells.append(f'<td><input name="{escape(cname)}" value="{escape(str(cell))}"></td>')
            ctx.shown.discard(cname)
        notes = "".join(ctx.notes(f"{name}[{r}][{c}]") for c in range(1, len(own) + 1)) + ctx.notes(f"{name}[{r}]")
        body.append(f'<tr class="butir" data-ke="{r}">{"".join(cells)}<td class="tombol-butir">'
                    '<button type="button" class="kecil" data-naik title="Naikkan">&#8593;</button>'
                    '<button type="button" class="kecil" data-turun title="Turunkan">&#8595;</button>'
                    '<button type="button" class="kecil bahaya" data-hapus title="Hapus baris">&#215;</button>'
                    f'{notes}</td></tr>')
    title = f'<h3 class="judul-daftar">{escape(label(key))}</h3>' if key else ""
    return (f'<div class="daftar-isian grid-isian" data-jalur="{escape(name)}" data-kolom="{width}">{title}{ctx.notes(name)}'
            f'<table class="grid"><thead><tr>{head}<th></th></tr></thead><tbody class="butir-butir">{"".join(body)}</tbody></table>'
            '<div class="tambah"><button type="button" class="kecil" data-tambah-baris>+ baris</button> '
            '<span class="petunjuk">Tempel sel dari Excel atau Calc ke sel mana pun: baris baru ditambahkan.</span></div></div>')


def table_block(name: str, kind: type[BaseModel], value: dict, ctx: Context) -> str:
    """A Lampiran table: its columns and options as fields, its rows as a grid."""
    key = "tabel" if kind.__name__ == "TabelBlok" else "tabel_kelompok"
    inner_model = strip(kind.model_fields[key].annotation)[0]
    table: dict = value[key] if isinstance(value.get(key), dict) else {}
    sub = f"{name}.{key}"
    fields = model_fields(sub, inner_model, table, ctx, only=[k for k in inner_model.model_fields if k not in ("baris", "kelompok")])
    if key == "tabel":
        rows = grid(f"{sub}.baris", "baris", [str(c) for c in table.get("kolom") or []], table.get("baris") or [], ctx)
    else:
        rows = model_fields(sub, inner_model, table, ctx, only=["kelompok"])
    return f'<fieldset class="tabel-lampiran"><legend>Tabel</legend>{fields}{rows}</fieldset>'


def section_counts(data: dict, messages: dict[str, list[tuple[str, str, str]]]) -> list[tuple[str, str, int | None, int, int]]:
    """(anchor, title, items, errors, warnings) of each part, for the left column."""
    out = []
    for anchor, title, keys in SECTIONS:
        items = None
        if len(keys) == 1 and isinstance(data.get(keys[0]), list):
            items = len(data[keys[0]])
        errors = warnings = 0
        for path, found in messages.items():
            head = path.split(".")[0].split("[")[0]
            if head in keys or (not path and anchor == "judul"):
                errors += sum(1 for m in found if m[0] == "galat")
                warnings += sum(1 for m in found if m[0] == "peringatan")
        out.append((anchor, title, items, errors, warnings))
    return out


def form_body(data: dict, ctx: Context) -> str:
    """The whole decree's form, part by part."""
    from kpu_docs.models import Keputusan

    parts = []
    for anchor, title, keys in SECTIONS:
        parts.append(f'<section id="bagian-{anchor}" class="bagian-isian"><h2>{escape(title)}</h2>'
                     f'{model_fields("", Keputusan, data, ctx, only=keys)}</section>')
    return "".join(parts)


def new_item(name: str, tp: Any, kind_name: str, ctx: Context, index: int) -> str:
    """The widget of a new, empty item of the list at `name` (for "+ butir" and switching forms)."""
    options = alternatives(tp)
    kind: Any = str if kind_name == "str" else next((o for o in options if getattr(o, "__name__", "") == kind_name), None)
    if kind is None:
        kind = next((o for o in _all_models(tp) if o.__name__ == kind_name), str)
    value: Any = "" if kind is str else _empty(kind)
    return item_widget(name, tp, value, ctx, index, kind=kind)


def _all_models(tp: Any) -> list[Any]:
    return [o for o in alternatives(tp) if is_model(o)]


def _empty(model: type[BaseModel]) -> dict:
    """A new part's starting data: its required texts empty, a table with one column and row."""
    name = model.__name__
    if name == "TabelBlok":
        return {"tabel": {"kolom": ["No.", "Uraian"], "baris": [["", ""]]}}
    if name == "TabelKelompokBlok":
        return {"tabel_kelompok": {"kolom": ["No.", "Uraian", "Keterangan"], "kelompok": [{"nama": "", "baris": [["", "", ""]]}]}}
    data: dict = {}
    for key, field in model.model_fields.items():
        if field.is_required():
            base = strip(field.annotation)[0]
            data[key] = [""] if is_list(base) else ("" if not is_model(base) else {})
    return data


def type_at(path: tuple) -> Any:
    """The annotation of the value at `path` (keys and 0-based positions) of a Keputusan's data."""
    from kpu_docs.models import Keputusan

    tp: Any = Keputusan
    value_kind = None
    for part in path:
        base = strip(tp)[0]
        if isinstance(part, int):
            if not is_list(base):
                raise KeyError(part)
            tp = item_type(base)
            continue
        options = _all_models(base) if not is_model(base) else [base]
        owner = next((o for o in options if part in o.model_fields), None)
        if owner is None:
            raise KeyError(part)
        tp = owner.model_fields[part].annotation
    del value_kind
    return tp
