"""Hand-written decrees from lines of text: a .txt, an OCR text, or a .docx made in Word.

Such a decree has the same parts as ours but no styles to tell them apart, so the reader finds
the parts by their fixed words (Menimbang, Mengingat, MEMUTUSKAN, Menetapkan, KESATU,
Ditetapkan di, Salinan sesuai dengan aslinya, Tembusan, LAMPIRAN), tolerating the variation of
real files: labels in any case with or without a colon, letters typed by hand, OCR bullets,
items wrapped over several lines and pages. What cannot be placed is reported with its line
number; nothing is dropped silently.

Two steps with typed records between them: finding (`_Reader.find_parts`: the lines sorted into
`Parts` at the fixed words) and assembling (`_Reader.assemble`: each part read on its own, the
title block into a `Title`, then the data put together in the order of the model). A new form of
a part is a change to the method that reads that part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kpu_docs.checks import NOMOR_KOSONG
from kpu_docs.importing.casing import Casing, is_capitals
from kpu_docs.importing.citations import parse_citation
from kpu_docs.importing.dates import parse_tanggal
from kpu_docs.importing.konsiderans import DIKTUM_LABELS, casing_from_closing, menetapkan_field, split_menimbang
from kpu_docs.importing.lampiran_text import LampiranReader
from kpu_docs.importing import signature
from kpu_docs.importing.lines import ARTEFACT, ITEM_END, LAMPIRAN, LONE_LABEL, SALINAN, TTD, Src, Wrapped, list_label, prepare, strip_item


_KONSIDERANS = re.compile(r"^(?P<name>menimbang|mengingat|memperhatikan|menetapkan)\b\s*:?\s*(?P<rest>.*)$", re.I)
_MEMUTUSKAN = re.compile(r"^m\s*e\s*m\s*u\s*t\s*u\s*s\s*k\s*a\s*n\s*[:.]?$", re.I)
_DITETAPKAN = re.compile(r"^ditetapkan\s+di\s*:?\s*(?P<tempat>.*?)\s*[.,]?(?:\s+(?P<tanggal>pada\s+tanggal\b.*))?$", re.I)
"""The place of enactment; "pada tanggal ..." may follow on the same line, as a web page sets it."""
_TANGGAL = re.compile(r"^pada\s+(?:tanggal\s*:?\s*(?P<tanggal>.*)|(?P<stamp>\W{0,2}\d{1,2}\s*[A-Za-z]{3,9}\.?\s*\d{4}\W?))$", re.I)
"""The date of enactment: "pada tanggal 3 September 2025", or a date stamp that covers the word
"tanggal" on a scan ("Pada #1 MAR 2005")."""
_TEMBUSAN = re.compile(r"^tembusan\b(?:[^:]{0,30}:\s*(?P<rest>.*)|(?:\s+\S+){0,2})$", re.I)
"""The Tembusan heading: "Tembusan:", "Tembusan Yth.:", "Tembusan disampaikan kepada:" (items may follow)."""
_DISTRIBUSI = re.compile(
    r"^salinan\s+(?:surat\s+)?keputusan\b.{0,40}?\bdisampaikan\s+kepada\b\s*(?:yth\.?)?\s*:?\s*(?P<rest>.*)$", re.I
)
"""The heading of a distribution list: "Salinan Keputusan (Bupati) ini disampaikan kepada (Yth.):"."""
_PEMBUKAAN = re.compile(r"^dengan\s+rahmat\s+tuhan\s+yang\s+maha\s+esa\W*$", re.I)


def _spaced_number(nomor: str, rest: str) -> tuple[str, str]:
    """A number with "/" that OCR or typing broke with spaces ("-4 / PL.03.4-Kpt/ 12/Prov/III/2018"),
    joined, and the rest of the line after it."""
    while m := re.match(r"^(\S+)\s*(.*)$", rest):
        if not (nomor.endswith("/") or m[1].startswith("/")):
            break
        nomor, rest = nomor + m[1], m[2]
    return nomor, rest


def diktum_label(text: str) -> tuple[str, str] | None:
    """("KESATU", rest) when the line opens a diktum: "KESATU :", "Kesatu:", "KEDUA BELAS ..."."""
    for k in (5, 4, 3, 2, 1):
        words = text.split(None, k)
        if len(words) < k:
            continue
        head = " ".join(words[:k])
        colon = head.endswith(":")
        head = head.rstrip(":").rstrip()
        if head.endswith(" :"):
            continue
        rest = words[k] if len(words) > k else ""
        if rest.startswith(":"):
            colon, rest = True, rest[1:].strip()
        if head.upper() in DIKTUM_LABELS and (colon or not rest or head.isupper() and not rest[:1].islower()):
            return head.upper(), rest
    return None


_CAPITAL_LABEL = re.compile(r"^(?P<letter>[A-Z])\.\s+(?P<text>\S.*)$")
"""A diktum's sub-list labelled in capitals ("A. Kepala Unit ...:"), its numbered items under it."""
_REFERENCE_END = re.compile(r"\b(?:diktum|dalam|pada)$", re.I)
"""A text ending in a reference word: "... sebagaimana dimaksud dalam Diktum" / "KESATU ..." on
the next line is the reference continued, not a new diktum."""


@dataclass
class Parts:
    """The decree's lines sorted into its parts by their fixed words (the finding step); each
    part is read on its own when the data is assembled. A part the decree lacks has no lines."""

    kepala: list[Src] = field(default_factory=list)
    """Everything before the first part: kop, title block, pembukaan, jabatan."""
    menimbang: list[Src] = field(default_factory=list)
    mengingat: list[Src] = field(default_factory=list)
    memperhatikan: list[Src] = field(default_factory=list)
    memutuskan: list[Src] = field(default_factory=list)
    menetapkan: list[Src] = field(default_factory=list)
    diktum: list[Src] = field(default_factory=list)
    disampaikan: list[Src] = field(default_factory=list)
    """A distribution list between the last diktum and "Ditetapkan di"."""
    penutup: list[Src] = field(default_factory=list)
    salinan: list[Src] = field(default_factory=list)
    tembusan: list[Src] = field(default_factory=list)
    lampiran: list[list[Src]] = field(default_factory=list)
    """Each Lampiran's lines, its heading first."""


@dataclass
class Title:
    """The title block as printed (capitals kept): what the kop, KEPUTUSAN ... NOMOR ... TENTANG
    ..., the pembukaan and the jabatan lines say."""

    tanda_salinan: bool = False
    kop: list[str] = field(default_factory=list)
    alamat: str | None = None
    instansi: str = ""
    nomor: str = NOMOR_KOSONG
    tahun: int | None = None
    tentang: str | None = None
    pembukaan: str | None = None
    jabatan: str = ""


@dataclass
class _DiktumDraft:
    """One diktum as it is read: its text, its rincian, and the label kind of the first rincian."""

    isi: Wrapped
    rincian: list[Wrapped] = field(default_factory=list)
    kind: str | None = None
    nested: bool = False
    """Items of a second kind stood under the rincian: a lettered list under "1." items."""

    @property
    def last(self) -> Wrapped:
        return self.rincian[-1] if self.rincian else self.isi

    def data(self) -> dict | str:
        isi, rincian = str(self.isi), [str(r) for r in self.rincian]
        if not isi:
            isi = rincian.pop(0) if rincian else ""
        if not rincian:
            return isi
        entry: dict = {"isi": isi, "rincian": rincian}
        if self.kind is not None and (self.kind[0].isdigit() or self.kind == "(1)"):
            entry["penomoran"] = "1."
        return entry


class _Reader:
    """Finds the decree's parts by their fixed words, then reads each part on its own."""

    def __init__(self, lines: list[str]):
        self.notes: list[str] = []
        self.dropped: list[str] = []
        """Lines dropped as page furniture (page numbers, running headers and footers), each listed."""
        self.src = prepare(lines, self.dropped)
        self.all_texts = [s.text for s in self.src if s.text]
        self.casing = Casing(self.all_texts)

    def report(self, s: Src, where: str, text: str | None = None) -> None:
        self.notes.append(f"baris {s.number} ({where}): {text if text is not None else s.text}")

    # --- finding the parts ------------------------------------------------------------------

    def find(self, start: int, test, end: int | None = None) -> int | None:
        end = len(self.src) if end is None else end
        for i in range(start, end):
            if self.src[i].text and test(self.src[i].text):
                return i
        return None

    @staticmethod
    def _konsiderans(name: str):
        return lambda t: (m := _KONSIDERANS.match(t)) is not None and m["name"].lower() == name

    def read(self) -> dict:
        """Split the lines into parts at their fixed words, then assemble the data."""
        return self.assemble(self.find_parts())

    def find_parts(self) -> Parts:
        """The lines sorted into the decree's parts, at the fixed words each part begins with."""
        src = self.src
        menimbang = self.find(0, self._konsiderans("menimbang"))
        after = (menimbang + 1) if menimbang is not None else 0
        mengingat = self.find(after, self._konsiderans("mengingat"))
        if mengingat is None and menimbang is not None:
            # a form that labels its Mengingat "Menimbang" again: the second one cites the laws
            mengingat = self.find(after, self._konsiderans("menimbang"))
            if mengingat is not None:
                self.notes.append(f"catatan: bagian kedua berlabel Menimbang (baris {src[mengingat].number}) dibaca sebagai Mengingat")
        if menimbang is None and mengingat is not None:
            menimbang = self._menimbang_cut_off(mengingat)
        after = (mengingat + 1) if mengingat is not None else after
        menetapkan = self.find(after, self._konsiderans("menetapkan"))
        memutuskan = self.find(after, lambda t: bool(_MEMUTUSKAN.match(t)), menetapkan)
        memperhatikan = self.find(after, self._konsiderans("memperhatikan"), memutuskan or menetapkan)
        diktum_start = max(i for i in (after - 1, memutuskan, menetapkan) if i is not None) + 1
        diktum = self.find(diktum_start, lambda t: diktum_label(t) is not None)
        ditetapkan = self.find(diktum + 1 if diktum is not None else diktum_start, lambda t: bool(_DITETAPKAN.match(t)))
        # a distribution list after the last diktum and before "Ditetapkan di"
        disampaikan = self.find(diktum + 1, lambda t: bool(_DISTRIBUSI.match(t)), ditetapkan) if diktum is not None else None

        anchors = [
            (i, name)
            for i, name in (
                (menimbang, "menimbang"),
                (mengingat, "mengingat"),
                (memperhatikan, "memperhatikan"),
                (memutuskan, "memutuskan"),
                (menetapkan, "menetapkan"),
                (diktum, "diktum"),
                (disampaikan, "disampaikan"),
                (ditetapkan, "penutup"),
            )
            if i is not None
        ]
        anchors.sort()
        if ditetapkan is not None:
            anchors += self._closing_anchors(ditetapkan + 1)
        parts = Parts(kepala=src[: anchors[0][0]] if anchors else list(src))
        for (start, name), (end, _) in zip(anchors, anchors[1:] + [(len(src), "")]):
            if name == "lampiran":
                parts.lampiran.append(src[start:end])
            else:
                getattr(parts, name).extend(src[start:end])
        return parts

    def _menimbang_cut_off(self, mengingat: int) -> int | None:
        """Where an excerpt that opens inside the Menimbang begins (its title and the label cut
        off, "d. bahwa ..." items before Mengingat): the first line, read as Menimbang and noted."""
        before = [i for i in range(mengingat) if self.src[i].text]
        if not before or any(re.match(r"^KEPUTUSAN\b", self.src[i].text, re.I) for i in before):
            return None
        if not any(re.match(r"^(?:[a-z][.)]\s*)?bahwa\b", self.src[i].text) for i in before):
            return None
        self.notes.append(f"catatan: teks dimulai di tengah Menimbang (baris {self.src[before[0]].number}); dibaca sebagai Menimbang")
        return before[0]

    def _closing_anchors(self, start: int) -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []
        for i in range(start, len(self.src)):
            t = self.src[i].text
            if not t:
                continue
            if SALINAN.match(t) and (not out or out[-1][1] != "lampiran"):
                out.append((i, "salinan"))
            elif (_TEMBUSAN.match(t) or _DISTRIBUSI.match(t)) and (not out or out[-1][1] != "lampiran"):
                out.append((i, "tembusan"))
            elif (m := LAMPIRAN.match(t)) and (
                not m["rest"] or m["rest"].upper().startswith("KEPUTUSAN") or (t.isupper() and m["roman"])
            ):
                out.append((i, "lampiran"))
        return out

    # --- assembling -------------------------------------------------------------------------

    def assemble(self, parts: Parts) -> dict:
        """Read every part and put the data together in the order of the model."""
        head = self.head(parts.kepala)
        data: dict = {}
        instansi_caps, tentang_caps = head.instansi, head.tentang
        menimbang = self.points(parts.menimbang)
        instansi = tentang = None
        if menimbang and (found := casing_from_closing(menimbang[-1], instansi_caps, tentang_caps)):
            instansi, tentang = found
        if instansi is None:
            instansi, known = self.casing.running_text(instansi_caps)
            if not known and instansi_caps:
                self.notes.append(f"catatan: huruf besar-kecil instansi ditebak dari judul: {instansi}")
        if tentang is None and tentang_caps is not None:
            tentang = self.casing.find(tentang_caps)
            if tentang is None:
                tentang = tentang_caps
                self.notes.append(f"catatan: tentang hanya tertulis dalam huruf kapital; periksa huruf besar-kecilnya: {tentang}")
        menimbang, menimbang_penutup = split_menimbang(menimbang, instansi, tentang)

        penutup, mark = self.penutup(parts.penutup)
        tanggal = penutup.get("tanggal")
        data["instansi"] = instansi
        data["nomor"] = head.nomor
        data["tahun"] = self.tahun(head, tanggal, tentang)
        if tentang is not None:
            data["tentang"] = tentang
        if head.pembukaan:
            data["pembukaan"] = head.pembukaan
        data["jabatan_penetap"] = self.casing.running_text(head.jabatan)[0] if head.jabatan else ""
        if head.kop:
            data["kop"] = {"baris": head.kop, **({"alamat": head.alamat} if head.alamat else {})}
        data["menimbang"] = menimbang
        if menimbang_penutup is not None:
            data["menimbang_penutup"] = menimbang_penutup
        data["mengingat"] = [parse_citation(t, normalise=True) for t in self.points(parts.mengingat)]
        memperhatikan = self.points(parts.memperhatikan)
        if memperhatikan:
            data["memperhatikan"] = [parse_citation(t, normalise=True) for t in memperhatikan]
        for s in parts.memutuskan[1:]:
            if s.text:
                self.report(s, "memutuskan")
        menetapkan = self.menetapkan(parts.menetapkan)
        if menetapkan is not None:
            value = menetapkan_field(menetapkan, instansi, tentang)
            if value is not None:
                data["menetapkan"] = value
        diktum, gaya = self.diktum(parts.diktum)
        data["diktum"] = diktum
        data["penutup"] = penutup
        salinan = self.salinan(parts.salinan, head.tanda_salinan)
        if salinan:
            data["salinan"] = salinan
        disampaikan = self.tembusan(parts.disampaikan)
        if disampaikan:
            data["disampaikan_kepada"] = disampaikan
        tembusan = self.tembusan(parts.tembusan)
        if tembusan:
            data["tembusan"] = tembusan
        items = []
        lampiran_reader = LampiranReader(self.notes, self.all_texts)
        for i, part in enumerate(parts.lampiran, start=1):
            item = lampiran_reader.read(part, i, data)
            if item is not None:
                items.append(item)
        if items:
            data["lampiran"] = items
        pengaturan = {}
        if gaya == "pertama":
            pengaturan["gaya_diktum"] = "pertama"
        if mark:
            pengaturan["tanda_tangan"] = mark
        if pengaturan:
            data["pengaturan"] = pengaturan
        return data

    def tahun(self, head: Title, tanggal, tentang: str | None) -> int | None:
        """The year: from the NOMOR line, else the year a number such as 188.45/52/BPBD/2024 ends
        with, else the date of enactment, else (a guess, noted) the year the title names."""
        if head.tahun is not None:
            return head.tahun
        if m := re.search(r"(?:^|[/.\-])((?:19|20)\d{2})$", head.nomor):
            return int(m.group(1))
        if tanggal is not None:
            return tanggal.year
        if tentang and (m := re.search(r"\bTahun\s+((?:19|20)\d{2})\b", tentang, re.I)):
            self.notes.append(f"catatan: tahun ditebak dari judul: {m.group(1)}")
            return int(m.group(1))
        return None

    # --- the title block ----------------------------------------------------------------------

    def head(self, lines: list[Src]) -> Title:
        """SALINAN mark, kop, KEPUTUSAN <instansi> NOMOR ..., subject (with or without a TENTANG
        line), pembukaan and jabatan, all still in the capitals they are printed in."""
        out = Title()
        mark = next((s for s in lines if s.text.upper().rstrip(".") == "SALINAN"), None)
        if mark is not None:
            out.tanda_salinan = True
            lines = [s for s in lines if s is not mark]
        filled = [s for s in lines if s.text]
        k = next((i for i, s in enumerate(lines) if re.match(r"^KEPUTUSAN\b", s.text, re.I)), None)
        if k is None:
            for s in filled:
                self.report(s, "kepala")
            self.notes.append("judul: baris KEPUTUSAN tidak ditemukan")
            return out
        for s in lines[:k]:
            if not s.text:
                continue
            if re.search(r"\b(?:jalan|jl\.|telp|telepon|faks|kode pos|laman|e-?mail|pos-el)\b", s.text, re.I):
                out.alamat = s.text
            elif is_capitals(s.text):
                out.kop.append(s.text)
            else:
                self.report(s, "kop")
        m = next((i for i in range(k, len(lines)) if re.search(r"\bNOMOR\b", lines[i].text, re.I)), None)
        title_lines = lines[k: (m + 1) if m is not None else k + 1]
        joined = " ".join(s.text for s in title_lines if s.text)
        rest_lines = lines[(m + 1) if m is not None else k + 1:]
        nm = re.match(
            r"^KEPUTUSAN\s+(?P<instansi>.+?)\s+NOMOR\s*:?\s*(?P<nomor>\S+)(?:\s+TAHUN\s*:?\s*(?P<tahun>\d{4}))?\s*(?P<rest>.*)$",
            joined, re.I,
        )
        if nm:
            out.instansi = nm["instansi"]
            out.nomor, rest = nm["nomor"], nm["rest"]
            if not nm["tahun"]:
                out.nomor, rest = _spaced_number(nm["nomor"], rest)
                if out.nomor != nm["nomor"]:
                    printed = joined[nm.start("nomor"): len(joined) - len(rest)].strip()
                    self.notes.append(f"catatan: nomor tertulis berspasi \"{printed}\", dibaca {out.nomor}")
            out.tahun = int(nm["tahun"]) if nm["tahun"] else None
        else:
            tm = re.match(r"^KEPUTUSAN\s+(?P<instansi>.+?)(?:\s+(?P<rest>TENTANG\b.*))?$", joined, re.I)
            out.instansi = tm["instansi"] if tm else joined
            rest = tm["rest"] or "" if tm else ""
            self.notes.append(f"baris {title_lines[0].number} (judul): nomor keputusan tidak ditemukan; diisi {NOMOR_KOSONG}")
        tail: list[Src | None] = []  # None marks a blank line
        if rest:
            tail.append(Src(title_lines[-1].number, rest, rest))
        for s in rest_lines:
            tail.append(s if s.text else None)
        # TENTANG, subject, pembukaan, jabatan
        # each found as (index, line): a line with text, never the None of a blank line
        tentang = next(((i, s) for i, s in enumerate(tail) if s and re.match(r"^TENTANG\b", s.text, re.I)), None)
        if tentang is not None:
            t, line = tentang
            for before in tail[:t]:
                if before:
                    self.report(before, "judul")
            first = re.sub(r"^TENTANG\s*:?\s*", "", line.text, flags=re.I)
            opening: list[Src | None] = [Src(line.number, first, first)] if first else []
            tail = opening + tail[t + 1:]
        pembukaan = next(((i, s) for i, s in enumerate(tail) if s and _PEMBUKAAN.match(s.text)), None)
        subject: list[Src]
        jabatan: list[Src]
        if pembukaan is not None:
            p, line = pembukaan
            out.pembukaan = line.text.rstrip(",")
            subject, jabatan = [s for s in tail[:p] if s], [s for s in tail[p + 1:] if s]
        else:
            groups: list[list[Src]] = [[]]
            for entry in tail:
                if entry is None:
                    if groups[-1]:
                        groups.append([])
                else:
                    groups[-1].append(entry)
            groups = [g for g in groups if g]
            if len(groups) >= 2:
                jabatan = groups[-1]
                subject = [s for g in groups[:-1] for s in g]
                # a blank line inside the subject (OCR spacing): its last line runs on into the
                # jabatan's group; the jabatan is the shortest tail of the group naming the instansi
                instansi = " ".join(out.instansi.split()).casefold()
                for k in range(len(jabatan) - 1, 0, -1):
                    if instansi and instansi in " ".join(s.text for s in jabatan[k:]).casefold():
                        subject, jabatan = subject + jabatan[:k], jabatan[k:]
                        break
            elif groups and (len(groups[0]) >= 2 or tentang is None or groups[0][0].text.endswith(",")):
                jabatan, subject = groups[0][-1:], groups[0][:-1]
            else:
                jabatan, subject = [], groups[0] if groups else []
        subject_text = " ".join(s.text for s in subject)
        if tentang is not None or subject_text:
            out.tentang = subject_text if subject_text else None
        out.jabatan = " ".join(s.text for s in jabatan).rstrip(",").strip()
        if not out.jabatan:
            self.notes.append("judul: jabatan penetap tidak ditemukan")
        return out

    # --- Menimbang, Mengingat, Memperhatikan ----------------------------------------------------

    def points(self, lines: list[Src]) -> list[str]:
        """The points of a konsiderans part, joined over wrapped lines, without list punctuation."""
        if not lines:
            return []
        first = _KONSIDERANS.match(lines[0].text)
        entries: list[tuple[Src, str, bool]] = []
        if first and first["rest"]:
            rest = ARTEFACT.sub("", first["rest"])
            entries.append((lines[0], rest, True))
        elif first is None:  # the part's label was cut off (an excerpt): its first line is text
            entries.append((lines[0], lines[0].text, lines[0].bullet))
        entries += [(s, s.text, s.bullet) for s in lines[1:] if s.text]
        items: list[Wrapped] = []
        pending = False  # a label stood alone on the line above: this line starts its item
        for s, text, bullet in entries:
            if LONE_LABEL.match(text):
                pending = True
                continue
            kind, _, body = list_label(text)
            if kind is not None or not items or ITEM_END.search(items[-1].end) or bullet or pending:
                items.append(Wrapped(body))
            else:
                items[-1].add(text)
            pending = False
        return [strip_item(str(i)) for i in items if strip_item(str(i))]

    def menetapkan(self, lines: list[Src]) -> str | None:
        """The text after "Menetapkan", on its line or the lines below, joined."""
        if not lines:
            return None
        m = _KONSIDERANS.match(lines[0].text)
        text = Wrapped(ARTEFACT.sub("", m["rest"]) if m else lines[0].text)
        for s in lines[1:]:
            if s.text:
                text.add(s.text)
        return str(text)

    # --- the diktum -----------------------------------------------------------------------------

    def diktum(self, lines: list[Src]) -> tuple[list, str]:
        """Diktum data and the label style; lines before the first label or after a closed
        sub-list have no place in the model and are reported.

        A diktum's sub-list has one level in the model: items labelled as its first item is
        ("1.") start a rincian; items of another kind under them ("a.") stay in that rincian's
        text with their labels, as the decree prints them.
        """
        items: list[_DiktumDraft] = []
        gaya = "kesatu"
        for s in lines:
            if not s.text:
                continue
            found = diktum_label(s.text)
            if found and not (items and _REFERENCE_END.search(items[-1].last.end)):
                label, rest = found
                if not items and label == "PERTAMA":
                    gaya = "pertama"
                items.append(_DiktumDraft(Wrapped(rest)))
                continue
            if not items:
                self.report(s, "diktum")
                continue
            d = items[-1]
            kind, _, body = list_label(s.text)
            if kind is None and (m := _CAPITAL_LABEL.match(s.text)) and d.isi:
                # "A. ... / B. ...": capitals label the sub-list only in their order, so that an
                # initial at a line's start ("H. AHMAD") stays text
                expected = 1 if d.kind is None else len(d.rincian) + 1 if d.kind == "A." else 0
                if ord(m["letter"]) - ord("A") + 1 == expected:
                    kind, body = "A.", m["text"]
            if kind is not None and d.isi and (d.kind is None or kind == d.kind):
                d.kind = kind
                d.rincian.append(Wrapped(body))
            elif kind is not None and d.rincian:
                d.rincian[-1].add(s.text)  # a nested item, its label kept
            elif d.rincian:
                if d.rincian[-1].end.endswith(".") and not d.nested:
                    self.report(s, "diktum, teks sesudah rincian")
                elif ITEM_END.search(d.rincian[-1].end) and s.bullet:
                    d.rincian.append(Wrapped(s.text))
                else:
                    d.rincian[-1].add(s.text)
            else:
                d.isi.add(s.text)
            if kind is not None and d.kind is not None and kind != d.kind:
                d.nested = True
        return [d.data() for d in items], gaya

    # --- closing parts --------------------------------------------------------------------------

    def penutup(self, lines: list[Src]) -> tuple[dict, str | None]:
        """Ditetapkan di, pada tanggal and the signature; the signature mark (ttd/dto.) if any."""
        filled = [s for s in lines if s.text]
        out: dict = {}
        if not filled:
            self.notes.append("penutup: bagian \"Ditetapkan di\" tidak ditemukan")
            return {"tempat": "", "tanggal": None, "penandatangan": {"jabatan": "", "nama": ""}}, None
        m = _DITETAPKAN.match(filled[0].text)
        out["tempat"] = m["tempat"] if m else ""
        rest = filled[1:]
        if m and m["tanggal"]:
            rest.insert(0, Src(filled[0].number, m["tanggal"], m["tanggal"]))
        tanggal = None
        if not out["tempat"] and rest and not _TANGGAL.match(rest[0].text):
            out["tempat"] = rest.pop(0).text.rstrip(".,")
        if rest and (tm := _TANGGAL.match(rest[0].text)):
            source = rest.pop(0)
            text = tm["tanggal"] if tm["stamp"] is None else tm["stamp"]
            if not text and rest:
                text = rest.pop(0).text
            tanggal = parse_tanggal(text)
            if tanggal is None:
                self.report(source, "penutup, tanggal tidak terbaca", text)
        else:
            self.notes.append("penutup: baris \"pada tanggal\" tidak ditemukan")
        out["tanggal"] = tanggal
        signer, mark, leftovers = self.signature(rest)
        out["penandatangan"] = signer
        for s in leftovers:
            self.report(s, "penutup")
        return out, mark

    def signature(self, lines: list[Src]) -> tuple[dict, str | None, list[Src]]:
        """The signature block (signature.read) as Penandatangan data in running-text casing, the
        ttd/dto. mark, and the lines that are no part of it."""
        lines = [s for s in lines if s.text]
        sig = signature.read([s.text for s in lines])
        signer: dict = {"jabatan": self._running(sig.jabatan), "nama": ""}
        if sig.nama:
            signer["nama"] = self.casing.name(sig.nama) if is_capitals(sig.nama) else sig.nama
        if not sig.jabatan or not sig.nama:
            self.notes.append("penutup: jabatan atau nama penanda tangan tidak ditemukan")
        for key in ("nip", "pangkat"):
            if getattr(sig, key):
                signer[key] = getattr(sig, key)
        for key in ("atas_nama", "untuk_beliau"):
            if getattr(sig, key):
                signer[key] = self._running(getattr(sig, key))
        if sig.status:
            signer["status"] = sig.status
        if sig.letak_jabatan != "atas":
            signer["letak_jabatan"] = sig.letak_jabatan
        return signer, sig.mark, [lines[i] for i in sig.leftovers]

    def _running(self, text: str) -> str:
        """A position printed in capitals, in running-text casing (as found in the text, or guessed)."""
        return self.casing.running_text(text)[0] if text else ""

    def salinan(self, lines: list[Src], tanda: bool) -> dict | None:
        """"Salinan sesuai dengan aslinya", the unit in capitals, the certifier's jabatan and name."""
        if not lines:
            return None
        m = SALINAN.match(lines[0].text)
        texts = ([Src(lines[0].number, m["rest"], m["rest"])] if m and m["rest"] else []) + [s for s in lines[1:] if s.text]
        texts = [s for s in texts if not TTD.match(s.text)]
        nip = next((s for s in texts if signature.NIP.match(s.text)), None)
        if nip is not None:
            texts.remove(nip)
        capitals = 0  # the unit: leading lines in capitals, leaving at least two
        while capitals < len(texts) - 2 and is_capitals(texts[capitals].text):
            capitals += 1
        unit, texts = texts[:capitals], texts[capitals:]
        if not unit and texts:
            unit.append(texts.pop(0))
        if len(texts) < 2 and len(unit) >= 3:
            texts = unit[1:] + texts
            unit = unit[:1]
        if not unit or len(texts) < 2:
            for s in lines:
                if s.text:
                    self.report(s, "salinan, blok tidak lengkap")
            return None
        out: dict = {}
        if not tanda:
            out["tanda"] = False
        out["unit"] = self.casing.running_text(" ".join(s.text for s in unit))[0]
        jabatan = " ".join(s.text for s in texts[:-1]).rstrip(",")
        out["jabatan"] = self.casing.running_text(jabatan)[0] if is_capitals(jabatan) else jabatan
        out["nama"] = texts[-1].text
        if nip is not None:
            nip_match = signature.NIP.match(nip.text)
            assert nip_match is not None  # nip was chosen as a line NIP matches
            out["nip"] = nip_match["nip"]
        return out

    def tembusan(self, lines: list[Src]) -> list[str]:
        """Items of a Tembusan or distribution list as typed (their own punctuation kept, labels
        removed). A line without a label continues the item above when it starts in lower case,
        or when the items are labelled ("Untuk diketahui ..." under the last of them)."""
        if not lines:
            return []
        m = _TEMBUSAN.match(lines[0].text) or _DISTRIBUSI.match(lines[0].text)
        entries = ([m["rest"]] if m and m["rest"] else []) + [s.text for s in lines[1:] if s.text]
        items: list[Wrapped] = []
        labelled = False
        for text in entries:
            kind, _, body = list_label(text)
            if kind is None and items and (text[:1].islower() or labelled):
                items[-1].add(text)
            else:
                labelled |= kind is not None
                items.append(Wrapped(body))
        return [str(i) for i in items]


def read(lines: list[str]) -> tuple[dict, list[str], list[str]]:
    """Data, unplaced text and the lines dropped as page furniture, of a decree given as lines of text."""
    reader = _Reader(lines)
    data = reader.read()
    return data, reader.notes, reader.dropped
