"""Runs the package's tests with the class path Maven resolved: ``python3 tests/run.py CLASSPATH_FILE``.

Called by the python module's pom in the test phase. Without NumPy, ASE, JPype or pytest the tests
are skipped with a message saying what to install, except under CI=true, where that is a failure.
"""

import os
import sys
from pathlib import Path

NEEDED = (("pytest", "python3-pytest"), ("numpy", "python3-numpy"), ("ase", "python3-ase"), ("jpype", "python3-jpype"))


def main(argv):
    missing = []
    for module, package in NEEDED:
        try:
            __import__(module)
        except ImportError:
            missing.append(package)
    if missing:
        message = (f"the Python package's tests need {', '.join(missing)} in {sys.executable} "
                   f"(Debian/Ubuntu: apt-get install {' '.join(missing)})")
        if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
            print(f"FAILED: {message}", file=sys.stderr)
            return 1
        print(f"SKIPPED: {message}", file=sys.stderr)
        return 0
    import pytest

    here = Path(__file__).resolve().parent
    if len(argv) > 1:
        os.environ["ATOMCOVER_CLASSPATH"] = Path(argv[1]).read_text().strip()
    os.chdir(here.parent)
    return pytest.main(["-q", "-p", "no:cacheprovider", str(here)])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
