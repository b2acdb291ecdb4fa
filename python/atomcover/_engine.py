"""The engine facade over an opened backend, one per call, with the CLI's backend options."""

import contextlib
import functools
import warnings

from . import _jvm


def threads_or_default(threads):
    """The thread count asked for, or the JVM's available processors (the CLI's default)."""
    if threads is None:
        return int(_jvm.jclass("java.lang.Runtime").getRuntime().availableProcessors())
    threads = int(threads)
    if threads < 1:
        raise ValueError(f"threads must be at least 1, got {threads}")
    return threads


@functools.lru_cache(maxsize=None)
def _warner():
    """A java.util.function.Consumer that turns the engine's warnings into Python warnings."""
    jpype = _jvm.start()

    @jpype.JImplements("java.util.function.Consumer")
    class Warn:
        @jpype.JOverride
        def accept(self, message):
            warnings.warn(f"atomcover: {message}", RuntimeWarning, stacklevel=2)

    return Warn()


@contextlib.contextmanager
def facade(backend, device, precision, threads):
    """An io.atomcover.api.Atomcover over the named backend ("auto", "cpu", "opencl"), closed on exit.

    Fallbacks of "auto" to the CPU become Python warnings. In a Python process OpenCL loads only when
    HotSpot's libjsig is preloaded (LD_PRELOAD=$JAVA_HOME/lib/libjsig.so); without it "auto" uses the CPU.
    """
    from ._convert import java_errors

    j = _jvm.jclass
    p = {"double": j("io.atomcover.backend.Precision").DOUBLE, "float": j("io.atomcover.backend.Precision").FLOAT}.get(precision)
    if p is None:
        raise ValueError(f"precision must be 'double' or 'float', got {precision!r}")
    request = j("io.atomcover.backend.BackendRequest")(int(device), int(threads), p, 0)
    with java_errors():
        kde = j("io.atomcover.backend.Backends").open(backend, request, _warner())
    try:
        yield j("io.atomcover.api.Atomcover")(kde, int(threads), j("io.atomcover.api.Phases").NONE)
    finally:
        kde.close()
