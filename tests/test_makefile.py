"""`make install` talks to the user: a short progress line before every slow step, and pip's and
setuptools' own output (the editable-install warning block) kept in a log, shown only on failure.
Checked on the commands make would run (``make -n -B``), without installing anything."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.conftest import ROOT


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_install_prints_progress_and_logs_pip_output(tmp_path):
    out = subprocess.run(["make", "-n", "-B", "install", f"VENV={tmp_path / 'venv'}"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    lines = [ln.strip() for ln in out.stdout.splitlines() if ln.strip()]
    pip_lines = [i for i, ln in enumerate(lines) if "pip install" in ln and not ln.startswith("echo")]
    assert len(pip_lines) >= 3
    for i in pip_lines:
        assert ">>" in lines[i] and "install.log 2>&1" in lines[i], lines[i]  # nothing of pip on screen
        assert "tail -n" in lines[i]  # ... unless it fails
        assert lines[i - 1].startswith("echo "), lines[i - 1]  # a progress line before each step
    said = " ".join(ln for ln in lines if ln.startswith("echo "))
    for step in ("Cài torch (CPU)", "Cài các gói Python", "Dựng mô hình"):
        assert step in said
    build = next(i for i, ln in enumerate(lines) if "nghiquyet model build" in ln)
    assert "Dựng mô hình" in lines[build - 1]
