"""tests/run.py, which Maven runs: a missing Python module skips the tests, or fails them under CI=true."""

import os
import subprocess
import sys
from pathlib import Path

RUN = Path(__file__).resolve().parent / "run.py"


def run_without_jpype(tmp_path, ci):
    # A jpype that cannot be imported, placed ahead of the real one.
    (tmp_path / "jpype.py").write_text("raise ImportError('hidden for this test')\n")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PYTHONPATH"] = str(tmp_path)
    if ci:
        env["CI"] = "true"
    return subprocess.run([sys.executable, str(RUN)], env=env, capture_output=True, text=True, timeout=120)


def test_missing_module_fails_under_ci(tmp_path):
    r = run_without_jpype(tmp_path, ci=True)
    assert r.returncode == 1, r
    assert "FAILED" in r.stderr and "python3-jpype" in r.stderr and "apt-get install" in r.stderr


def test_missing_module_skips_elsewhere(tmp_path):
    r = run_without_jpype(tmp_path, ci=False)
    assert r.returncode == 0, r
    assert "SKIPPED" in r.stderr and "python3-jpype" in r.stderr
