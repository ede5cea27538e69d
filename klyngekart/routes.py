"""Addresses served beside the app: /data/<table>.csv and /data/klyngekart.zip (stable download
links for scripts and spreadsheets, exactly the validated tables) and the county borders the
maps load.

Each answer carries an ETag (a hash of its bytes) and the release date as Last-Modified, so a
script or browser that has the file already gets 304 Not Modified. The borders' address
carries the same hash (`counties_url`), so they can be cached for good: a new file has a new
address.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from email.utils import format_datetime
from functools import cache

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from klyngekart.data import DATA_DIR, DataError, Dataset, load_dataset
from klyngekart.data.schema import TABLES_BY_NAME
from klyngekart.datapackage import datapackage_json
from klyngekart.export.dataset import dataset_zip
from klyngekart.geo import COUNTIES_FILE, COUNTIES_URL, counties_version

INVALID = "the dataset does not pass validation; run python -m klyngekart check"
HOUR = "public, max-age=3600"
FOREVER = "public, max-age=31536000, immutable"


@cache
def _dataset() -> Dataset:
    return load_dataset()


@cache
def _zip() -> bytes:
    return dataset_zip(_dataset())


@cache
def _csv(name: str) -> bytes:
    return _dataset().raw[name].to_csv(index=False).encode("utf-8")


@cache
def _package() -> bytes:
    return datapackage_json(_dataset())


@cache
def _borders() -> bytes:
    return (DATA_DIR / COUNTIES_FILE).read_bytes()


def etag(payload: bytes) -> str:
    return '"' + hashlib.sha256(payload).hexdigest()[:32] + '"'


def last_modified(release_date: str) -> str:
    day = datetime.strptime(release_date[:10], "%Y-%m-%d").replace(tzinfo=UTC)
    return format_datetime(day, usegmt=True)


def file_response(request: Request, payload: bytes, media_type: str, cache_control: str, extra: dict[str, str] | None = None) -> Response:
    """The file, or 304 when the request already holds this version of it."""
    tag = etag(payload)
    headers = {"ETag": tag, "Last-Modified": last_modified(_dataset().release.date), "Cache-Control": cache_control, **(extra or {})}
    if tag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(payload, media_type=media_type, headers=headers)


async def table_csv(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in TABLES_BY_NAME:
        # The requested name is not echoed back: a crafted link must not put its text on our page.
        return PlainTextResponse("no such table; see /data/klyngekart.zip for all tables", status_code=404)
    try:
        payload = _csv(name)
    except DataError:
        return PlainTextResponse(INVALID, status_code=503)
    return file_response(request, payload, "text/csv; charset=utf-8", HOUR)


async def package_zip(request: Request) -> Response:
    try:
        payload = _zip()
    except DataError:
        return PlainTextResponse(INVALID, status_code=503)
    return file_response(request, payload, "application/zip", HOUR, {"Content-Disposition": 'attachment; filename="klyngekart.zip"'})


async def package_json(request: Request) -> Response:
    try:
        payload = _package()
    except DataError:
        return PlainTextResponse(INVALID, status_code=503)
    return file_response(request, payload, "application/json", HOUR)


async def county_borders(request: Request) -> Response:
    # The borders are validated with the tables: a broken file is not served either.
    try:
        _dataset()
    except DataError:
        return PlainTextResponse(INVALID, status_code=503)
    versioned = request.query_params.get("v") == counties_version()
    return file_response(request, _borders(), "application/geo+json", FOREVER if versioned else HOUR)


ROUTES = [
    Route("/data/klyngekart.zip", package_zip),
    Route("/data/datapackage.json", package_json),
    Route("/data/{name:path}.csv", table_csv),
    Route(COUNTIES_URL, county_borders),
]
