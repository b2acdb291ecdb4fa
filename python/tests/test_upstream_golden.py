"""The package against upstream QUESTS: its MSC selection of the mlearn silicon training set.

The golden values (tests/data/si-compress.json, a copy of the CLI's) were computed by the upstream
QUESTS package on the same file; here the frames come from ase.io.read instead of the engine's reader.
"""

import json
import math

import atomcover
from conftest import HERE, REPO, THREADS, read

GOLDEN = json.loads((HERE / "data" / "si-compress.json").read_text())


def test_msc_selection_is_upstreams():
    si_train = read(REPO / "examples" / "mlearn-si" / "Si-train.extxyz")
    want = GOLDEN["msc"]["21"]
    got = atomcover.compress(si_train, size=21, compat="quests", backend="cpu", threads=THREADS)
    assert got["selected"] == want["selected"]
    for metric in ("entropy", "diversity", "overlap"):
        assert math.isclose(got[metric], want["summary"][metric], rel_tol=1e-9, abs_tol=0), metric
    for count in ("original_size", "compressed_size", "original_envs", "compressed_envs"):
        assert got[count] == want["summary"][count], count
