"""docs/python.md's Python code blocks run as written, from the repository root."""

import os
import re

from conftest import REPO


def test_the_examples_run(monkeypatch, capsys):
    text = (REPO / "docs" / "python.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) == 2
    monkeypatch.chdir(REPO)
    namespace = {}
    for block in blocks:
        exec(compile(block, "docs/python.md", "exec"), namespace)
    out = capsys.readouterr().out
    assert re.search(r"H = \d+\.\d{4} nats over 1525 environments", out), out
    assert namespace["X"].shape == (1525, 63)
    assert len(namespace["picked"]) == 5
    assert len(namespace["sml"]["names"]) == 20
    assert [p["size"] for p in namespace["lc"]["curves"][0]["points"]] == [5, 10, 20]
    assert os.getcwd() == str(REPO)
