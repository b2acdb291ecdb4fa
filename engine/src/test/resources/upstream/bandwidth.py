"""Upstream QUESTS's two bandwidth rules (quests/entropy.py get_bandwidth and quests/geometry.py
cutoff_fn, github dskoda/quests commit 81446fb) re-derived in NumPy, independently of atomcover,
at volumes per atom from dense metals to open frameworks. Run with the Debian python:
    /usr/bin/python3 bandwidth.py > bandwidth.json
Also the volume per atom of the bundled Si-train set as upstream's entropy_sampler --estimate_bw
measures it (ASE: the mean over frames of get_volume() / len(atoms)) and both rules there.
"""
import json
import os

import numpy as np
from ase.io import read


def gaussian(volume):
    z = volume / 10.896
    return 0.0897141 * np.exp(-0.5 * z ** 2) + 0.0119417


def cutoff(volume):
    r = np.power(np.log(volume), 2)
    r = min(r, 11.61172)
    z = r / 11.61172
    return 0.086164 * (1 - z ** 2) ** 2 + 0.016


volumes = [1.0, 5.0, 11.8, 16.0, 20.0, 20.45, 25.0, 40.0, 100.0]
rows = [{"volume": v, "gaussian": float(gaussian(v)), "cutoff": float(cutoff(v))} for v in volumes]
here = os.path.dirname(os.path.abspath(__file__))
dset = read(os.path.join(here, "../../../../../examples/mlearn-si/Si-train.extxyz"), index=":")
v = float(np.mean([at.get_volume() / len(at) for at in dset]))
si = {"volume": v, "gaussian": float(gaussian(v)), "cutoff": float(cutoff(v))}
print(json.dumps({"source": "upstream get_bandwidth re-derived in NumPy " + np.__version__, "rows": rows,
                  "si_train": si}, indent=2))
