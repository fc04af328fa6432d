"""The corpus of real decrees: well formed, and imported at least as well as last recorded.

tests/importing/corpus/sources.yaml names each decree's source and the accuracy it reached
(`floor`); reports.yaml holds the lines each input left unplaced and dropped as page furniture.
Both are written by `python benchmarks/import_accuracy.py --record` after a change to the
importer that is meant: a change that lowers an accuracy, or places a line differently, fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import kpu_docs
from kpu_docs.importing import corpus
from kpu_docs.importing.score import LISTS

CORPUS = Path(__file__).parent / "corpus"
ENTRIES = corpus.load(CORPUS)
RUNS = [(entry, kind) for entry in ENTRIES for kind in entry.inputs()]


def test_corpus_is_large_and_varied():
    assert len(ENTRIES) >= 20
    assert len({e.issuer for e in ENTRIES}) >= 7
    assert sum(e.complete for e in ENTRIES) >= 9
    assert all(e.text.exists() and e.gold.exists() for e in ENTRIES)
    assert all(e.pdf.stat().st_size < 300_000 for e in ENTRIES if e.pdf)


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.complete], ids=lambda e: e.name)
def test_complete_gold_is_a_valid_decree(entry):
    kpu_docs.from_data(corpus.gold_data(entry))


@pytest.mark.parametrize("entry", [e for e in ENTRIES if not e.complete], ids=lambda e: e.name)
def test_partial_gold_names_only_what_its_excerpt_has(entry):
    gold = corpus.gold_data(entry)
    assert gold, "a partial entry scores at least one field"
    assert set(entry.cut) <= set(LISTS) and all(name in gold for name in entry.cut)


@pytest.fixture(scope="module")
def recorded():
    return corpus.reports(CORPUS)


@pytest.mark.parametrize(("entry", "kind"), RUNS, ids=[f"{e.name}-{k}" for e, k in RUNS])
def test_accuracy_and_reports_as_recorded(entry, kind, recorded):
    run = corpus.run(entry, kind)
    assert run.skor.accuracy >= entry.floor[kind], [f"{f.field}: {f.got!r}" for f in run.skor.wrong]
    want = recorded[entry.name][kind]
    assert run.unplaced == want["tidak_terbaca"]
    assert run.dropped == want["dibuang"]
