"""The package itself: its defaults against the engine's, finding the jars, turning Atoms into structures."""

import numpy as np
import pytest
from ase import Atoms

import atomcover
from atomcover import _convert, _jvm, ilpselect, quests


def test_defaults_are_the_engines():
    j = _jvm.jclass
    assert quests.DEFAULT_BANDWIDTH == j("io.atomcover.metrics.Bandwidth").DEFAULT
    assert quests.DEFAULT_EPS == j("io.atomcover.metrics.InformationMetrics").DEFAULT_OVERLAP_EPS
    assert quests.DEFAULT_K == j("io.atomcover.descriptor.QuestsDescriptor").DEFAULT_K
    assert quests.DEFAULT_CUTOFF == j("io.atomcover.descriptor.QuestsDescriptor").DEFAULT_CUTOFF
    ilp = j("io.atomcover.ilpselect.ilp.IlpOptions")
    assert ilpselect.DEFAULT_CANDIDATES == ilp.DEFAULT_CANDIDATES
    assert ilpselect.DEFAULT_BUDGET == ilp.DEFAULT_BUDGET
    assert ilpselect.DEFAULT_ROUND_BUDGET == ilp.DEFAULT_ROUND_BUDGET
    assert ilpselect.DEFAULT_SOLVER_WORKERS == ilp.DEFAULT_SOLVER_WORKERS
    assert ilpselect.DEFAULT_PRUNING_CHECK_MAX == ilp.DEFAULT_PRUNING_CHECK_MAX
    assert ilpselect.DEFAULT_RESOLUTION == ilp.DEFAULT_RESOLUTION
    methods = str(j("io.atomcover.select.SelectionMethod").ids())
    for m in quests.METHODS:
        assert m in methods


def test_the_classpath_comes_from_the_environment_first(tmp_path):
    jar = tmp_path / "a.jar"
    jar.write_bytes(b"")
    assert _jvm.find_classpath({"ATOMCOVER_JAR": str(jar)}) == [str(jar)]
    assert _jvm.find_classpath({"ATOMCOVER_CLASSPATH": f"{jar}:{tmp_path}"}) == [str(jar), str(tmp_path)]
    with pytest.raises(_jvm.EngineNotFoundError, match="ATOMCOVER_CLASSPATH names missing files: /nowhere.jar"):
        _jvm.find_classpath({"ATOMCOVER_CLASSPATH": "/nowhere.jar"})


def test_without_jars_the_error_says_how_to_build_them(tmp_path, monkeypatch):
    monkeypatch.setattr(_jvm, "_candidate_roots", lambda: iter([tmp_path]))
    with pytest.raises(_jvm.EngineNotFoundError) as e:
        _jvm.find_classpath({})
    assert "mvn -B -ntp -DskipTests -pl cli -am package" in str(e.value)
    assert "ATOMCOVER_JAR" in str(e.value)


def test_repository_build_outputs_are_found(tmp_path):
    assert _jvm.repository_classpath(tmp_path) is None
    jar = tmp_path / "cli" / "target" / "atomcover.jar"
    jar.parent.mkdir(parents=True)
    jar.write_bytes(b"")
    assert _jvm.repository_classpath(tmp_path) == [str(jar)]
    ortools = jar.parent / "ortools"
    ortools.mkdir()
    for name in ("ortools-java.jar", "jna.jar"):
        (ortools / name).write_bytes(b"")
    assert _jvm.repository_classpath(tmp_path) == [str(jar), str(ortools / "jna.jar"), str(ortools / "ortools-java.jar")]


def test_distribution_layout_is_found(tmp_path):
    jar = tmp_path / "lib" / "atomcover.jar"
    (tmp_path / "lib" / "ortools").mkdir(parents=True)
    jar.write_bytes(b"")
    (tmp_path / "lib" / "ortools" / "ortools-java.jar").write_bytes(b"")
    assert _jvm.repository_classpath(tmp_path) == [str(jar), str(tmp_path / "lib" / "ortools" / "ortools-java.jar")]


def test_atoms_become_structures_exactly():
    cell = [[5.43, 0, 0], [0.1, 5.43, 0], [0, 0, 5.43]]
    crystal = Atoms("Si2", positions=[[0, 0, 0], [1.3575, 1.3575, 1.3575 + 1e-17]], cell=cell, pbc=[True, True, False])
    crystal.arrays["forces"] = np.array([[0.125, -0.25, 1e-3], [-0.125, 0.25, -1e-3]])
    crystal.info.update(energy=-10.5, name="si", converged=True, step=3, tags=[1, 2])
    water = Atoms("OH2", positions=[[0, 0, 0.1173], [0, 0.7572, -0.4692], [0, -0.7572, -0.4692]])
    ds = _convert.dataset([crystal, water])
    assert ds.size() == 2 and list(ds.atomOffsets()) == [0, 2, 5]
    si, h2o = ds.get(0), ds.get(1)
    assert list(si.atomicNumbers()) == [14, 14] and list(h2o.atomicNumbers()) == [8, 1, 1]
    assert np.array_equal(_convert.to_numpy(si.positions()), crystal.positions.ravel())
    assert np.array_equal(_convert.to_numpy(si.cell()), np.array(cell).ravel())
    assert list(si.pbc()) == [True, True, False]
    assert np.array_equal(_convert.to_numpy(si.column("forces").reals()), crystal.arrays["forces"].ravel())
    assert dict((str(k), str(v)) for k, v in si.info().items()) == {
        "energy": "-10.5", "name": "si", "converged": "T", "step": "3"}
    assert h2o.cell() is None and not h2o.isPeriodic() and h2o.column("forces") is None


def test_bad_input_is_a_value_error():
    with pytest.raises(ValueError, match="frame 0: a periodic structure needs a cell"):
        _convert.dataset([Atoms("H", pbc=True)])
    h2 = [Atoms("H2", positions=[[0, 0, 0], [0.74, 0, 0]])] * 4
    with pytest.raises(ValueError, match="a size of 1 or more is a count and must be whole"):
        atomcover.compress(h2, size=1.5)
    with pytest.raises(ValueError, match="unknown method 'best'"):
        atomcover.compress(h2, method="best")
    with pytest.raises(ValueError, match="k_means selections are not nested"):
        atomcover.compress(h2, method="k_means", full=True)
    with pytest.raises(ValueError, match="expected a non-empty 2-D descriptor matrix"):
        atomcover.entropy(np.zeros(3))
    with pytest.raises(ValueError, match="no backend named 'gpu'"):
        atomcover.entropy(h2, backend="gpu")
    with pytest.raises(TypeError, match="frame 1 is a str"):
        atomcover.descriptors([h2[0], "H2"])


def test_a_backend_fallback_is_a_python_warning():
    h2 = [Atoms("H2", positions=[[0, 0, 0], [0.74 + 0.01 * i, 0, 0]]) for i in range(4)]
    with pytest.warns(RuntimeWarning, match="using the CPU backend"):
        r = atomcover.entropy(h2, backend="auto", device=99)
    assert r["entropy"] == atomcover.entropy(h2, backend="cpu")["entropy"]
