"""Addresses served beside the app: /data/<table>.csv and /data/klyngekart.zip (stable download
links for scripts and spreadsheets, exactly the validated tables) and the county borders the
maps load."""

from __future__ import annotations

from functools import cache

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from klyngekart.data import DATA_DIR, DataError, Dataset, load_dataset
from klyngekart.data.schema import TABLES_BY_NAME
from klyngekart.export.dataset import dataset_zip
from klyngekart.geo import COUNTIES_FILE, COUNTIES_URL


@cache
def _dataset() -> Dataset:
    return load_dataset()


@cache
def _zip() -> bytes:
    return dataset_zip(_dataset())


async def table_csv(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in TABLES_BY_NAME:
        # The requested name is not echoed back: a crafted link must not put its text on our page.
        return PlainTextResponse("no such table; see /data/klyngekart.zip for all tables", status_code=404)
    try:
        csv = _dataset().raw[name].to_csv(index=False)
    except DataError:
        return PlainTextResponse("the dataset does not pass validation; run python -m klyngekart check", status_code=503)
    return Response(csv, media_type="text/csv; charset=utf-8", headers={"Cache-Control": "public, max-age=3600"})


async def package_zip(request: Request) -> Response:
    try:
        payload = _zip()
    except DataError:
        return PlainTextResponse("the dataset does not pass validation; run python -m klyngekart check", status_code=503)
    return Response(
        payload,
        media_type="application/zip",
        headers={"Content-Disposition": 'attachment; filename="klyngekart.zip"', "Cache-Control": "public, max-age=3600"},
    )


@cache
def _borders() -> bytes:
    return (DATA_DIR / COUNTIES_FILE).read_bytes()


async def county_borders(request: Request) -> Response:
    # The borders are validated with the tables: a broken file is not served either.
    try:
        _dataset()
    except DataError:
        return PlainTextResponse("the dataset does not pass validation; run python -m klyngekart check", status_code=503)
    return Response(_borders(), media_type="application/geo+json", headers={"Cache-Control": "public, max-age=86400"})


ROUTES = [
    Route("/data/klyngekart.zip", package_zip),
    Route("/data/{name:path}.csv", table_csv),
    Route(COUNTIES_URL, county_borders),
]
