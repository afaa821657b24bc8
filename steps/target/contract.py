"""The control API as a contract: before any feature runs, tell a vendor which endpoints of theirs are missing
or answer wrongly, checked against simulator/openapi.yaml (the contract; the simulator is its reference).

    python -m steps.target.contract [--target PROFILE]      exit 1 when a required endpoint is missing or wrong
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import requests

from .profile import Profile, ProfileError, load
from .. import yamlio

CONTRACT = Path(__file__).resolve().parents[2] / "simulator" / "openapi.yaml"
# (operationId, method, path, JSON body (or a function of the earlier answers), capability that makes it required,
# expected status)
PROBES = (
    ("health", "GET", "/health", None, None, 200),
    ("config", "GET", "/config", None, None, 200),
    ("reset", "POST", "/reset", {}, None, 200),
    ("readClock", "GET", "/clock", None, "clock", 200),
    ("moveClock", "POST", "/clock", {"advance_seconds": 1}, "clock", 200),
    ("seedMyaplusAccount", "POST", "/myaplus/accounts", {"state": "unmigrated", "phone": "mobile"}, "seed:myaplus", 201),
    ("seedFanclubMember", "POST", "/fanclub/members", {"state": "valid"}, "seed:fanclub", 201),
    ("injectMyaplusSession", "POST", "/myaplus/sessions",
     lambda got: {"account_id": got["seedMyaplusAccount"]["id"], "screen": "terms"}, "sessions:myaplus", 201),
    ("injectFanclubSession", "POST", "/fanclub/sessions",
     lambda got: {"member_id": got["seedFanclubMember"]["id"], "screen": "email"}, "sessions:fanclub", 201),
)


@dataclass
class Finding:
    operation: str
    endpoint: str
    verdict: str  # OK | MISSING | WRONG | NOT REQUIRED | NOT IN CONTRACT
    detail: str = ""


def _contract() -> dict:
    return yamlio.safe_load(CONTRACT.read_text(encoding="utf-8"))


def _resolve(node, root: dict):
    """The schema with every local $ref replaced by what it points at."""
    if isinstance(node, dict):
        if "$ref" in node:
            target = root
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            return _resolve(target, root)
        return {k: _resolve(v, root) for k, v in node.items()}
    if isinstance(node, list):
        return [_resolve(v, root) for v in node]
    return node


def _schema(contract: dict, operation: str, status: int) -> dict | None:
    for path_item in contract["paths"].values():
        for op in path_item.values():
            if isinstance(op, dict) and op.get("operationId") == operation:
                answer = _resolve(op.get("responses", {}).get(str(status), {}), contract)
                return answer.get("content", {}).get("application/json", {}).get("schema", {})
    return None


def _required(capability: str | None, profile: Profile) -> bool:
    if capability is None:
        return True
    if capability.startswith(("seed:", "sessions:")):  # state injection needs a seeded member too
        kind, site = capability.split(":")
        return profile.capabilities["seed"] and profile.capabilities.get(kind, False) and site in profile.sites
    return profile.capabilities[capability]


def check(profile: Profile, control_url: str, token: str | None = None) -> list[Finding]:
    contract, http, findings = _contract(), requests.Session(), []
    token = token or profile.control_token
    if token:
        http.headers["Authorization"] = f"Bearer {token}"
    answers: dict = {}
    for operation, method, path, body, capability, status in PROBES:
        endpoint = f"{method} {control_url.rstrip('/')}{path}"
        if not _required(capability, profile):
            why = (f"the profile does not offer the {capability.split(':')[1]} site or {capability.split(':')[0]}"
                   if ":" in capability else f"capabilities.{capability} is false in the profile")
            findings.append(Finding(operation, endpoint, "NOT REQUIRED", why))
            continue
        schema = _schema(contract, operation, status)
        if schema is None:
            findings.append(Finding(operation, endpoint, "NOT IN CONTRACT", "the contract does not describe it yet"))
            continue
        if callable(body):
            try:
                body = body(answers)
            except (KeyError, TypeError):
                findings.append(Finding(operation, endpoint, "WRONG", "needs a member seeded by the probe before it"))
                continue
        try:
            resp = http.request(method, f"{control_url.rstrip('/')}{path}", json=body, timeout=15)
        except requests.RequestException as exc:
            findings.append(Finding(operation, endpoint, "MISSING", f"no answer: {exc}"))
            continue
        if resp.status_code in (404, 405, 501):
            findings.append(Finding(operation, endpoint, "MISSING", f"HTTP {resp.status_code}"))
            continue
        if resp.status_code != status:
            findings.append(Finding(operation, endpoint, "WRONG", f"HTTP {resp.status_code}, expected {status}: {resp.text[:200]}"))
            continue
        try:
            jsonschema.validate(resp.json(), schema)
        except ValueError:
            findings.append(Finding(operation, endpoint, "WRONG", "the answer is not JSON"))
            continue
        except jsonschema.ValidationError as exc:
            where = "/".join(str(p) for p in exc.absolute_path) or "(the answer)"
            findings.append(Finding(operation, endpoint, "WRONG", f"{where}: {exc.message}"))
            continue
        findings.append(Finding(operation, endpoint, "OK"))
        answers[operation] = resp.json()
    http.post(f"{control_url.rstrip('/')}/reset", json={}, timeout=15)  # leave nothing of the probes behind
    return findings


def broken(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.verdict in ("MISSING", "WRONG")]


def render(findings: list[Finding]) -> str:
    width = max(len(f.endpoint) for f in findings)
    return "\n".join(f"  {f.verdict:<15} {f.endpoint:<{width}}  {f.detail}".rstrip() for f in findings)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m steps.target.contract", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--target", default="simulator", help="target profile (name in fixtures/targets/ or a path)")
    ap.add_argument("--control-url", default=None, help="override the profile's control_url (needed for the embedded simulator)")
    ap.add_argument("--control-token", default=None,
                    help="the control API's bearer token (default: the profile's control_token; `python -m simulator` prints one)")
    args = ap.parse_args(argv)
    try:
        profile = load(args.target)
    except ProfileError as exc:
        print(exc, file=sys.stderr)
        return 2
    url = args.control_url or profile.control_url
    if not url:
        print("the profile is embedded: start the simulator (make serve) and pass --control-url http://127.0.0.1:8000/_control",
              file=sys.stderr)
        return 2
    findings = check(profile, url, args.control_token)
    print(f"control API contract of {profile.name} ({url}), against {CONTRACT.name}:")
    print(render(findings))
    bad = broken(findings)
    print(f"{len(bad)} endpoint(s) missing or wrong" if bad else "every required endpoint answers as the contract says")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
