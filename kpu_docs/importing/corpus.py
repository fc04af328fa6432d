"""A corpus of real decrees with hand-checked gold files, imported and scored one by one.

The folder holds, per decree, NAME.txt (the text as its PDF, scan or web page gives it),
optionally NAME.pdf, and NAME.gold.yaml; `sources.yaml` lists the entries with their sources and
the accuracy last recorded (the floor a regression must not go below). The corpus of this
project is tests/importing/corpus; `python benchmarks/import_accuracy.py` prints its table.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

from kpu_docs.files import write_atomic
from kpu_docs.importing import ImportResult, import_file
from kpu_docs.importing.score import Skor, score

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
    ocr: Path | None = None
    """The raw OCR of a scan whose corrected transcription is `text`: scored and reported, but not
    held to the corpus's accuracy target (its misreadings are not the importer's to undo)."""
    cut: tuple[str, ...] = ()
    floor: dict[str, float] = field(default_factory=dict)

    def inputs(self) -> dict[str, Path]:
        """The inputs to score, by kind: "text", "pdf" where the corpus has the PDF, "ocr" where it
        keeps a scan's raw OCR beside its corrected transcription."""
        return {"text": self.text, **({"pdf": self.pdf} if self.pdf else {}), **({"ocr": self.ocr} if self.ocr else {})}


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
                ocr=(folder / item["ocr"]).resolve() if "ocr" in item else None,
                cut=tuple(item.get("cut", ())),
                floor=dict(item.get("floor", {})),
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


def record(folder: str | Path, runs: list[Run]) -> None:
    """Write each run's accuracy (rounded down to 3 places) as its entry's floor in sources.yaml,
    comments and layout kept, and every run's unplaced and dropped lines to reports.yaml."""
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
