"""simulator/openapi.yaml is the contract of the control API and the stubs: a valid OpenAPI 3.1 document
whose operations are exactly the routes the apps serve, whose examples fit its schemas, and whose
schemas the live answers fit."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from starlette.routing import Mount
from .asgi_client import TestClient

from simulator.stubs.app import create_stubs_app
from simulator.stubs.registry import Registry

from .conftest import STUBS_AUTH, STUBS_TOKEN

DOC = yaml.safe_load((Path(__file__).parents[1] / "simulator" / "openapi.yaml").read_text(encoding="utf-8"))
METHODS = {"get", "post", "put", "patch", "delete"}
FANCLUB = "/_control/fanclub/"


def served(app, prefix: str = "") -> set[tuple[str, str]]:
    ops = set()
    for route in app.routes:
        if isinstance(route, Mount):
            ops |= served(route, prefix + route.path)
        else:
            ops |= {(m.lower(), prefix + route.path) for m in route.methods or () if m != "HEAD"}
    return ops


def documented() -> set[tuple[str, str]]:
    return {(m, p) for p, item in DOC["paths"].items() for m in item if m in METHODS}


def shape(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path)


def validator(schema: dict) -> Draft202012Validator:
    return Draft202012Validator({**schema, "components": DOC["components"]})


def resolve(node: dict) -> dict:
    while "$ref" in node:
        *_, section, name = node["$ref"].split("/")
        node = DOC["components"][section][name]
    return node


def assert_conforms(resp, method: str, path: str) -> None:
    responses = DOC["paths"][path][method]["responses"]
    declared = responses.get(str(resp.status_code)) or responses.get(f"{str(resp.status_code)[0]}XX")
    assert declared, f"{method.upper()} {path} answered {resp.status_code}, which the document does not declare"
    schema = resolve(declared)["content"]["application/json"]["schema"]
    errors = sorted(validator(schema).iter_errors(resp.json()), key=str)
    assert not errors, f"{method.upper()} {path} {resp.status_code}: {errors[0].message}"


def test_the_document_is_valid_openapi_3_1():
    validate(DOC)
    assert DOC["openapi"].startswith("3.1")


def test_every_route_is_documented_and_every_documented_operation_is_served(site):
    app_ops = {(m, p) for m, p in served(site.client.app) if p.startswith("/_control/")}
    stub_ops = served(create_stubs_app(Registry()))
    doc_ops = documented()
    if not any(p.startswith(FANCLUB) for _, p in doc_ops):  # the fan club's section is still reserved
        app_ops = {(m, p) for m, p in app_ops if not p.startswith(FANCLUB)}
    served_shapes = {(m, shape(p)) for m, p in app_ops | stub_ops}
    doc_shapes = {(m, shape(p)) for m, p in doc_ops}
    assert sorted(served_shapes - doc_shapes) == [], "served but not documented"
    assert sorted(doc_shapes - served_shapes) == [], "documented but not served"


def test_the_document_is_served_at_openapi_json(site):
    assert site.client.get("/_control/openapi.json").json() == DOC


def media_examples():
    for path, item in DOC["paths"].items():
        for method, op in ((m, o) for m, o in item.items() if m in METHODS):
            bodies = [("request", op.get("requestBody", {}))] + [(s, resolve(r)) for s, r in op["responses"].items()]
            for where, body in bodies:
                for media in body.get("content", {}).values():
                    found = ([media["example"]] if "example" in media else []) + [
                        e["value"] for e in media.get("examples", {}).values()]
                    for n, example in enumerate(found):
                        yield pytest.param(media["schema"], example, id=f"{method} {path} {where} #{n}")


@pytest.mark.parametrize(("schema", "example"), list(media_examples()))
def test_every_example_fits_its_schema(schema, example):
    errors = list(validator(schema).iter_errors(example))
    assert not errors, errors[0].message


def test_control_answers_fit_the_document(site):
    http = site.client
    assert_conforms(http.get("/_control/health"), "get", "/_control/health")
    assert_conforms(http.get("/_control/config"), "get", "/_control/config")
    assert_conforms(http.post("/_control/reset"), "post", "/_control/reset")
    assert_conforms(http.post("/_control/reset", json=[]), "post", "/_control/reset")
    assert_conforms(http.get("/_control/clock"), "get", "/_control/clock")
    assert_conforms(http.post("/_control/clock", json={"advance_seconds": 301}), "post", "/_control/clock")
    assert_conforms(http.post("/_control/clock", json={"advance_seconds": -1}), "post", "/_control/clock")
    for body in ({}, {"state": "migrated", "phone": "landline"}, {"state": "account_locked"}, {"state": "old_id_locked"}):
        created = http.post("/_control/myaplus/accounts", json=body)
        assert_conforms(created, "post", "/_control/myaplus/accounts")
        shown = http.get(f"/_control/myaplus/accounts/{created.json()['id']}")
        assert_conforms(shown, "get", "/_control/myaplus/accounts/{account_id}")
    assert_conforms(http.post("/_control/myaplus/accounts", json={"state": "x"}), "post", "/_control/myaplus/accounts")
    assert_conforms(http.get("/_control/myaplus/accounts/999"), "get", "/_control/myaplus/accounts/{account_id}")


def test_stub_answers_fit_the_document():
    app = create_stubs_app(Registry(), smtp_port=8025, token=STUBS_TOKEN, allowed_hosts=("testserver",))
    http = TestClient(app, headers=STUBS_AUTH)
    sms = "/2010-04-01/Accounts/{account}/Messages.json"
    calls = "/2010-04-01/Accounts/{account}/Calls.json"
    assert_conforms(http.get("/_stubs"), "get", "/_stubs")
    assert_conforms(http.post(sms.format(account="AC1"), data={"To": "+819012345678", "Body": "認証コード：1234"}), "post", sms)
    assert_conforms(http.post(sms.format(account="AC1"), data={}), "post", sms)
    assert_conforms(http.post(calls.format(account="AC1"), data={"To": "+81351234567", "Twiml": "<Say>1</Say>"}), "post", calls)
    assert_conforms(http.post("/_stubs/faults", json={"service": "voice", "status": 502}), "post", "/_stubs/faults")
    assert_conforms(http.post(calls.format(account="AC1"), data={"To": "+8135", "Twiml": "x"}), "post", calls)
    assert_conforms(http.post("/_stubs/faults", json={"service": "fax"}), "post", "/_stubs/faults")
    charge = "/_stubs/carrier/{carrier}/charges"
    assert_conforms(http.post(charge.format(carrier="au"), json={"billing_id": "12345678901"}), "post", charge)
    assert_conforms(http.post(charge.format(carrier="au"), json={"billing_id": "1"}), "post", charge)
    assert_conforms(http.post(charge.format(carrier="kddi"), json={"billing_id": "1"}), "post", charge)
    assert_conforms(http.get(charge.format(carrier="au")), "get", charge)
    lookup = "/carrier/{carrier}/charges/{billing_id}"
    assert_conforms(http.get("/carrier/au/charges/12345678901"), "get", lookup)
    assert_conforms(http.get("/carrier/au/charges/00000000000"), "get", lookup)
    for kind in ("mails", "sms", "calls", "carrier-lookups"):
        assert_conforms(http.get(f"/_stubs/{kind}"), "get", "/_stubs/{kind}")
    assert_conforms(http.get("/_stubs/faxes"), "get", "/_stubs/{kind}")
    assert_conforms(http.delete("/_stubs"), "delete", "/_stubs")
