"""The QUESTS tools of atomcover against upstream QUESTS's definitions, on the bundled silicon sets.

Upstream QUESTS (github dskoda/quests, commit 81446fb) needs numba and pynndescent, which cannot be
installed on the machine this was run on, so its formulas are re-derived here in NumPy, independently
of atomcover, from its source (quests/entropy.py, quests/mcmc.py, quests/cli/*.py). Descriptors come
from `atomcover descriptors`, which the golden tests hold equal to upstream's. Usage:

    /usr/bin/python3 tools_vs_upstream.py path/to/atomcover.jar path/to/examples/mlearn-si > tools_vs_upstream.json
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

H = 0.015
JAR, EXAMPLES = sys.argv[1], sys.argv[2]
TEST = os.path.join(EXAMPLES, "Si-test.extxyz")
TRAIN = os.path.join(EXAMPLES, "Si-train.extxyz")
work = tempfile.mkdtemp()


def atomcover(*args):
    subprocess.run(["java", "-jar", JAR, *args, "--threads", "2"], check=True, stdout=subprocess.DEVNULL)


def path(name):
    return os.path.join(work, name)


def kernel_sum(y, x, batch=2000):
    """upstream kernel_sum: sum_j exp(-|y_i - x_j|^2 / 2h^2)."""
    out = np.zeros(len(y))
    xn = (x ** 2).sum(1)
    for i in range(0, len(y), batch):
        yb = y[i:i + batch]
        d2 = np.maximum((yb ** 2).sum(1)[:, None] + xn[None, :] - 2 * yb @ x.T, 0)
        out[i:i + batch] = np.exp(-0.5 * d2 / H ** 2).sum(1)
    return out


def entropy(x):
    """upstream entropy: -mean(log(p/N))."""
    return float(-np.mean(np.log(kernel_sum(x, x) / len(x))))


def frames_of(file):
    """Atom counts per frame of an extxyz file."""
    counts = []
    with open(file) as f:
        while True:
            line = f.readline()
            if not line:
                break
            n = int(line)
            counts.append(n)
            for _ in range(n + 1):
                f.readline()
    return np.cumsum([0] + counts)


atomcover("descriptors", TEST, "-o", path("test.npy"))
atomcover("descriptors", TRAIN, "-o", path("train.npy"))
xt, xr = np.load(path("test.npy")), np.load(path("train.npy"))
result = {"source": __doc__.strip().splitlines()[0], "numpy": np.__version__}

# approx_dH: NNDescent's 3 nearest (taken exactly here, i.e. recall 1), dH = -log sum of their terms.
atomcover("dh", TEST, TRAIN, "-o", path("approx.npy"), "--approx")
atomcover("dh", TEST, TRAIN, "-o", path("exact.npy"))
ours = np.load(path("approx.npy"))
d2 = np.concatenate([np.sort(np.maximum((xt[i:i + 500] ** 2).sum(1)[:, None] + (xr ** 2).sum(1)[None, :]
                                        - 2 * xt[i:i + 500] @ xr.T, 0), axis=1)[:, :3] for i in range(0, len(xt), 500)])
upstream = -np.log(np.exp(-0.5 * d2 / H ** 2).sum(1))
exact_up = -np.log(kernel_sum(xt, xr))
result["approx_dH"] = {"ours_mean": float(ours.mean()), "upstream_mean": float(upstream.mean()),
                       "max_abs_diff": float(np.abs(ours - upstream).max()),
                       "exact_dH_mean_ours": float(np.load(path("exact.npy")).mean()),
                       "exact_dH_mean_upstream": float(exact_up.mean())}

# dH_traj: upstream scores each frame against itself; and the prefix rule of dh-traj's default.
atomcover("dh-traj", TEST, "--reference", "self", "-o", path("self.json"))
atomcover("dh-traj", TEST, "-o", path("prev.json"))
off = frames_of(TEST)
self_ours = json.load(open(path("self.json")))["delta_entropy"]
prev_ours = json.load(open(path("prev.json")))["delta_entropy"]
diff_self, diff_prev, means = 0.0, 0.0, []
for t in range(len(off) - 1):
    f = xt[off[t]:off[t + 1]]
    up_self = -np.log(kernel_sum(f, f))
    up_prev = up_self if t == 0 else -np.log(kernel_sum(f, xt[:off[t]]))
    diff_self = max(diff_self, float(np.abs(up_self - np.array(self_ours[t])).max()))
    fin = np.isfinite(up_prev)
    diff_prev = max(diff_prev, float(np.abs(up_prev[fin] - np.array(prev_ours[t], dtype=float)[fin]).max()))
    means.append(float(up_self.mean()))
result["dH_traj"] = {"frames": len(off) - 1, "max_abs_diff_self": diff_self, "max_abs_diff_previous": diff_prev,
                     "upstream_mean_dH_frame0": means[0]}

# learning_curve on Si-test: fractions, samples drawn with replacement (np.random.randint), 20 runs.
rng = np.random.default_rng(1)
fractions = [0.1, 0.5, 0.9]
runs = 20
atomcover("entropy-curve", TEST, "-f", ",".join(map(str, fractions)), "-n", str(runs), "--seed", "1", "-o", path("curve.json"))
curve = json.load(open(path("curve.json")))["learning_curve"]
lc = []
for f, p in zip(fractions, curve):
    m = int(len(xt) * f)
    hs = [entropy(xt[rng.integers(0, len(xt), m)]) for _ in range(runs)]
    lc.append({"fraction": f, "size": m, "ours_mean": p["mean_entropy"], "ours_std": p["std_entropy"],
               "upstream_mean": float(np.mean(hs)), "upstream_std": float(np.std(hs))})
result["learning_curve"] = lc

# entropy_sampler on Si-train: 1000 environments with replacement, entropy of the sample, 20 runs.
n = 1000
hs = [entropy(xr[rng.integers(0, len(xr), n)]) for _ in range(runs)]
atomcover("entropy-curve", TRAIN, "-f", repr((n + 0.5) / len(xr)), "-n", str(runs), "--seed", "2", "-o", path("sampler.json"))
s = json.load(open(path("sampler.json")))["learning_curve"][0]
subprocess.run(["java", "-jar", JAR, "entropy", TRAIN, "--sample", str(n), "--seed", "2", "--json", path("sample.json"),
                "--threads", "2"], check=True, stdout=subprocess.DEVNULL)
result["entropy_sampler"] = {"size": s["size"], "ours_curve_mean": s["mean_entropy"], "ours_curve_std": s["std_entropy"],
                             "upstream_mean": float(np.mean(hs)), "upstream_std": float(np.std(hs)),
                             "ours_entropy_sample_estimate": json.load(open(path("sample.json")))["entropy"],
                             "full_entropy_upstream": entropy(xr)}

# mcmc: the annealing schedule, the Metropolis rule on the logged scores and draws, and the score of
# the written structure from its descriptors (upstream compute_score, method "target").
steps, target = 60, 5.0
atomcover("mcmc", TRAIN, "-i", "0", "-n", str(steps), "-t", str(target), "--seed", "1", "-o", path("new.extxyz"),
          "--log", path("mcmc.json"))
log = json.load(open(path("mcmc.json")))["chain"]
period = steps // 3
kT = [max(1 - (i % period) / period, 1e-3) for i in range(steps)]
current, decisions = 1000.0, []
for sc, u, t in zip(log["score"], log["draw"], kT):
    with np.errstate(over="ignore"):  # the first step: exp(+large) is inf, accepted as upstream does
        ok = bool(np.exp(-(sc - current) / t) > u)
    decisions.append(ok)
    if ok:
        current = sc
atomcover("descriptors", path("new.extxyz"), "-o", path("new.npy"))
best = float(np.abs(-np.log(kernel_sum(np.load(path("new.npy")), xr)) - target).mean())
result["mcmc"] = {"steps": steps, "max_abs_diff_kT": float(np.abs(np.array(kT) - np.array(log["temperature"])).max()),
                  "decisions_equal": decisions == log["accepted_steps"], "ours_best_score": log["best_score"],
                  "upstream_score_of_written_structure": best}
print(json.dumps(result, indent=2))
