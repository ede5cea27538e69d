"""Command line: `python -m klyngekart check` validates data/ and prints the completeness report."""

from __future__ import annotations

import argparse
import sys

from klyngekart.data import DATA_DIR, DataError, load_dataset
from klyngekart.report import completeness_report


def check(quiet: bool) -> int:
    try:
        ds = load_dataset(DATA_DIR)
    except DataError as error:
        print(f"data/ is not valid: {len(error.problems)} problem(s)", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    lines, targets_met = completeness_report(ds, DATA_DIR / "README.md")
    if quiet:
        print(f"data/ is valid; targets {'met' if targets_met else 'NOT all met (see python -m klyngekart check)'}")
    else:
        print("\n".join(lines))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m klyngekart")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate data/ and print the completeness report")
    check_parser.add_argument("--quiet", action="store_true", help="print one line instead of the report")
    args = parser.parse_args(argv)
    return check(args.quiet)


if __name__ == "__main__":
    sys.exit(main())
