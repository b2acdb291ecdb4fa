"""Shared fixtures: the data files, and the CLI's entry point run in the same JVM as the package."""

import json
import os
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))

if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
    import ase  # noqa: F401  (under CI a missing module is a failure, not a skip)
    import jpype  # noqa: F401
    import numpy  # noqa: F401
else:
    for module, package in (("numpy", "python3-numpy"), ("ase", "python3-ase"), ("jpype", "python3-jpype")):
        pytest.importorskip(module, reason=f"the atomcover package's tests need {package}")

SI_TEST = REPO / "examples" / "mlearn-si" / "Si-test.extxyz"
QM7_DATABASE = HERE / "data" / "qm7-database.extxyz"
QM7_TARGETS = HERE / "data" / "qm7-targets.extxyz"
QM7_30 = HERE / "data" / "qm7-30.extxyz"
#: Both sides run with the same number of threads.
THREADS = 2


def read(path):
    import ase.io

    return ase.io.read(str(path), index=":")


def copy_frames(source, target, frames):
    """Copies frames (0-based indices) of an XYZ file verbatim, so that both sides read the same text."""
    lines = Path(source).read_text().splitlines(keepends=True)
    starts, i = [], 0
    while i < len(lines):
        starts.append(i)
        i += int(lines[i]) + 2
    with open(target, "w") as f:
        for s in frames:
            n = int(lines[starts[s]])
            f.writelines(lines[starts[s]:starts[s] + n + 2])
    return target


class Cli:
    """``atomcover`` run through its Java entry point (io.atomcover.cli.Main) in this process's JVM."""

    def __call__(self, *args):
        from atomcover import _jvm

        j = _jvm.jclass
        out, err = j("java.io.StringWriter")(), j("java.io.StringWriter")()
        argv = _jvm.start().JArray(j("java.lang.String"))([str(a) for a in args])
        code = j("io.atomcover.cli.Main").execute(argv, j("java.io.PrintWriter")(out), j("java.io.PrintWriter")(err))
        assert code == 0, f"atomcover {' '.join(map(str, args))} exited {code}: {err}"
        return str(out)

    def json(self, *args, out):
        self(*args)
        return json.loads(Path(out).read_text())


@pytest.fixture(scope="session")
def cli():
    return Cli()


@pytest.fixture(scope="session")
def si_test():
    return read(SI_TEST)
