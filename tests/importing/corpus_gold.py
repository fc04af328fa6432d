"""A corpus of real decrees with hand-checked gold files, imported and scored one by one.

The folder holds, per decree, NAME.txt (the text as its PDF, scan or web page gives it),
optionally NAME.pdf (a born-digital PDF) or NAME.scan.pdf (a scan, read by OCR), and NAME.gold.yaml; `sources.yaml` lists the entries with their sources and
the accuracy last recorded (the floor a regression must not go below). The corpus of this
project is tests/importing/corpus; `python benchmarks/import_accuracy.py` prints its table.
"""

from __future__ import annotations

import copy
import datetime
import io
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from kpu_docs.files import write_atomic
from kpu_docs.importing import ImportResult, import_file, pdf_text
from kpu_docs.importing.lines import Wrapped, prepare
from tests.importing.score import Skor, score

_LINE_REPORT = re.compile(r"\bbaris \d+")
SOURCES = "sources.yaml"
REPORTS = "reports.yaml"
"""The unplaced and dropped lines of each input, as last recorded: a regression in what the
importer places shows as a change here."""


@dataclass(frozen=True)
class Entry:
    """One decree of the corpus, as sources.yaml describes it."""

    name: str
    title: str
    issuer: str
    source: str
    complete: bool
    text: Path
    gold: Path
    pdf: Path | None = None
    scan: Path | None = None
    """The scan itself (NAME.scan.pdf, or page images), imported by OCR and scored from the scan alone."""
    ocr: Path | None = None
    """The raw OCR of a scan whose corrected transcription is `text`: scored and reported, but not
    held to the corpus's accuracy target (its misreadings are not the importer's to undo)."""
    cut: tuple[str, ...] = ()
    floor: dict[str, float] = field(default_factory=dict)
    wording_floor: dict[str, float] = field(default_factory=dict)
    """The wording similarity (see `wording`) last recorded, per input."""

    def inputs(self) -> dict[str, Path]:
        """The inputs to score, by kind: "text", "pdf" where the corpus has the PDF, "scan" where it
        has the scanned pages, "ocr" where it keeps a scan's raw OCR beside its corrected transcription."""
        return {"text": self.text, **({"pdf": self.pdf} if self.pdf else {}), **({"scan": self.scan} if self.scan else {}),
                **({"ocr": self.ocr} if self.ocr else {})}


@dataclass(frozen=True)
class Run:
    """One input of one entry imported and scored."""

    entry: Entry
    kind: str
    result: ImportResult
    skor: Skor

    @property
    def unplaced(self) -> list[str]:
        """Reports of input lines that were not placed in a field (notes on guesses left out)."""
        return [n for n in self.result.tidak_terbaca if _LINE_REPORT.search(n) and not n.startswith("catatan:")]

    @property
    def dropped(self) -> list[str]:
        """Input lines dropped as page furniture."""
        return self.result.dibuang


def load(folder: str | Path) -> list[Entry]:
    """The entries of a corpus folder, in the order of its sources.yaml."""
    folder = Path(folder)
    entries = []
    for item in YAML(typ="safe", pure=True).load((folder / SOURCES).read_text(encoding="utf-8")):
        name = item["name"]
        pdf = folder / f"{name}.pdf"
        scan = next((p for p in sorted(folder.glob(f"{name}.scan.*"))), None)
        entries.append(
            Entry(
                name=name,
                title=item["title"],
                issuer=item["issuer"],
                source=item["source"],
                complete=bool(item["complete"]),
                text=(folder / item.get("input", f"{name}.txt")).resolve(),
                gold=(folder / item.get("gold", f"{name}.gold.yaml")).resolve(),
                pdf=pdf if pdf.exists() else None,
                scan=scan.resolve() if scan else None,
                ocr=(folder / item["ocr"]).resolve() if "ocr" in item else None,
                cut=tuple(item.get("cut", ())),
                floor=dict(item.get("floor", {})),
                wording_floor=dict(item.get("wording", {})),
            )
        )
    return entries


def gold_data(entry: Entry) -> dict:
    """The gold file's data (dates as datetime.date, as the importer gives them)."""
    return YAML(typ="safe", pure=True).load(entry.gold.read_text(encoding="utf-8")) or {}


def run(entry: Entry, kind: str = "text") -> Run:
    """Import one input of an entry and score it against the gold."""
    result = import_file(entry.inputs()[kind])
    return Run(entry, kind, result, score(gold_data(entry), result.data, entry.complete, entry.cut))


def reports(folder: str | Path) -> dict:
    """The recorded reports: {name: {kind: {"tidak_terbaca": [...], "dibuang": [...]}}}."""
    path = Path(folder) / REPORTS
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8")) if path.exists() else {}


def record(folder: str | Path, runs: list[Run], wordings: dict[tuple[str, str], Wording] | None = None) -> None:
    """Write each run's accuracy (rounded down to 3 places) as its entry's floor in sources.yaml,
    and its wording similarity, where given, as the entry's `wording` floor, comments and layout
    kept; and every run's unplaced and dropped lines to reports.yaml."""
    folder = Path(folder)
    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=2, offset=0)
    sources = yaml.load((folder / SOURCES).read_text(encoding="utf-8"))
    by_name = {item["name"]: item for item in sources}
    out: dict = {}
    for run in runs:
        floor = by_name[run.entry.name].setdefault("floor", {})
        floor[run.kind] = int(run.skor.accuracy * 1000) / 1000
        if wordings and (run.entry.name, run.kind) in wordings:
            if "wording" not in by_name[run.entry.name]:
                by_name[run.entry.name]["wording"] = CommentedMap()
                by_name[run.entry.name]["wording"].fa.set_flow_style()
            by_name[run.entry.name]["wording"][run.kind] = int(wordings[run.entry.name, run.kind].ratio * 1000) / 1000
        out.setdefault(run.entry.name, {})[run.kind] = {"tidak_terbaca": run.unplaced, "dibuang": list(run.dropped)}
    buffer = io.StringIO()
    yaml.dump(sources, buffer)
    write_atomic(folder / SOURCES, buffer.getvalue().encode("utf-8"))
    plain = YAML()
    plain.width = 4096
    buffer = io.StringIO()
    plain.dump(out, buffer)
    header = "# Written by `python benchmarks/import_accuracy.py --record`: what each input leaves unplaced and drops.\n"
    write_atomic(folder / REPORTS, (header + buffer.getvalue()).encode("utf-8"))


# --- wording: import, render, and compare the words with the source's ------------------------

_WORD = re.compile(r"\w+")
MISSING = "bagiantidakadadalamkutipan"
"""Stands for a required part a partial entry's excerpt does not have, so that it can render; the
rendered parts holding it are left out of the comparison."""
_PART_START = re.compile(r"^(?:Menimbang|Mengingat|Memperhatikan|MEMUTUSKAN|Ditetapkan di|Tembusan|Salinan|LAMPIRAN)\b")


@dataclass(frozen=True)
class Wording:
    """How closely import-then-render reproduces the source's words in order."""

    ratio: float
    """difflib's ratio over the two word sequences: 2 x matched words / all words of both."""
    source: int
    """Words of the input, page furniture (as the import dropped it) left out."""
    rendered: int
    """Words of the rendered decree (for a partial entry, of the parts its excerpt has)."""


def words(text: str) -> list[str]:
    """A text as compared: its words in lower case; punctuation and spacing do not count."""
    return _WORD.findall(text.casefold())


def source_lines(path: Path) -> list[str]:
    """The input's lines as the import reads them (a PDF's text layer, a text file's lines)."""
    if path.suffix.lower() == ".pdf":
        return pdf_text.lines(path)
    return path.read_text(encoding="utf-8-sig").splitlines()


def rendered_lines(data: dict, complete: bool = True) -> list[str]:
    """The imported data rendered (kpu_docs.render_docx) and read back as printed lines.

    A partial entry's import lacks parts a decree must have (a diktum, the closing): they are
    filled with MISSING to render, and every rendered part holding MISSING is left out, so that
    only the parts the excerpt has are compared. A part is what runs from one of the decree's
    fixed words to the next (the title block, Menimbang, Mengingat, Memperhatikan, MEMUTUSKAN with
    its Menetapkan and diktum, the closing from "Ditetapkan di", Tembusan, Salinan, LAMPIRAN).
    """
    import kpu_docs
    from kpu_docs import plaintext

    if complete:
        return plaintext.lines(kpu_docs.render_docx(kpu_docs.from_data(data)))
    data = copy.deepcopy(data)
    for key in ("instansi", "jabatan_penetap"):
        data[key] = data.get(key) or MISSING
    data["tahun"] = data.get("tahun") or 1945  # the earliest the model takes; a number with "/" prints none
    for key in ("menimbang", "mengingat", "diktum"):
        data[key] = data.get(key) or [MISSING]
    penutup = data.setdefault("penutup", {})
    penutup["tempat"] = penutup.get("tempat") or MISSING
    penutup["tanggal"] = penutup.get("tanggal") or datetime.date(1900, 1, 1)
    signer = penutup.setdefault("penandatangan", {})
    for key in ("jabatan", "nama"):
        signer[key] = signer.get(key) or MISSING
    lines = plaintext.lines(kpu_docs.render_docx(kpu_docs.from_data(data)))
    parts: list[list[str]] = [[]]
    for line in lines:
        if _PART_START.match(line):
            parts.append([])
        parts[-1].append(line)
    return [line for part in parts if MISSING not in " ".join(part).casefold() for line in part]


def _without_empty_items(data):
    """The data less the list items a scan's import emptied (unread), for rendering the rest."""
    if isinstance(data, dict):
        return {k: _without_empty_items(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_without_empty_items(v) for v in data
                if v != "" and not (isinstance(v, dict) and all(x in ("", None) for x in v.values()))]
    return data


def wording(run: Run) -> Wording:
    """Import then render the run's input and compare the words, in order, with the input's own
    words less the page furniture the import dropped, its lines read as running text (a word
    the typist hyphenated at a line end counts as the one word it is, as lines.join reads it).

    A scan's own words are those of its hand-checked transcription (NAME.txt, the same pages).
    A field the OCR could not read is left empty by the import, so the parts holding it are not
    rendered and their words count as lost."""
    from kpu_docs.errors import InputError

    path = run.entry.text if run.kind == "scan" else run.entry.inputs()[run.kind]
    text = Wrapped()
    for line in prepare(source_lines(path), []):
        if line.text:
            text.add(line.text)  # read as running text: a word hyphenated at a line end is one word
    source = words(str(text))
    complete, data = run.entry.complete, run.result.data
    if run.kind == "scan" and complete:
        import kpu_docs

        try:
            kpu_docs.from_data(data)
        except InputError:  # a field left empty where the scan could not be read: rendered without it
            complete, data = False, _without_empty_items(data)
    rendered = words(" ".join(rendered_lines(data, complete)))
    ratio = SequenceMatcher(None, source, rendered, autojunk=False).ratio()
    return Wording(ratio, len(source), len(rendered))
