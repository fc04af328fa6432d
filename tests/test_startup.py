"""Start-up: `kpu-docs --help` and `kpu-docs check` import only what they need.

Each command runs in a fresh interpreter, as the `kpu-docs` script runs it, and the test looks at
which modules were loaded; it never times anything (benchmarks/startup.py does).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kpu_docs.models import Keputusan

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "keputusan-11-2025.yaml"

# Word, templates, the importer, the other commands: none is needed to print help or check data.
NOT_FOR_CHECK = [
    "docx",
    "docxtpl",
    "docxcompose",
    "jinja2",
    "lxml",
    "babel",
    "PIL",
    "yaml",
    "kpu_docs.word",
    "kpu_docs.importing",
    "kpu_docs.formatting",
    "kpu_docs.wording",
    "kpu_docs.plaintext",
    "kpu_docs.next_year",
    "kpu_docs.diff",
    "kpu_docs.pdf",
    "kpu_docs.preview",
    "kpu_docs.review",
    "kpu_docs.yaml_source",
    "kpu_docs.nomor.register",
    "kpu_docs.nomor.ambil",
    "sqlite3",
    "openpyxl",
    "kpu_docs.web",  # `kpu-docs web`: its server, templates and password hashing load when it runs
    "starlette",
    "uvicorn",
    "argon2",
]
# Help needs neither the decree's models nor its file formats, nor rich (typer's rich help
# panels would bring rich's Markdown and Pygments).
NOT_FOR_HELP = [*NOT_FOR_CHECK, "kpu_docs.models", "kpu_docs.loading", "pydantic", "ruamel", "rich", "pygments"]


def _modules_after(*args: str) -> tuple[subprocess.CompletedProcess, set[str]]:
    """Run `kpu-docs ARGS` in a new interpreter; its result and the modules it had loaded."""
    code = (
        "import json, sys\n"
        f"sys.argv = {['kpu-docs', *args]!r}\n"
        "from kpu_docs.cli import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exc:\n"
        "    code = exc.code\n"
        "else:\n"
        "    code = 0\n"
        "print('\\nMODULES ' + json.dumps(sorted(sys.modules)))\n"
        "sys.exit(code)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    head, _, modules = result.stdout.rpartition("\nMODULES ")
    result.stdout = head
    return result, set(json.loads(modules))


def _loaded(modules: set[str], names: list[str]) -> list[str]:
    return sorted(m for m in modules if any(m == name or m.startswith(name + ".") for name in names))


def test_help_imports_neither_models_nor_word():
    result, modules = _modules_after("--help")
    assert result.returncode == 0, result.stderr
    assert "check" in result.stdout and "render" in result.stdout
    assert _loaded(modules, NOT_FOR_HELP) == []


def test_command_help_imports_neither_models_nor_word():
    result, modules = _modules_after("render", "--help")
    assert result.returncode == 0, result.stderr
    assert "--templat" in result.stdout
    # typer itself converts option defaults with pydantic here; our models and Word stay unloaded
    assert _loaded(modules, [*NOT_FOR_CHECK, "kpu_docs.models", "kpu_docs.loading", "rich", "pygments"]) == []


def test_check_imports_the_models_but_not_word():
    result, modules = _modules_after("check", str(EXAMPLE))
    assert result.returncode == 0, result.stderr
    assert "Data sah" in result.stdout
    assert "kpu_docs.models" in modules and "kpu_docs.checks" in modules
    assert _loaded(modules, NOT_FOR_CHECK) == []


def test_nomor_help_imports_neither_models_nor_sqlite():
    result, modules = _modules_after("nomor", "--help")
    assert result.returncode == 0, result.stderr
    assert "ambil" in result.stdout and "daftar" in result.stdout and "batal" in result.stdout
    # as for a command's help, typer brings pydantic; our models, SQLite and openpyxl stay unloaded
    assert _loaded(modules, [*NOT_FOR_CHECK, "kpu_docs.models", "kpu_docs.loading", "rich", "pygments"]) == []


def test_check_of_bad_data_imports_no_more(tmp_path):
    bad = tmp_path / "rusak.yaml"
    bad.write_text("instansi: KPU\ntahun: dua ribu\n", encoding="utf-8")
    result, modules = _modules_after("check", str(bad))
    assert result.returncode == 2
    assert "tahun: harus berupa bilangan bulat" in result.stderr
    assert _loaded(modules, NOT_FOR_CHECK) == []


def test_importing_the_package_loads_nothing_heavy():
    code = "import json, sys, kpu_docs; print(json.dumps(sorted(sys.modules)))"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    modules = set(json.loads(result.stdout))
    assert _loaded(modules, NOT_FOR_HELP) == []


def test_public_names_load_on_first_use():
    import kpu_docs
    from kpu_docs import checks, errors, loading, models, word

    assert kpu_docs.render is word.render_file
    assert kpu_docs.render_bytes is word.render_bytes
    assert kpu_docs.render_docx is word.render_docx
    assert kpu_docs.load is loading.load and kpu_docs.from_data is loading.from_data
    assert kpu_docs.periksa is checks.periksa
    assert kpu_docs.Keputusan is models.Keputusan and kpu_docs.InputError is errors.InputError
    assert set(kpu_docs.__all__) <= set(dir(kpu_docs))
    try:
        kpu_docs.tidak_ada
    except AttributeError as exc:
        assert "tidak_ada" in str(exc)
    else:
        raise AssertionError("an unknown name must raise AttributeError")


def test_schema_keeps_the_field_descriptions():
    """Descriptions come from the string under each field, read when the schema is made."""
    schema = Keputusan.model_json_schema()
    assert schema["properties"]["tahun"]["description"] == "Year of the decree."
    assert schema["properties"]["penutup"] == {"$ref": "#/$defs/Penutup", "description": "Place, date and signatory."}
    assert schema["$defs"]["Sel"]["properties"]["gabung_baris"]["description"] == "Rows this cell spans downwards."
    assert schema["$defs"]["Pengundangan"]["properties"]["dalam"]["description"].startswith(
        "lembaran_negara (UU, Perppu, PP, Perpres), berita_negara (peraturan menteri or lembaga,\nsuch as PKPU)"
    )
