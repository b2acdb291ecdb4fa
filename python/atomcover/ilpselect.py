"""ILPSelect: rank database molecules as training data for one target, and KRR learning curves.

Molecules are ``ase.Atoms`` (non-periodic, elements of the FCHL19 list); the ``name`` info value names
them in results and picks the target, and total energies come from the calculator (as ase.io.read
leaves them) or the info value ``energy_key``. Keyword arguments are the CLI's long options of
``atomcover select`` and ``atomcover learning-curve`` with the same defaults.
"""

import json
import math
import numbers
import time

from . import _convert, _engine, _jvm

#: The CLI's defaults (io.atomcover.ilpselect.ilp.IlpOptions, io.atomcover.cli.IlpArguments).
DEFAULT_CANDIDATES = 80
DEFAULT_BUDGET = 120.0
DEFAULT_ROUND_BUDGET = 2.0
DEFAULT_SOLVER_WORKERS = 2
DEFAULT_PRUNING_CHECK_MAX = 320
DEFAULT_RESOLUTION = 1e-5
DEFAULT_NODE_LIMIT = 10000
#: Wall-clock limits with SCIP when none is given: OR-Tools offers SCIP no deterministic limit.
SCIP_TIME_LIMIT = 600.0
SCIP_ROUND_LIMIT = 20.0
DEFAULT_ELEMENTS = (1, 6, 7, 8, 16)
DEFAULT_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def _frames(x):
    return [x] if hasattr(x, "positions") and hasattr(x, "numbers") else list(x)


def _choose(frames, target, name_key, what):
    """The frame --target names (its name_key info value or a 0-based index); None: the first, or the only one."""
    if target is None:
        return 0
    if isinstance(target, int) or (isinstance(target, str) and target.isdigit()):
        i = int(target)
        if not 0 <= i < len(frames):
            raise ValueError(f"target {i} is out of range: {what} has {len(frames)} frames")
        return i
    for i, a in enumerate(frames):
        if a.info.get(name_key) == target:
            return i
    raise ValueError(f"no frame of {what} has {name_key}={target}")


def _check_fchl19(frames, elements, what):
    allowed = set(int(z) for z in elements)
    for s, a in enumerate(frames):
        if any(a.pbc):
            raise ValueError(f"{what} frame {s}: FCHL19 needs non-periodic structures (molecules)")
        for i, z in enumerate(a.numbers):
            if int(z) not in allowed:
                raise ValueError(f"{what} frame {s}, atom {i}: element {a.get_chemical_symbols()[i]} is not in the "
                                 f"FCHL19 element list {sorted(allowed)} (see elements)")


def _json(node):
    return json.loads(str(node.toString()))


def _mapper():
    return _jvm.jclass("com.fasterxml.jackson.databind.ObjectMapper")()


def _ilp_options(penalty, solver, candidates, whole_molecules, widen, budget, round_budget, solver_workers, time_limit,
                 round_limit, count_hydrogens, pruning_check, pruning_check_max, resolution, threads, node_limit):
    if not (penalty >= 0) or math.isinf(penalty):
        raise ValueError(f"penalty must be a finite number >= 0, got {penalty}")
    if candidates < 0:
        raise ValueError(f"candidates must be >= 0, got {candidates}")
    for name, v in (("budget", budget), ("round_budget", round_budget), ("resolution", resolution)):
        if not (v > 0) or math.isinf(v):
            raise ValueError(f"{name} must be a positive number, got {v}")
    for name, v in (("time_limit", time_limit), ("round_limit", round_limit)):
        if v is not None and (not (v > 0) or math.isinf(v)):
            raise ValueError(f"{name} must be a positive number of seconds, got {v}")
    if solver_workers < 1:
        raise ValueError(f"solver_workers must be at least 1, got {solver_workers}")
    if pruning_check_max < 0:
        raise ValueError(f"pruning_check_max must be >= 0, got {pruning_check_max}")
    Solver = _jvm.jclass("io.atomcover.ilpselect.ilp.IlpSolver")
    if str(solver).lower() not in ("bnb", "cpsat", "scip"):
        raise ValueError(f"solver must be 'bnb', 'cpsat' or 'scip', got {solver!r}")
    if int(node_limit) < 1:
        raise ValueError(f"node_limit must be at least 1, got {node_limit}")
    s = Solver.valueOf(str(solver).upper())
    scip = s == Solver.SCIP
    wall = time_limit if time_limit is not None else SCIP_TIME_LIMIT if scip else math.inf
    round_wall = round_limit if round_limit is not None else SCIP_ROUND_LIMIT if scip else math.inf
    return _jvm.jclass("io.atomcover.ilpselect.ilp.IlpOptions")(
        float(penalty), s, int(candidates), float(budget), float(round_budget), float(resolution), int(threads),
        int(solver_workers), bool(count_hydrogens), bool(whole_molecules), bool(widen), bool(pruning_check),
        int(pruning_check_max), float(wall), float(round_wall), int(node_limit))


def select(targets, database, n=64, method="ilp", target=None, penalty=1.0, solver="bnb",
           candidates=DEFAULT_CANDIDATES, whole_molecules=True, widen=True, budget=DEFAULT_BUDGET,
           round_budget=DEFAULT_ROUND_BUDGET, solver_workers=DEFAULT_SOLVER_WORKERS, time_limit=None, round_limit=None,
           count_hydrogens=False, pruning_check=False, pruning_check_max=DEFAULT_PRUNING_CHECK_MAX,
           resolution=DEFAULT_RESOLUTION, seed=0, elements=DEFAULT_ELEMENTS, threads=None, node_limit=DEFAULT_NODE_LIMIT):
    """Ranks database molecules as training data for one target molecule, as ``atomcover select -o R.json``.

    :param targets: the target molecule (ase.Atoms), or several of which ``target`` picks one
    :param database: the molecules to rank (a list of ase.Atoms)
    :param n: molecules to rank
    :param method: ilp, sml, fps, cur or random
    :param target: which frame of ``targets``: its name info value or a 0-based index; needed when
        ``targets`` holds more than one frame, as in the CLI
    :param seed: seed of random
    :param elements: FCHL19 element list (atomic numbers)
    :returns: dict with method, target (index, name), database_size, ranking (0-based database indices,
        best first), names, scores, complete, stop, objective and solutions (ILP), ranking_seconds,
        seconds and parameters; the ranking's fields are those of the CLI's report
    """
    t0 = time.perf_counter()
    if int(n) < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    if str(method).lower() not in ("ilp", "sml", "fps", "cur", "random"):
        raise ValueError(f"method must be one of ilp, sml, fps, cur, random; got {method!r}")
    threads = _engine.threads_or_default(threads)
    ilp = _ilp_options(penalty, solver, candidates, whole_molecules, widen, budget, round_budget, solver_workers,
                       time_limit, round_limit, count_hydrogens, pruning_check, pruning_check_max, resolution, threads,
                       node_limit)
    tf, dbf = _frames(targets), _frames(database)
    if not tf:
        raise ValueError("no target frame")
    if target is None and len(tf) != 1:
        names = ", ".join(str(a.info.get("name", "?")) for a in tf)
        raise ValueError(f"targets holds {len(tf)} frames: choose one with target ({names})")
    ti = _choose(tf, target, "name", "targets")
    _check_fchl19(tf, elements, "targets")
    if int(n) > len(dbf):
        raise ValueError(f"n {n} is more than the {len(dbf)} molecules of the database")
    _check_fchl19(dbf, elements, "database")
    if str(method).lower() == "ilp" and all(int(z) == 1 for z in tf[ti].numbers):
        raise ValueError(f"target frame {ti} has no atom other than hydrogen")

    j = _jvm.jclass
    element_list = j("java.util.ArrayList")()
    for z in elements:
        element_list.add(j("java.lang.Integer")(int(z)))
    rep = j("io.atomcover.ilpselect.fchl.Fchl19Inputs").representation(element_list)
    m = j("io.atomcover.ilpselect.ilp.RankingMethod").valueOf(str(method).upper())
    db = _convert.dataset(dbf)
    tgt = _convert.dataset([tf[ti]]).get(0)
    settings = j("io.atomcover.ilpselect.api.SelectSettings")(m, int(n), rep, ilp, int(seed), threads)
    with _convert.java_errors():
        selected = j("io.atomcover.ilpselect.api.IlpSelect").select(
            db, tgt, settings, j("io.atomcover.ilpselect.progress.StepListener").NONE)
    r = selected.ranking()
    node = _mapper().createObjectNode()
    j("io.atomcover.ilpselect.report.RankingJson").putOrder(node, r.order(), db)
    j("io.atomcover.ilpselect.report.RankingJson").putDetails(node, r, selected.model())
    seconds = time.perf_counter() - t0
    report = {"method": str(r.method()),
              "target": {"index": ti, "name": tf[ti].info.get("name")},
              "database_size": len(dbf)}
    report.update(_json(node))
    report["ranking_seconds"] = float(r.seconds())
    report["seconds"] = seconds
    p = {"n": int(n), "method": str(m.toString()), "elements": [int(z) for z in elements], "threads": threads}
    if m == j("io.atomcover.ilpselect.ilp.RankingMethod").ILP:
        params = _mapper().createObjectNode()
        j("io.atomcover.ilpselect.report.IlpJson").put(params, ilp)
        p.update(_json(params))
    if m == j("io.atomcover.ilpselect.ilp.RankingMethod").RANDOM:
        p["seed"] = int(seed)
    report["parameters"] = p
    return report


def _named_rankings(rankings, database_size, min_size):
    """(name, indices) pairs of: a select() result, a sequence of indices, a dict name -> either, or a list of those."""
    def indices_of(r):
        return [int(i) for i in (r["ranking"] if isinstance(r, dict) and "ranking" in r else r)]

    if isinstance(rankings, dict) and "ranking" not in rankings:
        pairs = [(str(name), indices_of(r)) for name, r in rankings.items()]
    else:
        if isinstance(rankings, dict) or getattr(rankings, "ndim", None) == 1 or (
                len(rankings) > 0 and isinstance(rankings[0], numbers.Integral)):
            rankings = [rankings]
        pairs = []
        for k, r in enumerate(rankings):
            name = r.get("method") if isinstance(r, dict) else None
            pairs.append((str(name) if name else f"ranking {k}", indices_of(r)))
    names = [p[0] for p in pairs]
    out = []
    for k, (name, idx) in enumerate(pairs):
        if names.count(name) > 1:
            name = f"{name} ({k})"
        if len(idx) < min_size:
            raise ValueError(f"ranking {name} holds {len(idx)} molecules, fewer than the largest size {min_size}")
        for e, i in enumerate(idx):
            if not 0 <= i < database_size:
                raise ValueError(f"ranking {name}, entry {e}: index {i} outside the database (0..{database_size - 1})")
        out.append((name, idx))
    return out


def learning_curve(targets, database, rankings, target=None, sizes=DEFAULT_SIZES, protocol="default",
                   hydrogens=True, energy_key="energy", name_key="name", energy_unit="hartree", threads=None):
    """KRR learning curves of one target for training sets taken from rankings, as ``atomcover learning-curve``.

    :param targets: the target molecule (ase.Atoms) with a total energy, or several of which ``target``
        picks one (required then)
    :param database: the database molecules with total energies; rankings index into it
    :param rankings: a select() result, a sequence of database indices, a dict name -> either, or a list
        of those; each holds at least max(sizes) molecules
    :param sizes: training-set sizes (each at least 5, the number of cross-validation folds)
    :param protocol: ``"default"`` or ``"reference"`` (the ILPSelect reference code)
    :param energy_unit: hartree, ev or kcal_mol (the MAE is reported in kcal/mol)
    :returns: dict with target, target_index, n_database, target_energy, target_label, the protocol and
        its settings, dressed_atoms, sizes, curves (name, seconds, points: size, mae, sigma, lambda,
        cv_mae, prediction, label), seconds and threads
    """
    t0 = time.perf_counter()
    sizes = [int(s) for s in sizes]
    if not sizes:
        raise ValueError("sizes is empty")
    for s in sizes:
        if s < 5:
            raise ValueError(f"sizes must be at least 5 (the number of cross-validation folds), got {s}")
        if sizes.count(s) > 1:
            raise ValueError(f"sizes lists {s} twice")
    if protocol not in ("default", "reference"):
        raise ValueError(f"protocol must be 'default' or 'reference', got {protocol!r}")
    if str(energy_unit).lower() not in ("hartree", "ev", "kcal_mol"):
        raise ValueError(f"energy_unit must be hartree, ev or kcal_mol, got {energy_unit!r}")
    threads = _engine.threads_or_default(threads)
    tf, dbf = _frames(targets), _frames(database)
    if target is None and len(tf) != 1:
        names = ", ".join(str(a.info.get(name_key, "?")) for a in tf)
        raise ValueError(f"targets holds {len(tf)} frames: choose one with target ({names})")
    ti = _choose(tf, target, name_key, "targets")
    for what, frames in (("database", dbf), ("targets", [tf[ti]])):
        for s, a in enumerate(frames):
            if energy_key not in _convert.frame_info(a):
                raise ValueError(f"{what} frame {s} has no '{energy_key}' (an info value or the calculator's energy)")
    named = _named_rankings(rankings, len(dbf), max(sizes))

    j = _jvm.jclass
    db = _convert.dataset(dbf)
    tds = _convert.dataset([tf[ti]])
    tgt = tds.get(0)
    Energies = j("io.atomcover.ilpselect.krr.Energies")
    KrrSettings = j("io.atomcover.ilpselect.krr.KrrSettings")
    settings = (KrrSettings.reference() if protocol == "reference" else KrrSettings.defaults()).withHydrogens(bool(hydrogens))
    unit = j("io.atomcover.ilpselect.krr.EnergyUnit").valueOf(str(energy_unit).upper())
    with _convert.java_errors():
        energies = Energies.all(db, energy_key)
        target_energy = float(Energies.of(tds, 0, energy_key))
        krr = j("io.atomcover.ilpselect.krr.TargetedKrr").of(db.structures(), energies, tgt, target_energy, settings,
                                                             j("io.atomcover.ilpselect.fchl.Fchl19").defaults())
        NamedRanking = j("io.atomcover.ilpselect.api.NamedRanking")
        java_rankings = j("java.util.ArrayList")()
        for name, idx in named:
            java_rankings.add(NamedRanking(name, _convert.ints(idx)))
        curves = j("io.atomcover.ilpselect.api.IlpSelect").learningCurves(
            krr, java_rankings, _convert.ints(sizes), threads, j("io.atomcover.ilpselect.progress.StepListener").NONE)

    report = {"target": tf[ti].info.get(name_key, f"frame {ti}"), "target_index": ti, "n_database": len(dbf),
              "target_energy": target_energy, "target_label": float(krr.targetLabel()),
              "energy_unit": str(unit.toString()), "mae_unit": "kcal/mol", "protocol": protocol}
    node = _mapper().createObjectNode()
    j("io.atomcover.ilpselect.report.KrrJson").putSettings(node, settings)
    report.update(_json(node))
    da = krr.dressedAtoms()
    Elements = j("io.atomcover.structure.Elements")
    report["dressed_atoms"] = {str(Elements.symbol(int(z))): float(da.coefficient(int(z))) for z in da.elements()}
    report["dressed_intercept"] = float(da.intercept())
    report["sizes"] = sizes
    out = []
    for c in curves:
        points = _mapper().createArrayNode()
        j("io.atomcover.ilpselect.report.CurveJson").putPoints(points, c.points(), unit)
        out.append({"name": str(c.name()), "seconds": float(c.seconds()), "points": _json(points)})
    report["curves"] = out
    report["seconds"] = time.perf_counter() - t0
    report["threads"] = threads
    return report
