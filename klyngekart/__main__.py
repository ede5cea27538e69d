"""Command line: `check` validates data/ and prints the completeness report; `export` writes a
chart's image or data file exactly as the page's download button does; `changes` prints what
changed between two releases; `datapackage` writes data/datapackage.json."""

from __future__ import annotations

import argparse
import sys

from klyngekart.changes import CURRENT, describe, diff_releases, tables_of
from klyngekart.data import DATA_DIR, DataError, load_dataset
from klyngekart.data.releases import read_history
from klyngekart.datapackage import PACKAGE_FILE, datapackage_json
from klyngekart.export.cli import ExportError, add_arguments, export_chart
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


def export(args: argparse.Namespace) -> int:
    try:
        payload = export_chart(load_dataset(DATA_DIR), args.chart, args.format, args.lang, args.filters, args.site, args.date)
    except (DataError, ExportError) as error:
        print(f"export failed: {error}", file=sys.stderr)
        return 2
    args.output.write_bytes(payload)
    print(f"wrote {args.output} ({len(payload):,} bytes)")
    return 0


def changes(args: argparse.Namespace) -> int:
    try:
        ds = load_dataset(DATA_DIR)
    except DataError as error:
        print(f"data/ is not valid: {len(error.problems)} problem(s); run python -m klyngekart check", file=sys.stderr)
        return 1
    versions = [record.version for record in read_history(DATA_DIR)]
    old, new = args.old or (versions[-1] if versions else CURRENT), args.new or CURRENT
    try:
        found = diff_releases(tables_of(DATA_DIR, old, ds.raw), tables_of(DATA_DIR, new, ds.raw))
    except KeyError as error:
        print(f"no release {error}; recorded: {', '.join(versions) or 'none'} (or {CURRENT})", file=sys.stderr)
        return 2
    print(f"Changes from {old} to {new}:")
    print("\n".join(describe(found)))
    return 0


def write_datapackage() -> int:
    try:
        payload = datapackage_json(load_dataset(DATA_DIR), DATA_DIR)
    except DataError as error:
        print(f"data/ is not valid: {len(error.problems)} problem(s); run python -m klyngekart check", file=sys.stderr)
        return 1
    (DATA_DIR / PACKAGE_FILE).write_bytes(payload)
    print(f"wrote data/{PACKAGE_FILE} ({len(payload):,} bytes)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m klyngekart")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate data/ and print the completeness report")
    check_parser.add_argument("--quiet", action="store_true", help="print one line instead of the report")
    add_arguments(commands.add_parser("export", help="write a chart as png, svg, csv or xlsx"))
    changes_parser = commands.add_parser("changes", help="print what changed between two releases")
    changes_parser.add_argument("old", nargs="?", metavar="FROM", help="a release version (default: the latest)")
    changes_parser.add_argument("new", nargs="?", metavar="TO", help=f"a release version or '{CURRENT}' (default: {CURRENT})")
    commands.add_parser("datapackage", help="write data/datapackage.json from the data contract")
    args = parser.parse_args(argv)
    if args.command == "changes":
        return changes(args)
    if args.command == "datapackage":
        return write_datapackage()
    return check(args.quiet) if args.command == "check" else export(args)


if __name__ == "__main__":
    sys.exit(main())
