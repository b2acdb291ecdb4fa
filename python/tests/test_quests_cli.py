"""The package against the CLI on the same extxyz file: ASE-read frames in Python, the file in the CLI.

Same engine, same doubles (ASE and Java both read the decimal text to the nearest double), so results
must be equal exactly: descriptors element for element, entropies bit for bit, identical selections.
Only wall times and file names differ between the reports.
"""

import numpy as np
import pytest

import atomcover
from conftest import SI_TEST, THREADS, copy_frames, read

SIDE = ("--backend", "cpu", "--threads", THREADS)


def without(report, *keys):
    """The report without wall times and the CLI's file names."""
    out = {k: v for k, v in report.items() if k not in keys + ("seconds",)}
    if "parameters" in out:
        out["parameters"] = {k: v for k, v in out["parameters"].items() if k not in ("file", "reference")}
    return out


def test_descriptors_equal_the_cli_npy(cli, si_test, tmp_path):
    out = tmp_path / "x.npy"
    cli("descriptors", SI_TEST, "-o", out, "--threads", THREADS)
    want = np.load(out)
    got = atomcover.descriptors(si_test, threads=THREADS)
    assert got.dtype == np.float64 and got.shape == want.shape == (1525, 63)
    assert np.array_equal(got, want)


def test_descriptor_options_equal_the_cli(cli, si_test, tmp_path):
    out = tmp_path / "x.npy"
    cli("descriptors", SI_TEST, "-o", out, "-k", 8, "-c", 4.0, "--multicomponent", "--threads", THREADS)
    got = atomcover.descriptors(si_test, k=8, cutoff=4.0, multicomponent=True, threads=THREADS)
    assert np.array_equal(got, np.load(out))


def test_entropy_is_bit_identical(cli, si_test, tmp_path):
    out = tmp_path / "h.json"
    want = cli.json("entropy", SI_TEST, "-o", out, *SIDE, out=out)
    got = atomcover.entropy(si_test, backend="cpu", threads=THREADS)
    assert got["entropy"] == want["entropy"] and got["diversity"] == want["diversity"]
    assert without(got) == without(want, "file")
    assert got.keys() == without(want, "file").keys() | {"seconds"}


def test_entropy_of_a_matrix_and_with_options(cli, si_test, tmp_path):
    x = atomcover.descriptors(si_test, threads=THREADS)
    npy = tmp_path / "x.npy"
    np.save(npy, x)
    out = tmp_path / "h.json"
    want = cli.json("entropy", npy, "-o", out, "-b", 0.02, *SIDE, out=out)
    got = atomcover.entropy(x, bandwidth=0.02, backend="cpu", threads=THREADS)
    assert got["n_structs"] is None
    assert without(got) == without(want, "file")

    want = cli.json("entropy", SI_TEST, "-o", out, "--bandwidth-rule", "gaussian", "-k", 16, *SIDE, out=out)
    got = atomcover.entropy(si_test, bandwidth_rule="gaussian", k=16, backend="cpu", threads=THREADS)
    assert got["bandwidth"] == want["bandwidth"] and got["bandwidth_rule"] == "gaussian"
    assert without(got) == without(want, "file")

    want = cli.json("entropy", SI_TEST, "-o", out, "--sample", 200, "--seed", 3, "--tolerance", 1e-6, *SIDE, out=out)
    got = atomcover.entropy(si_test, sample=200, seed=3, tolerance=1e-6, backend="cpu", threads=THREADS)
    assert got["sample"]["n"] == 200 and got["diversity"] is None
    assert without(got) == without(want, "file")


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """Frames 0, 5, 10 and 20 of Si-test, copied verbatim: a small reference that leaves some environments novel."""
    path = copy_frames(SI_TEST, tmp_path_factory.mktemp("ref") / "ref.extxyz", [0, 5, 10, 20])
    return path, read(path)


def test_delta_entropy_equals_the_cli_dh(cli, si_test, reference, tmp_path):
    path, frames = reference
    out = tmp_path / "dh.npy"
    cli("dh", SI_TEST, path, "-o", out, *SIDE)
    want = np.load(out)
    got = atomcover.delta_entropy(si_test, frames, backend="cpu", threads=THREADS)
    assert got.shape == (1525,)
    assert np.array_equal(got, want)
    assert np.ptp(got[np.isfinite(got)]) > 1, "a spread of dH values, not a constant"


def test_overlap_equals_the_cli(cli, si_test, reference, tmp_path):
    path, frames = reference
    out = tmp_path / "o.json"
    want = cli.json("overlap", SI_TEST, path, "-o", out, "-e", 0.5, "--multicomponent", *SIDE, out=out)
    got = atomcover.overlap(si_test, frames, eps=0.5, multicomponent=True, backend="cpu", threads=THREADS)
    assert 0 < got["overlap"] < 1
    assert without(got) == without(want, "test", "ref")
    assert got.keys() == without(want, "test", "ref").keys() | {"seconds"}


@pytest.mark.parametrize("args, kwargs", [
    (("-s", 0.2, "--compat-check"), dict(size=0.2, compat_check=True)),
    (("-m", "fps", "-s", 6), dict(method="fps", size=6)),
    (("-m", "k_means", "-s", 4, "--seed", 1), dict(method="k_means", size=4, seed=1)),
    (("-m", "random", "--seed", 7, "-s", 5, "--full"), dict(method="random", seed=7, size=5, full=True)),
    (("--optimal", "--compat", "quests", "--tolerance", 1e-6), dict(optimal=True, compat="quests", tolerance=1e-6)),
    (("-s", 9, "--chunks", 2, "-b", 0.02, "-e", 0.1), dict(size=9, chunks=2, bandwidth=0.02, eps=0.1)),
])
def test_compress_selects_as_the_cli(cli, si_test, tmp_path, args, kwargs):
    out = tmp_path / "c.json"
    want = cli.json("compress", SI_TEST, *args, "-o", out, *SIDE, out=out)
    got = atomcover.compress(si_test, backend="cpu", threads=THREADS, **kwargs)
    assert got["selected"] == want["selected"]
    assert got["entropy"] == want["entropy"]
    assert without(got) == without(want)
    assert got.keys() == want.keys()
    assert got["seconds"].keys() == want["seconds"].keys()
    assert got["parameters"].keys() == want["parameters"].keys() - {"file"}


def test_compress_with_a_curve_and_a_reference(cli, si_test, reference, tmp_path):
    path, frames = reference
    out, csv = tmp_path / "c.json", tmp_path / "c.csv"
    want = cli.json("compress", SI_TEST, "-s", 5, "-r", path, "--curve", csv, "--multicomponent", "-o", out, *SIDE,
                    out=out)
    got = atomcover.compress(si_test, size=5, reference=frames, curve=True, multicomponent=True, backend="cpu",
                             threads=THREADS)
    assert got["curve"]["entropy"][:5] == want["curve"]["entropy"][:5]
    assert without(got) == without(want)
    assert got["parameters"]["reference"] == sum(len(a) for a in frames), "the reference's environments"
