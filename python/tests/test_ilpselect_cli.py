"""ILPSelect in the package against ``atomcover select`` and ``learning-curve`` on the same QM7 files."""

import json
import re

import numpy as np
import pytest

import atomcover
from conftest import QM7_30, QM7_DATABASE, QM7_TARGETS, THREADS, read


def snake(report):
    """Keys in snake_case at every level, so that reports compare whichever spelling the CLI uses."""
    if isinstance(report, dict):
        return {re.sub(r"(?<!^)(?=[A-Z])", "_", k).lower(): snake(v) for k, v in report.items()}
    if isinstance(report, list):
        return [snake(v) for v in report]
    return report


def timeless(report):
    """Without wall times (deterministic times stay) and the CLI's file names."""
    if isinstance(report, dict):
        return {k: timeless(v) for k, v in report.items()
                if not (k.endswith("seconds") or k in ("file", "database", "target_file"))}
    if isinstance(report, list):
        return [timeless(v) for v in report]
    return report


@pytest.fixture(scope="module")
def qm7():
    return read(QM7_TARGETS), read(QM7_DATABASE)


@pytest.mark.parametrize("args, kwargs", [
    (("-t", "1", "-n", 4), dict(target=1, n=4)),
    (("-t", "qm7_16", "-n", 7, "--method", "sml"), dict(target="qm7_16", n=7, method="sml")),
    (("-t", "0", "-n", 7, "--method", "random", "--seed", 3), dict(target=0, n=7, method="random", seed=3)),
    (("-t", "1", "-n", 5, "--method", "fps", "--elements", "1,6,7,8"), dict(target=1, n=5, method="fps", elements=(1, 6, 7, 8))),
])
def test_select_ranks_as_the_cli(cli, qm7, tmp_path, args, kwargs):
    targets, database = qm7
    out = tmp_path / "s.json"
    want = cli.json("select", QM7_TARGETS, "-d", QM7_DATABASE, *args, "--threads", THREADS, "-o", out, out=out)
    got = atomcover.select(targets, database, threads=THREADS, **kwargs)
    assert got["ranking"] == want["ranking"] and got["names"] == want["names"]
    assert timeless(snake(got)) == timeless(snake(want))


def test_learning_curve_equals_the_cli(cli, qm7, tmp_path):
    targets, _ = qm7
    database = read(QM7_30)
    ranking = atomcover.select(targets, database, n=20, method="sml", target="qm7_16", threads=THREADS)
    rankings = tmp_path / "sml.json"
    rankings.write_text(json.dumps(ranking))
    out = tmp_path / "lc.json"
    want = cli.json("learning-curve", QM7_TARGETS, "--target", "qm7_16", "--database", QM7_30, "--rankings", rankings,
                    "--sizes", "5,10,20", "--threads", THREADS, "-o", out, out=out)
    got = atomcover.learning_curve(targets, database, ranking, target="qm7_16", sizes=(5, 10, 20), threads=THREADS)
    assert [p["mae"] for p in got["curves"][0]["points"]] == [p["mae"] for p in want["curves"][0]["points"]]
    assert got["curves"][0]["name"] == "sml"
    assert timeless(got) == timeless(want)

    want = cli.json("learning-curve", QM7_TARGETS, "--target", "0", "--database", QM7_30, "--rankings", rankings,
                    "--sizes", "10", "--protocol", "reference", "--no-hydrogens", "--threads", THREADS, "-o", out, out=out)
    got = atomcover.learning_curve(targets, database, {"sml": ranking["ranking"]}, target=0, sizes=[10],
                                   protocol="reference", hydrogens=False, threads=THREADS)
    assert timeless(got) == timeless(want)


def test_bad_molecules_are_named(qm7):
    targets, database = qm7
    with pytest.raises(ValueError, match="more than the 10 molecules"):
        atomcover.select(targets, database, n=11, target=0)
    with pytest.raises(ValueError, match=r"targets holds 2 frames: choose one with target \(qm7_16, qm7_930\)"):
        atomcover.select(targets, database, n=1)
    with pytest.raises(ValueError, match=r"targets frame 1, atom \d+: element O is not in the FCHL19 element list"):
        atomcover.select(targets, database, n=1, target=1, elements=(1, 6, 7))
    with pytest.raises(ValueError, match="no frame of targets has name=aspirin"):
        atomcover.select(targets, database, n=1, target="aspirin")
    with pytest.raises(ValueError, match="holds 3 molecules, fewer than the largest size 5"):
        atomcover.learning_curve(targets[0], database, [0, 1, 2], sizes=[5])
    with pytest.raises(ValueError, match="ranking 0, entry 1: index 10 outside the database"):
        atomcover.learning_curve(targets[0], database, np.array([0, 10, 2, 3, 4]), sizes=[5])
    with pytest.raises(ValueError, match="choose one with target"):
        atomcover.learning_curve(targets, database, [0, 1, 2, 3, 4], sizes=[5])
