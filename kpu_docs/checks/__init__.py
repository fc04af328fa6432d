"""Warnings a careful secretariat would raise: valid data that is probably not what was meant.

Each rule has an id, a one-line reason naming its source (UU 12/2011 Lampiran II, the Tata
Naskah Dinas, the holiday decrees) and a module by family: the number (penomoran), the title and
konsiderans (konsiderans), Mengingat and promulgation (dasar_hukum), the closing (penutup),
references to the decree's own parts (rujukan), and what the printed text shows (penulisan:
gaps left to fill, doubled punctuation, over every printed field, kpu_docs.checks.tercetak).
`temuan(keputusan)` gives the findings as `Temuan` (rule, field path, message, reason);
`periksa(keputusan)` the same as lines of text, "<field path>: <message>".

A decree silences rules for itself with `pengaturan.abaikan_periksa: [rule-id, ...]`; an id
that no rule has is itself a finding (abaikan-tidak-dikenal), not an error, so that a file
written for a newer kpu-docs still loads in an older one.
"""

from __future__ import annotations

from collections.abc import Iterable

from kpu_docs.checks.aturan import ATURAN, Aturan, Hasil, Temuan, aturan, daftarkan
from kpu_docs.models import Keputusan
from kpu_docs.nomor.pola import NOMOR_KOSONG

__all__ = ["ATURAN", "NOMOR_KOSONG", "Aturan", "Temuan", "periksa", "periksa_nomor", "temuan", "tidak_dikenal"]


@aturan("abaikan-tidak-dikenal", "pengaturan.abaikan_periksa menyebut aturan dengan id-nya (kpu-docs check "
                                 "mencetaknya di antara tanda kurung siku)")
def _abaikan_tidak_dikenal(keputusan: Keputusan) -> Hasil:
    for i, rule_id in enumerate(keputusan.pengaturan.abaikan_periksa, start=1):
        if rule_id not in ATURAN:
            yield f"pengaturan.abaikan_periksa[{i}]", f"aturan \"{rule_id}\" tidak dikenal; {_known()}"


# The rule families, registered in the order their findings are reported: the decree from top to bottom.
from kpu_docs.checks import penomoran, konsiderans, dasar_hukum, penutup, rujukan, penulisan  # noqa: E402, F401, I001

NOMOR_REGISTER = daftarkan(Aturan(
    "nomor-register", "Tata Naskah Dinas: satu nomor untuk satu naskah; nomor yang dibatalkan tidak dipakai lagi "
                      "(kpu-docs check --register)"))
"""Checked by the command line against the register of numbers (`check --register`), not here."""

_NUMBER_RULES = ("nomor-kosong", "tanggal-tahun", "nomor-pola", "nomor-tahun", "nomor-bulan")


def _known() -> str:
    return "aturan yang ada: " + ", ".join(ATURAN)


def tidak_dikenal(ids: Iterable[str]) -> list[str]:
    """The ids among `ids` that name no rule."""
    return [rule_id for rule_id in ids if rule_id not in ATURAN]


def temuan(keputusan: Keputusan, abaikan: Iterable[str] = ()) -> list[Temuan]:
    """Every finding for the decree, in the order of the rules, except the rules the decree's
    `pengaturan.abaikan_periksa` and `abaikan` name."""
    return _temuan(keputusan, ATURAN.values(), abaikan)


def _temuan(keputusan: Keputusan, rules: Iterable[Aturan], abaikan: Iterable[str] = ()) -> list[Temuan]:
    skipped = {*keputusan.pengaturan.abaikan_periksa, *abaikan}
    return [found for rule in rules if rule.id not in skipped for found in rule.temuan(keputusan)]


def periksa(keputusan: Keputusan) -> list[str]:
    """Warnings, in Indonesian, each "<field path>: <message>"; an empty list means nothing to flag."""
    return [str(found) for found in temuan(keputusan)]


def periksa_nomor(keputusan: Keputusan) -> list[str]:
    """The number against its pattern, the decree's year and the signing date: a number copied
    from last year's decree, or a date moved after the number was taken."""
    return [str(found) for found in _temuan(keputusan, [ATURAN[rule_id] for rule_id in _NUMBER_RULES])]
