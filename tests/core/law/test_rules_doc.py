"""docs/RULES.md is generated from the rule files and must not fall behind them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_rules_doc_is_current() -> None:
    spec = importlib.util.spec_from_file_location("rules_doc", ROOT / "tools" / "rules_doc.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = module.generate()
    actual = (ROOT / "docs" / "RULES.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/RULES.md is stale: run `.venv/bin/python tools/rules_doc.py`"
    assert "`deadline.expired`" in actual and "`election.appeal_filing`" in actual
    # The texts are shown, citations follow the law's division and link to them.
    assert "## The texts" in actual and "по мотивированному решению избирательной комиссии" in actual
    assert "[art. 49, part 4 of" in actual and "](#election_law-49-4)" in actual
    assert "art. 49 para" not in actual and "art. 131 para" not in actual
