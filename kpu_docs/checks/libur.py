"""Indonesia's national public holidays (hari libur nasional), for the check of signing dates.

The holidays are set by presidential decree (now Keppres 8/2024 tentang Hari Libur, which the
yearly SKBs cite). Fixed dates hold every year: 1 January, 17 August and 25 December; 1 May
(Hari Buruh) from 2014 and 1 June (Hari Lahir Pancasila) from 2017. The dates that move
(Islamic, Chinese, Hindu and Buddhist calendars, Easter) are set each year by a joint decree
(SKB) of the Minister of Religious Affairs, the Minister of Manpower and the Minister for
Administrative and Bureaucratic Reform on Hari Libur Nasional dan Cuti Bersama, and are listed
below for the years it covers:

- 2024: SKB 855/2023, 3/2023, 4/2023; and the voting days made national holidays by Keppres
  10/2024 (Pemilu, 14 February) and Keppres 33/2024 (Pilkada, 27 November).
- 2025: SKB 1017/2024, 2/2024, 2/2024 (its amendment, SKB 933/2025, 1/2025, 3/2025, made
  18 August 2025 a cuti bersama, not a holiday).
- 2026: SKB 1497/2025, 2/2025, 5/2025.

2027 and later: only the fixed dates, until the year's SKB is published and added here. Cuti
bersama days are not holidays: they are working days that civil servants take from their annual
leave, and offices keep a duty service, so a decree may well be signed on one.
"""

from __future__ import annotations

import datetime

_FIXED = {
    (1, 1): ("Tahun Baru Masehi", 1945),
    (5, 1): ("Hari Buruh Internasional", 2014),
    (6, 1): ("Hari Lahir Pancasila", 2017),
    (8, 17): ("Hari Proklamasi Kemerdekaan", 1945),
    (12, 25): ("Kelahiran Yesus Kristus", 1945),
}
"""(month, day): (name, first year)."""

_MOVING = {
    2024: {
        (2, 8): "Isra Mikraj Nabi Muhammad SAW",
        (2, 10): "Tahun Baru Imlek 2575 Kongzili",
        (2, 14): "hari pemungutan suara Pemilu 2024 (Keppres 10/2024)",
        (3, 11): "Hari Suci Nyepi Tahun Baru Saka 1946",
        (3, 29): "Wafat Yesus Kristus",
        (3, 31): "Kebangkitan Yesus Kristus (Paskah)",
        (4, 10): "Idul Fitri 1445 Hijriah",
        (4, 11): "Idul Fitri 1445 Hijriah",
        (5, 9): "Kenaikan Yesus Kristus",
        (5, 23): "Hari Raya Waisak 2568 BE",
        (6, 17): "Idul Adha 1445 Hijriah",
        (7, 7): "Tahun Baru Islam 1446 Hijriah",
        (9, 16): "Maulid Nabi Muhammad SAW",
        (11, 27): "hari pemungutan suara Pilkada 2024 (Keppres 33/2024)",
    },
    2025: {
        (1, 27): "Isra Mikraj Nabi Muhammad SAW",
        (1, 29): "Tahun Baru Imlek 2576 Kongzili",
        (3, 29): "Hari Suci Nyepi Tahun Baru Saka 1947",
        (3, 31): "Idul Fitri 1446 Hijriah",
        (4, 1): "Idul Fitri 1446 Hijriah",
        (4, 18): "Wafat Yesus Kristus",
        (4, 20): "Kebangkitan Yesus Kristus (Paskah)",
        (5, 12): "Hari Raya Waisak 2569 BE",
        (5, 29): "Kenaikan Yesus Kristus",
        (6, 6): "Idul Adha 1446 Hijriah",
        (6, 27): "Tahun Baru Islam 1447 Hijriah",
        (9, 5): "Maulid Nabi Muhammad SAW",
    },
    2026: {
        (1, 16): "Isra Mikraj Nabi Muhammad SAW",
        (2, 17): "Tahun Baru Imlek 2577 Kongzili",
        (3, 19): "Hari Suci Nyepi Tahun Baru Saka 1948",
        (3, 21): "Idul Fitri 1447 Hijriah",
        (3, 22): "Idul Fitri 1447 Hijriah",
        (4, 3): "Wafat Yesus Kristus",
        (4, 5): "Kebangkitan Yesus Kristus (Paskah)",
        (5, 14): "Kenaikan Yesus Kristus",
        (5, 27): "Idul Adha 1447 Hijriah",
        (5, 31): "Hari Raya Waisak 2570 BE",
        (6, 16): "Tahun Baru Islam 1448 Hijriah",
        (8, 25): "Maulid Nabi Muhammad SAW",
    },
}
"""Year: {(month, day): name}, from the year's SKB (and Keppres) named above."""

TAHUN_LENGKAP = frozenset(_MOVING)
"""The years whose every holiday is known; other years have only the fixed dates."""


def libur_nasional(tanggal: datetime.date) -> str | None:
    """The holiday's name, or None for a day that is not a national holiday (as far as known)."""
    key = (tanggal.month, tanggal.day)
    fixed = _FIXED.get(key)
    if fixed is not None and tanggal.year >= fixed[1]:
        return fixed[0]
    return _MOVING.get(tanggal.year, {}).get(key)
