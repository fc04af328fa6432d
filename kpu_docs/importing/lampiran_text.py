"""A hand-written Lampiran: its heading block, title, body and closing signature, from lines.

The body has headings ("A. Latar Belakang"), paragraphs, typed lists and tab-separated tables,
but no indentation to say what belongs to what. Lists nest by their labels (a lettered list
after "1. ..." goes under that item); a paragraph belongs to the item before it when the item
reads as a heading, and otherwise closes the lists.
"""

from __future__ import annotations

import re

from pydantic import ValidationError

from kpu_docs.formatting import nama_bulan
from kpu_docs.importing import body as bodies
from kpu_docs.importing.casing import is_capitals
from kpu_docs.importing.citations import parse_citation
from kpu_docs.importing.lines import AN, LAMPIRAN, SALINAN, TTD, Src, Wrapped, list_label, strip_item
from kpu_docs.importing.tables import aligned_header, aligned_rows, bar_cells, bar_table, continues_table, is_rule, starts_table, text_table
from kpu_docs.models import Peraturan
from kpu_docs.wording import kutipan
from kpu_docs.wording.punctuation import bare

_BAGIAN = re.compile(r"^(?P<letter>[A-Z])\.\s+(?P<text>\S.*)$")
_PLACE_DATE = re.compile(r"^[A-Z][\w .'-]*,\s*\d{1,2}\s+[A-Za-z]+\s+\d{4}$")
"""The place and date a Lampiran's signature may open with: "Wates, 14 Mei 2010"."""
_CONNECTOR = re.compile(r"\b(?:dan|atau|di|ke|dari|yang|serta|dengan|tentang|pada|untuk|dalam|atas|bagi|oleh|terhadap|sebagai)$", re.I)


class LampiranReader:
    """Reads one Lampiran; what it cannot place goes to the shared notes."""

    def __init__(self, notes: list[str], texts: list[str]):
        self.notes = notes
        self.all_texts = texts

    def report(self, s: Src, where: str) -> None:
        self.notes.append(f"baris {s.number} ({where}): {s.text}")

    def read(self, lines: list[Src], index: int, data: dict) -> dict | None:
        """The index-th Lampiran's data from its lines (heading first), or None when it is empty."""
        where = f"lampiran {index}"
        heading_end, tanggal_di_kepala = self._lampiran_heading(lines, data.get("tentang"))
        body = lines[heading_end:]
        signer = data["penutup"]["penandatangan"]
        closing = self._closing_start(body, signer)
        content, closing_lines = body[:closing], body[closing:]
        blocks, judul = self._body(content, where, data)
        signed = self._check_closing(closing_lines, data, where)
        if judul is None and not blocks:
            self.notes.append(f"{where}: lampiran tanpa judul dan isi, tidak dimuat")
            return None
        out: dict = {}
        if judul is not None:
            out["judul"] = judul
        if blocks:
            out["isi"] = blocks
        if tanggal_di_kepala:
            out["tanggal_di_kepala"] = True
        if not signed:
            out["tanda_tangan"] = False
        return out

    def _lampiran_heading(self, lines: list[Src], tentang: str | None) -> tuple[int, bool]:
        """Index where the heading block (LAMPIRAN / KEPUTUSAN ... / NOMOR / TENTANG / subject) ends."""
        m = LAMPIRAN.match(lines[0].text)
        target = len(tentang.split()) if tentang else 0
        state, words, blank, tanggal = "label", 0, False, False
        queue = [(0, m["rest"])] if m and m["rest"] else []
        end = 1
        i = 1
        while True:
            if queue:
                _, text = queue.pop(0)
                position = end
            elif i < len(lines):
                text, position = lines[i].text, i + 1
                i += 1
                if not text:
                    blank = True
                    continue
            else:
                break
            upper = text.upper()
            if upper.startswith("KEPUTUSAN") and state == "label":
                state = "instansi"
            elif state == "instansi" and is_capitals(text) and not upper.startswith(("NOMOR", "TENTANG")):
                pass
            elif upper.startswith("NOMOR") and state in ("label", "instansi"):
                state = "nomor"
            elif upper.startswith("TENTANG") and state in ("nomor", "instansi"):
                state = "tentang"
                words = len(text.split()) - 1
            elif state == "tentang" and is_capitals(text) and not upper.startswith("TANGGAL") and words < target and (not blank or words == 0):
                words += len(text.split())
            elif upper.startswith("TANGGAL") and state in ("nomor", "tentang"):
                tanggal = True
                end = position
                break
            else:
                break
            blank = False
            end = position
        return end, tanggal

    def _closing_start(self, body: list[Src], signer: dict) -> int:
        """Where the signature or salinan block begins: the first line that is the signer's jabatan
        (alone or with the next filled line), an a.n. line, a ttd mark or the salinan formula, or
        the "Wates, 14 Mei 2010" line above it."""
        jabatan = bare(signer.get("jabatan", "")).upper()
        filled = [(i, s.text) for i, s in enumerate(body) if s.text]
        for k, ((i, text), (_, nxt)) in enumerate(zip(filled, filled[1:] + [(len(body), "")])):
            candidates = (bare(text).upper(), bare(f"{text} {nxt}").upper())
            signature = bool(jabatan) and jabatan in candidates
            on_behalf = (m := AN.match(text)) is not None and is_capitals(m["rest"])
            if signature or on_behalf or TTD.match(text) or SALINAN.match(text):
                if k and _PLACE_DATE.match(filled[k - 1][1]):
                    return filled[k - 1][0]
                return i
        return len(body)

    def _check_closing(self, lines: list[Src], data: dict, where: str) -> bool:
        """Whether the Lampiran is signed; lines not part of the signature or salinan are reported."""
        signer = data["penutup"]["penandatangan"]
        salinan = data.get("salinan") or {}
        penutup = data["penutup"]
        when = penutup.get("tanggal")
        place_date = [penutup.get("tempat", ""), f"{when.day} {nama_bulan(when.month)} {when.year}" if when else ""]
        known = " ".join(
            str(v) for v in [*signer.values(), *salinan.values(), *place_date, "ttd dto cap salinan sesuai dengan aslinya nip a.n."]
        )
        vocabulary = set(re.findall(r"\w+", known.lower()))
        jabatan = bare(signer.get("jabatan", "")).upper()
        signed = False
        for s in lines:
            if not s.text:
                continue
            if jabatan and jabatan in bare(s.text).upper() or TTD.match(s.text):
                signed = True
            if not set(re.findall(r"\w+", s.text.lower())) <= vocabulary:
                self.report(s, f"{where}, penutup")
        if not signed:
            joined = bare(" ".join(s.text for s in lines if s.text and not SALINAN.match(s.text))).upper()
            signed = bool(jabatan) and jabatan in joined
        return signed

    def _body(self, lines: list[Src], where: str, data: dict) -> tuple[list[dict], str | None]:
        entries = self._entries(lines, where)
        builder = _Builder()
        judul = None
        for entry in entries:
            kind = entry["kind"]
            if kind == "judul" and judul is None and not builder.root:
                judul = entry["text"]
            elif kind == "judul":
                builder.heading({"judul": entry["text"]})
            elif kind == "bagian":
                builder.heading({"bagian": entry["text"]})
            elif kind == "table":
                builder.table(entry["block"])
            elif kind == "item":
                builder.item(entry["label"], entry["n"], entry["text"])
            else:
                builder.paragraph(entry["text"])
        self._mengingat_lists(builder.root, data.get("mengingat", []))
        return bodies.finish(builder.root), judul

    def _entries(self, lines: list[Src], where: str) -> list[dict]:
        entries: list[dict] = []
        raws = [line.raw for line in lines]
        i = 0
        while i < len(lines):
            s = lines[i]
            if not s.text:
                i += 1
                continue
            if barred := bar_table(raws, i):
                barred_rows = [(line.number, bar_cells(line.raw) or []) for line in lines[i:i + barred] if not is_rule(line.raw)]
                numbering = [str(k) for k in range(1, len(barred_rows[0][1]) + 1)]  # "| 1 | 2 | 3 |" under the header
                typed = [(number, "\t".join(cells)) for number, cells in barred_rows if cells != numbering]
                block, reports = text_table(typed)
                self.notes += [f"{where}, {r}" for r in reports]
                if block is not None:
                    entries.append({"kind": "table", "block": block})
                i += barred
                continue
            aligned = "\t" not in s.raw and aligned_header(s.raw)
            if starts_table(s.raw) or aligned:
                j = i
                rows = []
                while j < len(lines) and (aligned or continues_table(lines[j].raw) or not lines[j].text):
                    rows.append((lines[j].number, lines[j].raw if lines[j].text or aligned else ""))
                    j += 1
                if aligned:  # laid out with spaces, to the end of the Lampiran's body
                    rows = aligned_rows(s.raw, rows)
                while rows and not rows[-1][1].strip():
                    rows.pop()
                block, reports = text_table(rows)
                self.notes += [f"{where}, {r}" for r in reports]
                if block is not None:
                    entries.append({"kind": "table", "block": block})
                i = j
                continue
            text = s.text
            last = entries[-1] if entries else None
            kind, n, body = list_label(text)
            if m := _BAGIAN.match(text):
                entries.append({"kind": "bagian", "text": Wrapped(m["text"]), "length": len(text)})
            elif kind is not None:
                entries.append({"kind": "item", "label": kind, "n": n, "text": Wrapped(body), "length": len(text)})
            elif is_capitals(text) and (not text.endswith((".", ";", ",")) or last and last["kind"] == "judul"):
                if last and last["kind"] == "judul" and last.get("line") == i - 1 - self._blanks_before(lines, i):
                    last["text"].add(text)
                    last["line"] = i
                else:
                    entries.append({"kind": "judul", "text": Wrapped(text), "line": i})
            elif last and self._continues(last, text):
                last["text"].add(text)
                last["length"] = len(text)
            else:
                entries.append({"kind": "para", "text": Wrapped(text), "length": len(text)})
            i += 1
        for entry in entries:
            if "text" in entry:
                entry["text"] = str(entry["text"])
        return entries

    @staticmethod
    def _blanks_before(lines: list[Src], i: int) -> int:
        count = 0
        while i - count - 1 >= 0 and not lines[i - count - 1].text:
            count += 1
        return count

    @staticmethod
    def _continues(last: dict, text: str) -> bool:
        """Whether `text` is the wrapped rest of the previous paragraph or item."""
        if last["kind"] not in ("para", "item", "bagian"):
            return False
        if text[:1].islower():
            return True
        if last["kind"] == "bagian":
            return False
        previous = last["text"].end.rstrip()
        if previous.endswith((",", "-")) or _CONNECTOR.search(previous):
            return True
        return not previous.endswith((".", ";", ":", "!", "?", ")")) and last["length"] >= 60

    @staticmethod
    def _mengingat_lists(blocks: list[dict], mengingat: list) -> None:
        """A list whose items cite exactly the Mengingat (after normalising) becomes daftar_mengingat."""
        if not mengingat:
            return
        try:
            expected = [kutipan(Peraturan(**m)) if isinstance(m, dict) else m for m in mengingat]
        except (ValidationError, TypeError):
            return
        LampiranReader._replace_mengingat_lists(blocks, expected)

    @staticmethod
    def _replace_mengingat_lists(blocks: list[dict], expected: list[str]) -> None:
        """_mengingat_lists with the Mengingat citations printed once, not once per nested list."""
        for i, block in enumerate(blocks):
            if "daftar" in block:
                items = block["daftar"]
                if (
                    all(not item["isi"] for item in items)
                    and len(items) == len(expected)
                    and all(_cited(item["butir"]) == e for item, e in zip(items, expected))  # stops at the first item that differs
                ):
                    blocks[i] = {"daftar_mengingat": True}
                    continue
                for item in items:
                    LampiranReader._replace_mengingat_lists(item["isi"], expected)


def _cited(butir: str) -> str:
    """A list item as the citation it prints after normalising (parse_citation's check passed)."""
    parsed = parse_citation(strip_item(butir), normalise=True)
    return kutipan(Peraturan(**parsed)) if isinstance(parsed, dict) else parsed


class _Builder:
    """Nests typed lists: an item continues the open list of its label kind when its number follows
    on; a new kind nests under the current item; a paragraph goes under an item that reads as a
    heading ("1. Deklarasi Pencanangan"), otherwise it closes the lists."""

    def __init__(self) -> None:
        self.root: list[dict] = []
        self.stack: list[dict] = []  # open lists: {"block", "kind", "last", "container"}

    def heading(self, block: dict) -> None:
        self.stack.clear()
        self.root.append(block)

    def table(self, block: dict) -> None:
        self.stack.clear()
        self.root.append(block)

    def item(self, kind: str, n: int | None, text: str) -> None:
        """A list item labelled `kind` with ordinal `n`: continue, restart or nest a list."""
        same = next((i for i in range(len(self.stack) - 1, -1, -1) if self.stack[i]["kind"] == kind), None)
        if same is not None and (n is None or n == self.stack[same]["last"] + 1):
            del self.stack[same + 1:]
            entry = self.stack[same]
        else:
            if same is not None and n == 1:
                container = self.stack[same]["container"]
                del self.stack[same:]
            elif self.stack:
                container = self.stack[-1]["block"]["daftar"][-1]["isi"]
            else:
                container = self.root
            block = bodies.new_list(kind)
            container.append(block)
            entry = {"block": block, "kind": kind, "last": 0, "container": container}
            self.stack.append(entry)
        entry["block"]["daftar"].append(bodies.new_item(text))
        entry["last"] = n if n is not None else entry["last"] + 1

    def paragraph(self, text: str) -> None:
        """A paragraph: under the innermost item that reads as a heading, else at the top level."""
        while self.stack:
            entry = self.stack[-1]
            items = entry["block"]["daftar"]
            if _open_for_paragraphs(items):
                items[-1]["isi"].append({"paragraf": text})
                return
            self.stack.pop()
        self.root.append({"paragraf": text})


def _open_for_paragraphs(items: list[dict]) -> bool:
    """Whether the last item takes the paragraphs that follow it (it reads as a heading)."""
    item = items[-1]
    if item["isi"]:
        return True
    text = item["butir"].rstrip()
    heading = not text.endswith((";", ",")) and (
        not text.endswith((".", "!", "?")) or text.endswith(":") or len(text.split()) <= 5
    )
    return heading and (len(items) == 1 or bool(items[-2]["isi"]))


