import io
import zipfile

from starlette.applications import Starlette
from starlette.testclient import TestClient

from klyngekart.routes import ROUTES

client = TestClient(Starlette(routes=ROUTES))


def test_table_csv():
    response = client.get("/data/budgets.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.text.startswith("year,programme,component,measure,value")


def test_reference_table_csv():
    assert client.get("/data/reference/cpi.csv").text.startswith("year,cpi,source_ids")


def test_unknown_table_is_404():
    assert client.get("/data/passwords.csv").status_code == 404
    assert client.get("/data/../dashboard.py.csv").status_code == 404


def test_zip_package():
    response = client.get("/data/klyngekart.zip")
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert "klyngekart/README.md" in names and "klyngekart/clusters.csv" in names
