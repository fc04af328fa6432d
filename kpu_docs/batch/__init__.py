"""One decree per row of a spreadsheet or of data in memory: `kpu-docs batch` and `run_batch`.

    from kpu_docs.batch import run_batch
    report = run_batch("pps.yaml", "desa.xlsx", "hasil", tabel="desa.xlsx#Anggota", kunci="desa")
    report = run_batch("pps.yaml", [{"desa": "Kertamulya", "nomor": "1"}], "hasil",
                       tabel=members_dataframe, kunci="desa", jobs=2)
    for outcome in report.failures:
        print(*outcome.pesan(), sep="\\n")
"""

from kpu_docs.batch.errors import BatchError
from kpu_docs.batch.runner import BatchReport, RowOutcome, run_batch
from kpu_docs.batch.work import render_chunk

__all__ = ["BatchError", "BatchReport", "RowOutcome", "render_chunk", "run_batch"]
