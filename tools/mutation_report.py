"""The score of a mutation run (``make mutate``) and the mutants that survived it.

Reads what ``mutmut run`` left in ``mutants/`` (one ``.meta`` file per
mutated module) and prints, per module and in total, how many mutants the
tests killed, and then every survivor with the line it changed, so a person
can judge each: a gap in the tests, or a change no user could ever notice.

    python tools/mutation_report.py [--seconds N] [--diffs]

The score is killed / checked, where a timeout counts as killed (the mutant
made the code loop; the tests noticed) and a mutant no test runs counts as
survived.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

MUTANTS = Path("mutants")
PACKAGES = ("kzcomplaint/core/law", "kzcomplaint/core/documents")

# mutmut's exit codes of a mutant's test run (mutmut.stats.status_by_exit_code).
_STATUS = {
    1: "killed",
    3: "killed",
    0: "survived",
    5: "no tests",
    33: "no tests",
    34: "skipped",
    36: "timeout",
    24: "timeout",
    -24: "timeout",
    152: "timeout",
    255: "timeout",
    37: "caught by type check",
    None: "not checked",
}
_DETECTED = {"killed", "timeout", "caught by type check"}
_MISSED = {"survived", "no tests", "suspicious", "segfault"}


def _status(code: int | None) -> str:
    if code in (-11, -9):
        return "segfault"
    return _STATUS.get(code, "suspicious")


def _changed_lines(name: str, source: Path) -> str:
    """The line a mutant changed, as ``old  →  new`` (mutmut's own diff, shortened)."""
    try:
        from mutmut.mutation.diff_apply import get_diff_for_mutant

        diff = get_diff_for_mutant(name, path=str(source))
    except Exception as error:  # noqa: BLE001 - a report without a diff beats no report
        return f"(no diff: {type(error).__name__})"
    removed = [line[1:].strip() for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line[1:].strip() for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    return f"{' / '.join(removed)}  →  {' / '.join(added)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, help="how long the run took (printed with the score)")
    parser.add_argument("--no-diffs", action="store_true", help="list survivors by name only")
    args = parser.parse_args(argv)

    metas = sorted(path for package in PACKAGES for path in (MUTANTS / package).glob("*.py.meta"))
    if not metas:
        print("No mutation results in mutants/: run `make mutate` first.", file=sys.stderr)
        return 2
    totals: Counter[str] = Counter()
    survivors: list[tuple[str, Path, str]] = []
    rows = []
    for meta in metas:
        source = meta.relative_to(MUTANTS).with_suffix("")  # kzcomplaint/core/law/x.py
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        counts = Counter(_status(code) for code in codes.values())
        totals.update(counts)
        detected = sum(counts[s] for s in _DETECTED)
        checked = detected + sum(counts[s] for s in _MISSED)
        rows.append((str(source), len(codes), detected, checked, counts))
        survivors += [(name, source, _status(code)) for name, code in sorted(codes.items()) if _status(code) in _MISSED]

    print(f"{'module':<44} {'mutants':>7} {'killed':>7} {'missed':>7} {'score':>7}")
    for source, total, detected, checked, _counts in rows:
        score = f"{100 * detected / checked:.1f}%" if checked else "-"
        print(f"{source:<44} {total:>7} {detected:>7} {checked - detected:>7} {score:>7}")
    detected = sum(totals[s] for s in _DETECTED)
    checked = detected + sum(totals[s] for s in _MISSED)
    print()
    print("By outcome: " + ", ".join(f"{status} {count}" for status, count in totals.most_common()))
    took = f" in {args.seconds // 60} min {args.seconds % 60} s" if args.seconds is not None else ""
    score = 100 * detected / checked if checked else 0.0
    print(f"Mutation score (core/law + core/documents): {detected}/{checked} = {score:.1f}%{took}")
    print()
    print(f"Surviving mutants ({len(survivors)}):")
    for name, source, status in survivors:
        short = name.rpartition(".")[2].replace("xǁ", "").replace("ǁ", ".")
        where = f"{source.stem}.{short}"
        if args.no_diffs:
            print(f"  {where} [{status}]")
        else:
            print(f"  {where} [{status}]: {_changed_lines(name, source)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
