"""QUESTS descriptors, information metrics and dataset compression, as the CLI computes them.

Every function takes structures as an ``ase.Atoms`` or a list of them (read with ``ase.io.read(...,
index=":")``, say); the metrics also take a descriptor matrix (NumPy, environments x values, as
:func:`descriptors` returns). Keyword arguments are the CLI's long options (``--bandwidth-rule`` is
``bandwidth_rule``) with the same defaults, and dictionaries hold the keys of the CLI's JSON reports.
"""

import math
import time

from . import _convert, _engine, _jvm, _reports

#: The CLI's defaults (io.atomcover.metrics.Bandwidth.DEFAULT, InformationMetrics.DEFAULT_OVERLAP_EPS, ...).
DEFAULT_BANDWIDTH = 0.015
DEFAULT_K = 32
DEFAULT_CUTOFF = 5.0
DEFAULT_EPS = 1e-5
METHODS = ("msc", "fps", "mean_fps", "k_means", "random", "msc_compat")


def _descriptor(k, cutoff, multicomponent):
    if int(k) != k or k < 1:
        raise ValueError(f"k must be a whole number of at least 1, got {k}")
    if not (cutoff > 0) or math.isinf(cutoff):
        raise ValueError(f"cutoff must be a positive number of angstrom, got {cutoff}")
    q = _jvm.jclass("io.atomcover.descriptor.QuestsDescriptor")(int(k), float(cutoff))
    return q.multicomponent(bool(multicomponent))


def _bandwidth(h):
    if not (h > 0) or math.isinf(h):
        raise ValueError(f"bandwidth must be a positive number, got {h}")
    return float(h)


def _tolerance(rel):
    with _convert.java_errors():
        _jvm.jclass("io.atomcover.backend.Tolerance").check(float(rel))
    return float(rel)


def _compute(api, ds, q):
    with _convert.java_errors():
        if ds.atomCount() == 0:
            raise ValueError("no atoms in the frames")
        return api.descriptors(ds, q)


class _Loaded:
    """Descriptors of one input, and its structures when it had them."""

    def __init__(self, descriptors, dataset):
        self.descriptors = descriptors
        self.dataset = dataset


def _load(api, x, q):
    if _convert.is_frames(x):
        ds = _convert.dataset(x)
        return _Loaded(_compute(api, ds, q), ds)
    return _Loaded(_convert.descriptor_rows(x), None)


def _load_pair(api, test, ref, q, multicomponent):
    """Both inputs with the same descriptor; multicomponent blocks cover the species of the two together."""
    a = _convert.dataset(test) if _convert.is_frames(test) else None
    b = _convert.dataset(ref) if _convert.is_frames(ref) else None
    if multicomponent and a is not None and b is not None:
        both = _jvm.jclass("java.util.ArrayList")(a.structures())
        both.addAll(b.structures())
        q = q.species(q.speciesFor(both))
    da = _compute(api, a, q) if a is not None else _convert.descriptor_rows(test)
    db = _compute(api, b, q) if b is not None else _convert.descriptor_rows(ref)
    if da.dim() != db.dim():
        raise ValueError(f"descriptor length {da.dim()} of test differs from {db.dim()} of ref"
                         + (" (multicomponent blocks depend on the species present)" if multicomponent else ""))
    return da, db


def _volume_per_atom(ds):
    """Mean volume per atom over the structures with a cell, summed in frame order as the CLI does."""
    total, n = 0.0, 0
    for s in ds.structures():
        if not s.hasCell() or s.size() == 0:
            continue
        total += float(s.volume()) / int(s.size())
        n += 1
    if n == 0:
        raise ValueError("the gaussian bandwidth rule needs structures with a cell (volume per atom); give bandwidth instead")
    return total / n


def descriptors(frames, k=DEFAULT_K, cutoff=DEFAULT_CUTOFF, multicomponent=False, threads=None):
    """QUESTS descriptors of every atomic environment, one row per atom (frames in order, atoms in order).

    :param frames: an ase.Atoms or a list of them
    :param k: nearest neighbours per environment; a row has 2k-1 values
    :param cutoff: cutoff radius of the neighbour weight (angstrom)
    :param multicomponent: append one block per chemical species
    :param threads: worker threads (default: the available processors)
    :returns: float64 ndarray, environments x values; what ``atomcover descriptors -o X.npy`` writes
    """
    q = _descriptor(k, cutoff, multicomponent)
    threads = _engine.threads_or_default(threads)
    with _engine.facade("cpu", -1, "double", threads) as api:
        d = _compute(api, _convert.dataset(frames), q)
    return _convert.to_numpy(d.data()).reshape(int(d.rows()), int(d.dim()))


def entropy(frames_or_x, bandwidth=None, bandwidth_rule=None, k=DEFAULT_K, cutoff=DEFAULT_CUTOFF, multicomponent=False,
            tolerance=0.0, sample=None, seed=0, backend="auto", device=-1, precision="double", threads=None):
    """Information entropy H and diversity D (nats) of a dataset, as ``atomcover entropy -o``.

    :param frames_or_x: an ase.Atoms, a list of them, or a descriptor matrix (environments x values)
    :param bandwidth: Gaussian kernel bandwidth h (1/angstrom); default 0.015
    :param bandwidth_rule: ``"gaussian"`` derives h from the mean volume per atom instead (frames only)
    :param tolerance: relative error allowed in every kernel sum (0: exact)
    :param sample: estimate H from this many sampled environments (then D is None)
    :param seed: seed of the sample
    :param backend: ``"auto"``, ``"cpu"`` or ``"opencl"``; ``device`` and ``precision`` as in the CLI
    :returns: dict with entropy, diversity, n_envs, n_structs, bandwidth, bandwidth_rule, seconds, dim, ...
    """
    t0 = time.perf_counter()
    if bandwidth is not None and bandwidth_rule is not None:
        raise ValueError("give bandwidth or bandwidth_rule, not both")
    if bandwidth_rule not in (None, "gaussian"):
        raise ValueError(f"bandwidth_rule must be 'gaussian', got {bandwidth_rule!r}")
    frames = _convert.is_frames(frames_or_x)
    if bandwidth_rule is not None and not frames:
        raise ValueError("bandwidth_rule needs structures (cell volumes); a descriptor matrix has none: give bandwidth")
    if sample is not None and int(sample) < 2:
        raise ValueError(f"sample must be at least 2, got {sample}")
    q = _descriptor(k, cutoff, multicomponent)
    rel = _tolerance(tolerance)
    threads = _engine.threads_or_default(threads)
    with _engine.facade(backend, device, precision, threads) as api:
        loaded = _load(api, frames_or_x, q)
        x = loaded.descriptors
        if bandwidth_rule is None:
            h = _bandwidth(DEFAULT_BANDWIDTH if bandwidth is None else bandwidth)
        else:
            h = float(_jvm.jclass("io.atomcover.metrics.Bandwidth").gaussian(_volume_per_atom(loaded.dataset)))
        envs = int(x.rows())
        if sample is not None and int(sample) > envs:
            raise ValueError(f"sample {sample} is more than the {envs} environments")
        with _convert.java_errors():
            if sample is None:
                r = api.entropy(x, h, rel)
            else:
                s = api.sampledEntropy(x, h, int(sample), int(seed), rel)
    report = {}
    if sample is None:
        report["entropy"] = float(r.entropy())
        report["diversity"] = float(r.diversity())
    else:
        report["entropy"] = float(s.estimate())
        report["diversity"] = None
        report["sample"] = {
            "n": int(s.samples()), "seed": int(s.seed()), "standard_error": float(s.standardError()),
            "ci_low": float(s.low()), "ci_high": float(s.high()), "confidence": float(s.confidence()),
            "interval": "student-t, finite-population correction, widened by entropy_bound"}
    if rel != 0:
        report["tolerance"] = rel
        report["entropy_bound"] = _reports.log_bound(rel)
    report["n_envs"] = envs
    report["n_structs"] = int(loaded.dataset.size()) if frames else None
    report["bandwidth"] = h
    report["bandwidth_rule"] = "fixed" if bandwidth_rule is None else bandwidth_rule
    report["seconds"] = time.perf_counter() - t0
    report["dim"] = int(x.dim())
    if frames:
        report["k"] = int(k)
        report["cutoff"] = float(cutoff)
        report["multicomponent"] = bool(multicomponent)
    report["threads"] = threads
    return report


def _differential(test, ref, bandwidth, k, cutoff, multicomponent, tolerance, backend, device, precision, threads):
    q = _descriptor(k, cutoff, multicomponent)
    h = _bandwidth(bandwidth)
    rel = _tolerance(tolerance)
    with _engine.facade(backend, device, precision, threads) as api:
        y, x = _load_pair(api, test, ref, q, multicomponent)
        with _convert.java_errors():
            return api.differentialEntropies(y, x, h, rel)


def delta_entropy(test, ref, bandwidth=DEFAULT_BANDWIDTH, k=DEFAULT_K, cutoff=DEFAULT_CUTOFF, multicomponent=False,
                  tolerance=0.0, backend="auto", device=-1, precision="double", threads=None):
    """Differential entropy dH of every test environment against all ref environments, as ``atomcover dh``.

    dH(y | ref) = -log sum_x exp(-|y - x|^2 / 2h^2); +inf where every kernel term underflows.

    :param test: frames or a descriptor matrix whose environments are scored
    :param ref: frames or a descriptor matrix, the reference
    :returns: float64 ndarray, one value per test environment (in test's atom order)
    """
    threads = _engine.threads_or_default(threads)
    r = _differential(test, ref, bandwidth, k, cutoff, multicomponent, tolerance, backend, device, precision, threads)
    return _convert.to_numpy(r.values())


def overlap(test, ref, bandwidth=DEFAULT_BANDWIDTH, eps=DEFAULT_EPS, k=DEFAULT_K, cutoff=DEFAULT_CUTOFF,
            multicomponent=False, tolerance=0.0, backend="auto", device=-1, precision="double", threads=None):
    """Fraction of test environments already covered by ref (dH below eps), as ``atomcover overlap -o``.

    :returns: dict with overlap, n_test_envs, n_ref_envs, dH_mean, dH_max (finite values; None when there
        are none), n_infinite, seconds, eps, bandwidth, k, cutoff, multicomponent, threads; with a
        tolerance also dH_bound, overlap_low and overlap_high
    """
    t0 = time.perf_counter()
    if math.isnan(eps):
        raise ValueError("eps must be a number")
    threads = _engine.threads_or_default(threads)
    r = _differential(test, ref, bandwidth, k, cutoff, multicomponent, tolerance, backend, device, precision, threads)
    report = {
        "overlap": float(r.overlap(float(eps))),
        "n_test_envs": len(r.values()),
        "n_ref_envs": int(r.referenceEnvs()),
        "dH_mean": _reports.finite_or_none(r.finiteMean()),
        "dH_max": _reports.finite_or_none(r.finiteMax()),
        "n_infinite": int(r.infinite()),
    }
    if tolerance != 0:
        bound = _reports.log_bound(tolerance)
        report["tolerance"] = float(tolerance)
        report["dH_bound"] = bound
        report["overlap_low"] = float(r.overlap(float(eps) - bound))
        report["overlap_high"] = float(r.overlap(float(eps) + bound))
    report.update(seconds=time.perf_counter() - t0, eps=float(eps), bandwidth=float(bandwidth), k=int(k),
                  cutoff=float(cutoff), multicomponent=bool(multicomponent), threads=threads)
    return report


def _method(method, compat):
    Method = _jvm.jclass("io.atomcover.select.SelectionMethod")
    m = Method.byId(method)
    if m is None:
        raise ValueError(f"unknown method {method!r}: choose one of {', '.join(METHODS)}")
    if compat is not None:
        if str(compat).lower() != "quests":
            raise ValueError(f"compat takes 'quests', got {compat!r}")
        if not m.isMsc():
            raise ValueError(f"compat applies to msc, not {m.id()}")
        m = Method.MSC_COMPAT
    return m


def compress(frames, size=None, method="msc", full=False, optimal=False, compat=None, reference=None, chunks=None,
             seed=0, curve=False, compat_check=False, eps=DEFAULT_EPS, bandwidth=DEFAULT_BANDWIDTH, k=DEFAULT_K,
             cutoff=DEFAULT_CUTOFF, multicomponent=False, tolerance=0.0, backend="auto", device=-1, precision="double",
             threads=None):
    """Selects the structures that keep most of the dataset's information, as ``atomcover compress -o R.json``.

    :param frames: an ase.Atoms list (every frame with at least one atom)
    :param size: a fraction 0 < size < 1 of the frames (rounded half to even) or a whole count; default 0.1,
        or every structure with ``full``; not with ``optimal``, which chooses it
    :param method: msc (greedy minimum set cover), fps, mean_fps, k_means or random
    :param full: order every structure (``ordering`` in the result)
    :param optimal: order every structure and take the prefix with the largest entropy x diversity
    :param compat: ``"quests"``: msc scores as upstream QUESTS does
    :param reference: frames or a descriptor matrix counted as already covered (msc only)
    :param chunks: segmented msc in chunks of chunks x size
    :param seed: seed of mean_fps, k_means and random
    :param curve: also measure every prefix (``curve`` in the result)
    :param compat_check: default-mode msc: count the picks that differ from compat mode
    :param eps: dH threshold of the overlap
    :returns: dict with method, size, selected (0-based indices in pick order), entropy, diversity, overlap,
        sizes and environment counts, scores, forces (when every frame has forces), seconds and parameters
    """
    t_start = time.perf_counter()
    m = _method(method, compat)
    if optimal and size is not None:
        raise ValueError("optimal chooses the size itself: leave out size")
    if size is None and not full and not optimal:
        size = 0.1
    if size is not None:
        size = float(size)
        if not (size > 0) or math.isinf(size):
            raise ValueError(f"size must be a fraction in (0, 1) or a whole count >= 1, got {size}")
        if size >= 1 and size != round(size):
            raise ValueError(f"size {size}: a size of 1 or more is a count and must be whole")
    if not m.isMsc() and (reference is not None or chunks is not None):
        raise ValueError(f"{'reference' if reference is not None else 'chunks'} applies to msc, not {m.id()}")
    if reference is not None and chunks is not None:
        raise ValueError("reference and chunks cannot be combined")
    if chunks is not None and int(chunks) < 2:
        raise ValueError(f"chunks must be at least 2, got {chunks}")
    if chunks is not None and (full or optimal):
        raise ValueError("chunks selections are not nested across sizes: they cannot be combined with full or optimal")
    if not m.nested() and (full or optimal or curve):
        raise ValueError(f"{m.id()} selections are not nested (a prefix is not the selection of that size): "
                         "full, optimal and curve need msc, fps, mean_fps or random")
    if math.isnan(eps):
        raise ValueError("eps must be a number")
    q = _descriptor(k, cutoff, multicomponent)
    h = _bandwidth(bandwidth)
    rel = _tolerance(tolerance)
    threads = _engine.threads_or_default(threads)

    ds = _convert.dataset(frames)
    for s in range(int(ds.size())):
        if ds.get(s).size() == 0:
            raise ValueError(f"frame {s} (0-based) has no atoms; every structure needs one")
    wanted = None
    if size is not None:
        with _convert.java_errors():
            wanted = int(_jvm.jclass("io.atomcover.select.SelectionSize").resolve(size, ds.size()))
        if wanted == 0:
            raise ValueError(f"size {size} selects no structure of the {ds.size()}")

    with _engine.facade(backend, device, precision, threads) as api:
        ref_ds = _convert.dataset(reference) if reference is not None and _convert.is_frames(reference) else None
        if ref_ds is not None and multicomponent:
            both = _jvm.jclass("java.util.ArrayList")(ds.structures())
            both.addAll(ref_ds.structures())
            q = q.species(q.speciesFor(both))
        d = _compute(api, ds, q)
        ref = None
        if reference is not None:
            ref = _compute(api, ref_ds, q) if ref_ds is not None else _convert.descriptor_rows(reference)
            if ref.dim() != d.dim():
                raise ValueError(f"descriptor length {ref.dim()} of reference differs from {d.dim()} of frames")
        t_descriptors = time.perf_counter() - t_start
        b = (_jvm.jclass("io.atomcover.api.CompressionOptions").builder().method(m).full(bool(full))
             .optimal(bool(optimal)).curve(bool(curve)).compatCheck(bool(compat_check)).bandwidth(h).eps(float(eps))
             .seed(int(seed)).reference(ref).chunks(0 if chunks is None else int(chunks)).tolerance(rel))
        if wanted is not None:
            b.size(float(wanted))
        with _convert.java_errors():
            r = api.compress(ds, d, b.build())
    report = _reports.compress(r, m, d, size, full, optimal, compat_check, h, eps, k, cutoff, multicomponent, seed,
                              chunks, ref, rel, threads, t_descriptors)
    report["seconds"]["output"] = 0.0
    report["seconds"]["total"] = time.perf_counter() - t_start
    return report
