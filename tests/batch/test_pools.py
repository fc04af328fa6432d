"""The same batch in worker processes and on a Dask cluster gives the same documents."""

from __future__ import annotations

import pytest

from kpu_docs.batch import run_batch
from tests.batch.conftest import ANGGOTA, BASE, DESA, parts


def _same_as_in_process(outdir, rendered):
    for number in (1, 2, 3):
        assert parts(outdir / f"pps-{number}.docx") == parts(rendered / f"pps-{number}.docx")


def test_two_worker_processes(tmp_path, rendered):
    report = run_batch(BASE, DESA, tmp_path, tabel=ANGGOTA, kunci="desa", jobs=2)
    assert (report.ditulis, report.gagal) == (3, 0)
    _same_as_in_process(tmp_path, rendered)


@pytest.mark.parametrize("processes", [False, True], ids=["threads", "processes"])
def test_dask_local_cluster(tmp_path, rendered, processes):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=processes, dashboard_address=None
    ) as cluster:
        seen = []
        report = run_batch(
            BASE, DESA, tmp_path, tabel=ANGGOTA, kunci="desa", dask=cluster.scheduler_address,
            progress=lambda done, total, outcome: seen.append((done, total)),
        )
    assert (report.ditulis, report.gagal) == (3, 0)
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    _same_as_in_process(tmp_path, rendered)


def test_dask_reports_failed_rows_like_any_pool(tmp_path):
    distributed = pytest.importorskip("distributed")
    data = tmp_path / "desa.csv"
    data.write_text(DESA.read_text(encoding="utf-8").replace("2025-01-07", "7/1/2025"), encoding="utf-8")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:  # a Client of one's own may be passed too
            report = run_batch(BASE, data, tmp_path / "hasil", tabel=ANGGOTA, kunci="desa", dask=client)
    assert [o.status for o in report.outcomes] == ["ditulis", "gagal", "ditulis"]
    assert report.outcomes[1].pesan()[0].startswith(
        f"{data} baris 3 (berkas pps-2, desa Dasan Agung): penutup.tanggal: harus berupa tanggal")
