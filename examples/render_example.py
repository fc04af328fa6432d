"""Render the reference decree from Python: load, adjust in code, render to a file and to bytes.

Run: python examples/render_example.py [OUTDIR]
"""

import sys
from pathlib import Path

import kpu_docs
from kpu_docs.models import Peraturan

HERE = Path(__file__).resolve().parent

outdir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out")
keputusan = kpu_docs.load(HERE / "keputusan-11-2025.yaml")

# Models are immutable values: `ubah` makes a changed copy, validated like a file.
uu_pemilu = Peraturan(
    jenis="Undang-Undang", nomor="7", tahun=2017, tentang="Pemilihan Umum",
    diundangkan={"dalam": "lembaran_negara", "tahun": 2017, "nomor": "182", "tambahan": "6109"},
)
draft = keputusan.ubah(mengingat=[uu_pemilu, *keputusan.mengingat])

for warning in kpu_docs.periksa(draft):
    print("peringatan:", warning)
paths = kpu_docs.render(draft, outdir / "keputusan-11-2025-draf.docx")
print("ditulis:", *paths)
print(len(kpu_docs.render_bytes(keputusan)), "bytes for the unchanged decree")
