"""Engine results as the dictionaries of the CLI's JSON reports."""

import math

import numpy as np

from . import _convert, _jvm


def finite_or_none(v):
    """A finite double as a float, else None (JSON has no infinities)."""
    v = float(v)
    return v if math.isfinite(v) else None


def log_bound(rel):
    """The bound -log(1 - rel) that a kernel-sum tolerance puts on entropies and dH."""
    return float(_jvm.jclass("io.atomcover.backend.Tolerance").logBound(float(rel)))


def floats_or_none(values, n=None):
    """A Java double[] (its first n values) as floats, with None for what is not finite."""
    values = _convert.to_numpy(values)
    if n is not None:
        values = values[:n]
    return [float(v) if math.isfinite(v) else None for v in values]


def compress(r, m, d, size, full, optimal, compat_check, h, eps, k, cutoff, multicomponent, seed, chunks, ref, rel,
             threads, t_descriptors):
    """The dict of ``atomcover compress``'s JSON report (io.atomcover.cli.CompressReport), key for key."""
    Method = _jvm.jclass("io.atomcover.select.SelectionMethod")
    s = r.summary()
    n = int(r.selected().size())
    o = {"method": "msc" if m.isMsc() else str(m.id()), "size": n,
         "selected": [int(i) for i in _convert.to_numpy(r.selected().indices(), np.int64)],
         "entropy": finite_or_none(s.entropy()), "diversity": finite_or_none(s.diversity()),
         "overlap": finite_or_none(s.overlap())}
    if rel != 0:
        o["tolerance"] = rel
        o["entropy_bound"] = log_bound(rel)
    o.update(original_size=int(s.originalSize()), compressed_size=int(s.compressedSize()),
             original_envs=int(s.originalEnvs()), compressed_envs=int(s.compressedEnvs()))
    if m == Method.MSC:
        o["compat_deviations"] = None if r.compatDeviations() is None else int(r.compatDeviations())
    if r.scores() is not None:
        o["scores"] = floats_or_none(r.scores(), n)
    if r.forces() is not None:
        t = r.forces()
        quantiles = lambda q: {"quantiles": [float(v) for v in _convert.to_numpy(q)[:-1]], "max": float(q[len(q) - 1])}
        o["forces"] = {"quantile_levels": [float(v) for v in _convert.to_numpy(t.probabilities())],
                       "full": quantiles(t.full()), "selected": quantiles(t.selected()),
                       "ks_statistic": float(t.ksStatistic()), "ks_p_value": float(t.ksPValue())}
    if optimal:
        o["optimal"] = {"size": n, "criterion": "entropy*diversity", "value": float(r.optimalValue())}
    if full or optimal:
        o["ordering"] = [int(i) for i in _convert.to_numpy(r.ordering().indices(), np.int64)]
    c = r.curve()
    if c is not None:
        o["curve"] = {"size": list(range(1, len(c.entropy()) + 1)),
                      "environments": [int(e) for e in _convert.to_numpy(c.environments(), np.int64)],
                      "entropy": floats_or_none(c.entropy()), "diversity": floats_or_none(c.diversity()),
                      "overlap": floats_or_none(c.overlap())}
    sec = r.seconds()
    o["seconds"] = {"descriptors": t_descriptors, "selection": float(sec.selection())}
    if m == Method.MSC and compat_check:
        o["seconds"]["compat_check"] = float(sec.compatCheck())
    o["seconds"]["metrics"] = float(sec.metrics())
    if c is not None:
        o["seconds"]["curve"] = float(sec.curve())
    o["parameters"] = {
        "requested_size": size, "full": bool(full), "optimal": bool(optimal), "bandwidth": h, "eps": float(eps),
        "k": int(k), "cutoff": float(cutoff), "multicomponent": bool(multicomponent), "dim": int(d.dim()),
        "mode": ("compat" if m == Method.MSC_COMPAT else "default") if m.isMsc() else None,
        "seed": int(seed) if m.seeded() else None, "chunks": None if chunks is None else int(chunks),
        "reference": None if ref is None else int(ref.rows()),
        "backend": str(r.backend()), "threads": threads}
    return o
