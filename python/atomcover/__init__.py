"""atomcover from Python: the Java engine in-process (JPype), on ASE Atoms and NumPy arrays.

QUESTS (Schwalbe-Koda et al.) descriptors, entropy, differential entropy, overlap and dataset
compression, and ILPSelect's ranking and learning curves, computed by the same engine as the
``atomcover`` command and equal to its results. Structures go to the engine as arrays, with no file
in between. The JVM starts on the first call; :func:`find_classpath` says where it looks for the jars.

>>> import ase.io, atomcover
>>> frames = ase.io.read("examples/mlearn-si/Si-test.extxyz", index=":")
>>> atomcover.entropy(frames)["entropy"]            # doctest: +SKIP
"""

from ._jvm import EngineNotFoundError, find_classpath
from .ilpselect import learning_curve, select
from .quests import compress, delta_entropy, descriptors, entropy, overlap

__version__ = "0.1.0"

__all__ = ["descriptors", "entropy", "delta_entropy", "overlap", "compress", "select", "learning_curve",
           "find_classpath", "EngineNotFoundError"]
