"""Decree number patterns from shared/design/drafting.md."""

import datetime

import pytest

from kpu_docs.formatting import nomor_daerah, nomor_kpu, urai_nomor_kpu


def test_kpu_pattern_with_roman_month():
    assert nomor_kpu(314, "ORT.07", "01", datetime.date(2021, 5, 20)) == "314/ORT.07-Kpt/01/KPU/V/2021"
    assert nomor_kpu(4, "PL.03.4", "12", datetime.date(2018, 3, 1), satker="Prov") == "4/PL.03.4-Kpt/12/Prov/III/2018"


def test_kpu_pattern_parsed_back():
    assert urai_nomor_kpu("314/ORT.07-Kpt/01/KPU/V/2021") == {
        "urut": "314", "klasifikasi": "ORT.07", "unit": "01", "satker": "KPU", "bulan": "V", "tahun": "2021"}
    assert urai_nomor_kpu("11") is None
    assert urai_nomor_kpu("188.45-52/2023") is None


def test_regional_pattern_and_bad_sequence():
    assert nomor_daerah("188.45", 52, 2023) == "188.45-52/2023"
    with pytest.raises(ValueError):
        nomor_kpu(0, "ORT.07", "01", datetime.date(2021, 5, 1))
