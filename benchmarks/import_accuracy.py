"""Field accuracy of `kpu-docs import` on the corpus of real decrees (tests/importing/corpus).

For every decree, and for each of its inputs (the text as its PDF, scan or web page gives it, the
PDF where the corpus has one, a scan's raw OCR beside its corrected transcription), prints the
fields scored, the accuracy, the wording (import, render and compare the words in order with the
input's, page furniture left out: tests/importing/corpus_gold.py's wording), and how many input lines
were left unplaced and dropped as page furniture; then the means per input kind.
tests/importing/score.py says what is scored and how.

Run: python benchmarks/import_accuracy.py [-v] [--record]
  -v        list every wrong field
  --record  write the accuracies and wordings as the corpus floors (sources.yaml) and the unplaced
            and dropped lines to reports.yaml: tests/importing/test_corpus.py holds the importer to them
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.importing import corpus_gold as corpus  # noqa: E402
from tests.importing.corpus_gold import REPORTS, SOURCES  # noqa: E402

CORPUS = ROOT / "tests" / "importing" / "corpus"


def main(argv: list[str]) -> None:
    verbose, record = "-v" in argv, "--record" in argv
    by_kind: dict[str, list[float]] = {}
    wording_by_kind: dict[str, list[float]] = {}
    runs: list[corpus.Run] = []
    wordings: dict[tuple[str, str], corpus.Wording] = {}
    print(f"| {'decree':<24} | input | complete | fields | accuracy | wording | unplaced | dropped |")
    print(f"| {'-' * 24} | ----- | -------- | -----: | -------: | ------: | -------: | ------: |")
    wrong: list[str] = []
    for entry in corpus.load(CORPUS):
        for kind in entry.inputs():
            run = corpus.run(entry, kind)
            runs.append(run)
            wording = wordings[entry.name, kind] = corpus.wording(run)
            by_kind.setdefault(kind, []).append(run.skor.accuracy)
            wording_by_kind.setdefault(kind, []).append(wording.ratio)
            print(
                f"| {entry.name:<24} | {kind:<5} | {'yes' if entry.complete else 'no':<8} | "
                f"{len(run.skor.fields):>6} | {run.skor.accuracy:>8.3f} | {wording.ratio:>7.3f} | "
                f"{len(run.unplaced):>8} | {len(run.dropped):>7} |"
            )
            wrong += [f"{entry.name} ({kind}) {f.field}:\n    want {f.expected!r}\n    got  {f.got!r}" for f in run.skor.wrong]
    print()
    for kind, values in by_kind.items():
        print(
            f"mean accuracy, {kind} input: {statistics.mean(values):.3f}, "
            f"mean wording {statistics.mean(wording_by_kind[kind]):.3f}, over {len(values)} decrees"
        )
    if verbose:
        print("\n" + "\n".join(wrong))
    if record:
        corpus.record(CORPUS, runs, wordings)
        print(f"\nrecorded: {CORPUS / SOURCES} (floors), {CORPUS / REPORTS}")


if __name__ == "__main__":
    main(sys.argv[1:])
