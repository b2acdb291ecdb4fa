"""Between Python objects (ASE Atoms, NumPy arrays) and the engine's Java objects, in bulk."""

import contextlib
import numbers as _numbers

import numpy as np

from . import _jvm


def _jarray(kind, values):
    """A Java primitive array from a contiguous NumPy array, in one copy."""
    jpype = _jvm.start()
    java = {"double": jpype.JDouble, "int": jpype.JInt, "boolean": jpype.JBoolean, "long": jpype.JLong}[kind]
    dtype = {"double": np.float64, "int": np.int32, "boolean": np.bool_, "long": np.int64}[kind]
    return jpype.JArray(java)(np.ascontiguousarray(values, dtype=dtype).ravel())


def doubles(values):
    return _jarray("double", values)


def ints(values):
    return _jarray("int", values)


def strings(values):
    jpype = _jvm.start()
    return jpype.JArray(jpype.JString)(list(values))


def to_numpy(java_array, dtype=np.float64):
    """A NumPy copy of a Java primitive array."""
    return np.array(memoryview(java_array), dtype=dtype, copy=True)


def _info_text(value):
    """An info value as an extended-XYZ comment line writes it, or None for values that are not scalars."""
    if isinstance(value, (bool, np.bool_)):
        return "T" if value else "F"
    if isinstance(value, str):
        return value
    if isinstance(value, _numbers.Integral):
        return str(int(value))
    if isinstance(value, _numbers.Real):
        # repr is the shortest text that reads back as the same double, in Python and in Java alike.
        return repr(float(value))
    return None


def _results(atoms):
    calc = getattr(atoms, "calc", None)
    results = getattr(calc, "results", None)
    return results if isinstance(results, dict) else {}


def _frame_list(frames):
    if hasattr(frames, "positions") and hasattr(frames, "numbers"):
        return [frames]
    frames = list(frames)
    for i, a in enumerate(frames):
        if not (hasattr(a, "positions") and hasattr(a, "numbers")):
            raise TypeError(f"frame {i} is a {type(a).__name__}, not an ase.Atoms")
    return frames


def is_frames(x):
    """True for an Atoms or a sequence of them; False for a descriptor matrix."""
    if hasattr(x, "positions") and hasattr(x, "numbers"):
        return True
    if isinstance(x, np.ndarray):
        return False
    try:
        first = x[0]
    except (TypeError, IndexError, KeyError):
        return False
    return hasattr(first, "positions") and hasattr(first, "numbers")


def frame_info(atoms):
    """The frame's scalar info values as text, with the calculator's energy under 'energy' when info has none."""
    info = {}
    for key, value in atoms.info.items():
        text = _info_text(value)
        if text is not None:
            info[str(key)] = text
    energy = _results(atoms).get("energy")
    if "energy" not in info and energy is not None:
        info["energy"] = _info_text(energy)
    return info


def dataset(frames):
    """An engine Dataset of ASE Atoms (one or a sequence): species, positions, cell, pbc, info and forces.

    A frame has a lattice when its cell is not all zeros (ASE's spelling of "no cell"); energies and
    forces come from the attached calculator (as ase.io.read leaves them) or from info and arrays.
    """
    frames = _frame_list(frames)
    n = len(frames)
    counts = np.fromiter((len(a) for a in frames), dtype=np.int32, count=n)
    if n == 0:
        numbers = np.zeros(0, np.int32)
        positions = np.zeros((0, 3))
    else:
        numbers = np.concatenate([np.asarray(a.numbers) for a in frames])
        positions = np.concatenate([np.asarray(a.positions, dtype=np.float64).reshape(-1, 3) for a in frames])
    cells = np.array([np.asarray(a.cell, dtype=np.float64).reshape(3, 3) for a in frames]).reshape(n, 9)
    has_cell = np.any(cells != 0, axis=1)
    pbc = np.array([np.broadcast_to(np.asarray(a.pbc, dtype=bool), 3) for a in frames]).reshape(n * 3)

    forces = np.zeros_like(positions)
    has_forces = np.zeros(n, dtype=bool)
    at = 0
    for s, a in enumerate(frames):
        f = _results(a).get("forces")
        if f is None:
            f = a.arrays.get("forces") if hasattr(a, "arrays") else None
        if f is not None:
            forces[at:at + len(a)] = np.asarray(f, dtype=np.float64).reshape(-1, 3)
            has_forces[s] = True
        at += len(a)

    info_counts, keys, values = [], [], []
    for a in frames:
        info = frame_info(a)
        info_counts.append(len(info))
        keys.extend(info)
        values.extend(info.values())

    FrameArrays = _jvm.jclass("io.atomcover.structure.FrameArrays")
    with java_errors():
        return (FrameArrays.of(ints(counts), ints(numbers), doubles(positions))
                .cells(doubles(cells), _jarray("boolean", has_cell), _jarray("boolean", pbc))
                .forces(doubles(forces), _jarray("boolean", has_forces))
                .info(ints(info_counts), strings(keys), strings(values))
                .dataset())


def descriptor_rows(x):
    """Engine Descriptors of a matrix with one row per environment (no structure boundaries)."""
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 2 or x.shape[0] < 1 or x.shape[1] < 1:
        raise ValueError(f"expected a non-empty 2-D descriptor matrix (environments x values), got shape {x.shape}")
    Descriptors = _jvm.jclass("io.atomcover.descriptor.Descriptors")
    return Descriptors.ofRows(doubles(x), int(x.shape[1]))


@contextlib.contextmanager
def java_errors():
    """Turns the engine's exceptions for bad arguments or data into ValueError, with the engine's message."""
    jpype = _jvm.start()
    try:
        yield
    except jpype.JException as e:
        bad_input = ("java.lang.IllegalArgumentException", "io.atomcover.io.InputException",
                     "io.atomcover.backend.BackendUnavailableException", "io.atomcover.ilpselect.api.CurveFailure")
        if any(isinstance(e, jpype.JClass(name)) for name in bad_input):
            raise ValueError(str(e.getMessage())) from None
        raise
