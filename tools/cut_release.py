#!/usr/bin/env python3
"""Cut a data release: snapshot the tables and borders into data/releases/VERSION/, record the
computed fingerprint and the summaries in data/releases/VERSION.json, set data/release.json
to the new version and date, and regenerate data/datapackage.json (which names the release).
The What-changed page and `python -m klyngekart changes` read the snapshots, so the history
needs no git at run time.

    python tools/cut_release.py 2026.12.1 2026-12-15 --summary-nb "…" --summary-en "…"

A release of data that does not validate is refused. `--from-git COMMIT` records an earlier
release from the repository's history instead (the files as that commit holds them; data/release.json
is left alone), which is how 2026.11.1 was recorded from commit 84d952e.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from klyngekart.data import DataError, load_dataset  # noqa: E402
from klyngekart.data.fingerprint import BORDERS  # noqa: E402
from klyngekart.data.releases import RELEASES_DIR, read_history, snapshot_dir, snapshot_fingerprint, version_key  # noqa: E402
from klyngekart.data.schema import TABLES  # noqa: E402
from klyngekart.datapackage import PACKAGE_FILE, datapackage_json  # noqa: E402

FILES = [table.file for table in TABLES] + [BORDERS]


def _from_git(commit: str, data_dir: Path, name: str) -> bytes:
    path = (data_dir / name).resolve().relative_to(ROOT).as_posix()
    return subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:{path}"], check=True, capture_output=True).stdout


def cut(data_dir: Path, version: str, date: str, summary_nb: str, summary_en: str, commit: str | None = None) -> dict:
    version_key(version)  # refuses a version that is not numbers and dots
    folder = snapshot_dir(data_dir, version)
    if folder.exists() or (data_dir / RELEASES_DIR / f"{version}.json").exists():
        raise SystemExit(f"release {version} exists already; a release is never rewritten")
    history = read_history(data_dir)
    if history and version_key(version) <= version_key(history[-1].version):
        raise SystemExit(f"release {version} must come after the latest, {history[-1].version}")
    if commit is None:
        try:
            load_dataset(data_dir)
        except DataError as error:
            raise SystemExit(f"data/ does not validate ({len(error.problems)} problems); run python -m klyngekart check") from error
    for name in FILES:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if commit is None:
            shutil.copyfile(data_dir / name, target)
        else:
            target.write_bytes(_from_git(commit, data_dir, name))
    record = {"version": version, "date": date, "fingerprint": snapshot_fingerprint(folder), "summary_nb": summary_nb, "summary_en": summary_en}
    (data_dir / RELEASES_DIR / f"{version}.json").write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if commit is None:
        path = data_dir / "release.json"
        current = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(current | {"version": version, "date": date}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        (data_dir / PACKAGE_FILE).write_bytes(datapackage_json(load_dataset(data_dir), data_dir))
    return record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("version", help="e.g. 2026.12.1")
    parser.add_argument("date", help="release date, YYYY-MM-DD")
    parser.add_argument("--summary-nb", required=True, help="what this release changed, in Norwegian (bokmål)")
    parser.add_argument("--summary-en", required=True, help="the same in English")
    parser.add_argument("--from-git", metavar="COMMIT", help="record the data as this commit holds it")
    parser.add_argument("--data-dir", type=Path, default=ROOT / "data")
    args = parser.parse_args(argv)
    record = cut(args.data_dir, args.version, args.date, args.summary_nb, args.summary_en, args.from_git)
    print(f"release {record['version']} ({record['date']}): fingerprint {record['fingerprint']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
