"""Property: any decree, with arbitrary Unicode in every text field, is refused with an input error
naming the field, or renders to a .docx that python-docx opens and whose XML holds every text as
printed, in order. CI runs a few hundred examples; benchmarks/fuzz.py runs ten thousand."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from tests.fuzzing import Hasil, check, decree_data

counts = {"refused": 0, "rendered": 0}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(decree_data())
def test_every_text_prints_or_is_refused(data):
    result: Hasil = check(data)
    counts["refused" if result.refused else "rendered"] += 1
    assert result.lost == []


def test_both_outcomes_were_exercised():
    """The generator is not all refusals (or all clean): the property above saw both."""
    if counts["rendered"] + counts["refused"] == 0:
        test_every_text_prints_or_is_refused()
    assert counts["rendered"] > 0 and counts["refused"] > 0


def test_a_character_no_word_file_holds_is_refused_by_name():
    """The refusal branch of the property, for one known decree."""
    from tests.conftest import minimal_data

    result = check(minimal_data(tembusan=["Arsip", "Ketua\x0bKPU"]))
    assert result.refused is not None and "tembusan[2]: memuat karakter U+000B" in result.refused
