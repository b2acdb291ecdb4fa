"""Finding the engine's jars and starting the JVM (once per process) through JPype."""

import os
import shlex
from pathlib import Path

#: Environment variable with the class path, entries separated by os.pathsep.
CLASSPATH_ENV = "ATOMCOVER_CLASSPATH"
#: Environment variable naming one self-contained jar (what ``mvn package`` builds as cli/target/atomcover.jar).
JAR_ENV = "ATOMCOVER_JAR"

BUILD_HINT = (
    "build them in the atomcover repository with\n"
    "    mvn -B -ntp -DskipTests -pl cli -am package\n"
    "(or run ./atomcover --help once, which does the same), then run Python from the repository "
    "or set ATOMCOVER_JAR=/path/to/atomcover/cli/target/atomcover.jar; "
    "ATOMCOVER_CLASSPATH=a.jar:b.jar:classes/ gives a class path of your own"
)


class EngineNotFoundError(RuntimeError):
    """The engine's jars are nowhere to be found; the message says how to build them."""


def repository_classpath(root):
    """The class path of the build outputs of the repository at ``root``, or None when there are none.

    The command-line jar holds the engine, ILPSelect and every library they need except OR-Tools,
    whose jars sit beside it in ``ortools/`` (the integer program of ``select``): ``cli/target`` in a
    build, ``lib`` in an unpacked distribution. This is the one place that knows the layout.
    """
    root = Path(root)
    for folder in (root / "cli" / "target", root / "lib"):
        jar = folder / "atomcover.jar"
        if jar.is_file():
            return [str(jar)] + sorted(str(j) for j in (folder / "ortools").glob("*.jar"))
    # What the python module's Maven test phase writes: the modules' classes and the libraries in ~/.m2.
    listed = root / "python" / "target" / "classpath.txt"
    if listed.is_file():
        entries = [e for e in listed.read_text().strip().split(os.pathsep) if e]
        if entries and all(Path(e).exists() for e in entries):
            return entries
    return None


def _candidate_roots():
    """The repository this package sits in (``PYTHONPATH=python``), then the current folder and its parents."""
    here = Path(__file__).resolve().parent.parent.parent
    yield here
    cwd = Path.cwd().resolve()
    yield cwd
    yield from cwd.parents


def find_classpath(environ=None):
    """The class path to start the JVM with, as a list of jars and folders.

    Looked for in this order: ``ATOMCOVER_CLASSPATH``, ``ATOMCOVER_JAR``, then the build outputs of the
    repository that holds this package, or of the current folder or one above it.

    :raises EngineNotFoundError: when none has them, with the command that builds them
    """
    env = os.environ if environ is None else environ
    if env.get(CLASSPATH_ENV):
        entries = [e for e in env[CLASSPATH_ENV].split(os.pathsep) if e]
        missing = [e for e in entries if not Path(e).exists()]
        if missing:
            raise EngineNotFoundError(f"{CLASSPATH_ENV} names missing files: {', '.join(missing)}; " + BUILD_HINT)
        return entries
    if env.get(JAR_ENV):
        jar = env[JAR_ENV]
        if not Path(jar).is_file():
            raise EngineNotFoundError(f"{JAR_ENV}={jar}: no such file; " + BUILD_HINT)
        return [jar] + sorted(str(j) for j in (Path(jar).parent / "ortools").glob("*.jar"))
    seen = []
    for root in _candidate_roots():
        if root in seen:
            continue
        seen.append(root)
        cp = repository_classpath(root)
        if cp:
            return cp
    raise EngineNotFoundError("atomcover: the engine's jars were not found; " + BUILD_HINT)


def _jpype_support_jar(jpype):
    """JPype's own jar where it must be on the class path: Debian's python3-jpype keeps it in /usr/share/java
    rather than beside the module, where JPype's loader looks."""
    beside = Path(jpype.__file__).resolve().parent.parent / "org.jpype.jar"
    debian = Path("/usr/share/java/org.jpype.jar")
    return [str(debian)] if not beside.exists() and debian.is_file() else []


def start():
    """Starts the JVM with the engine on its class path, unless one runs already; returns the jpype module."""
    import jpype

    if not jpype.isJVMStarted():
        classpath = find_classpath() + _jpype_support_jar(jpype)
        # The launcher's JAVA_OPTS (a larger heap, say) apply here as well.
        options = shlex.split(os.environ.get("JAVA_OPTS", ""))
        jpype.startJVM(*options, classpath=classpath, convertStrings=False)
    try:
        jpype.JClass("io.atomcover.api.Atomcover")
    except Exception as e:  # a JVM started by someone else, without the engine
        raise EngineNotFoundError(
            "atomcover: a JVM runs already in this process but has no atomcover classes on its class path; "
            "start it with the class path of atomcover._jvm.find_classpath()") from e
    return jpype


def jclass(name):
    """A Java class of the engine (starting the JVM on first use)."""
    return start().JClass(name)
