"""Target profiles (fixtures/targets/*.yaml): loaded and validated with one clear message per mistake."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlparse

import yaml

from .vocabulary import VocabularyError, load_file as load_vocabulary, validate as validate_vocabulary

from ..paths import TARGETS
from .. import yamlio
TOP_KEYS = {"name", "embedded", "control_url", "stubs_url", "capabilities", "thresholds", "sites", "scope", "vocabulary",
            "control_token", "stubs_token", "replicas"}
# replicas: copies of the target for parallel workers (pytest -n N): worker gwK runs against replicas[K]. A copy is a
# mapping of the keys below; sites' base_url may be given once as base_url. Without replicas a target's control API
# (reset, clock) is shared, so the harness refuses -n N > 1 against it (steps/target/selection.py).
REPLICA_KEYS = {"control_url", "stubs_url", "control_token", "stubs_token", "base_url", "sites"}
CAPABILITIES = {"clock", "seed", "sessions"}  # sessions: state injection, optional (default false)
DEFAULT_CAPABILITIES = {"clock": True, "seed": True, "sessions": False}
THRESHOLDS = {"old_id_lock_threshold", "code_lock_threshold", "code_lock_minutes", "account_lock_threshold",
              "code_ttl_seconds", "reset_token_ttl_seconds"}
SITES = {"myaplus", "fanclub"}


class ProfileError(ValueError):
    """The profile has mistakes; the message lists every one."""


@dataclass
class Profile:
    name: str
    source: str
    embedded: bool = False
    control_url: str | None = None
    stubs_url: str | None = None
    capabilities: dict[str, bool] = field(default_factory=lambda: dict(DEFAULT_CAPABILITIES))
    thresholds: dict[str, int] = field(default_factory=dict)
    sites: dict[str, dict] = field(default_factory=dict)
    scope: list[str] | None = None
    vocabulary: dict[str, dict[str, list[dict]]] = field(default_factory=dict)  # steps/target/vocabulary.py
    control_token: str | None = None  # bearer token of the control API, when the target asks for one
    stubs_token: str | None = None  # bearer token of the stubs' API (python -m simulator.stubs prints it)
    replicas: list[dict] = field(default_factory=list)  # one copy of the target per parallel worker

    def replica(self, index: int) -> "Profile":
        """This profile pointed at its ``index``-th copy (the pytest-xdist worker gw<index>)."""
        copy = self.replicas[index]
        sites = {}
        for site, spec in self.sites.items():
            base = ((copy.get("sites") or {}).get(site) or {}).get("base_url") or copy.get("base_url")
            sites[site] = {**spec, **({"base_url": base} if base else {})}
        return replace(self, control_url=copy.get("control_url", self.control_url),
                       stubs_url=copy.get("stubs_url", self.stubs_url), sites=sites,
                       control_token=copy.get("control_token", self.control_token),
                       stubs_token=copy.get("stubs_token", self.stubs_token), replicas=[],
                       name=self.name)

    def paths(self) -> dict[str, str]:
        """Screen paths keyed ``<site>.<screen>``."""
        return {f"{site}.{k}": v for site, s in self.sites.items() for k, v in (s.get("paths") or {}).items()}

    def implements(self, spec_id: str) -> bool:
        """Scope entries are sections or IDs (``MYAPLUS-01``, ``MYAPLUS-03-B2``); ``!`` before one excludes it."""
        if self.scope is None:
            return True
        covers = lambda entry: spec_id == entry or spec_id.startswith(entry + "-")  # noqa: E731
        return (any(covers(e) for e in self.scope if not e.startswith("!"))
                and not any(covers(e[1:]) for e in self.scope if e.startswith("!")))

    def in_scope(self, spec_ids: list[str]) -> bool:
        """A scenario runs when the target implements every statement it cites; one that cites none runs
        only on a target that declares no scope."""
        if self.scope is None:
            return True
        return bool(spec_ids) and all(self.implements(i) for i in spec_ids)


def _is_url(value) -> bool:
    return isinstance(value, str) and urlparse(value).scheme in ("http", "https") and bool(urlparse(value).netloc)


def validate(data, source: str) -> Profile:
    if not isinstance(data, dict):
        raise ProfileError(f"{source}: a profile is a YAML mapping, got {type(data).__name__}")
    errors = [f"unknown key '{k}' (allowed: {', '.join(sorted(TOP_KEYS))})" for k in data if k not in TOP_KEYS]
    embedded = data.get("embedded", False)
    if not isinstance(embedded, bool):
        errors.append("'embedded' must be true or false")
    if not isinstance(data.get("name"), str) or not data.get("name"):
        errors.append("'name' is required: a text shown in reports")
    for key in ("control_url", "stubs_url"):
        value = data.get(key)
        if value is None and not embedded:
            errors.append(f"'{key}' is required for a target the harness does not start (embedded: false)")
        elif value is not None and not _is_url(value):
            errors.append(f"'{key}' must be an http(s) URL, got {value!r}")
    caps = data.get("capabilities", {}) or {}
    if not isinstance(caps, dict):
        errors.append("'capabilities' must be a mapping of clock/seed/sessions to true/false")
        caps = {}
    for k, v in caps.items():
        if k not in CAPABILITIES:
            errors.append(f"unknown capability '{k}' (allowed: {', '.join(sorted(CAPABILITIES))})")
        elif not isinstance(v, bool):
            errors.append(f"capability '{k}' must be true or false, got {v!r}")
    thresholds = data.get("thresholds", {}) or {}
    if not isinstance(thresholds, dict):
        errors.append("'thresholds' must be a mapping")
        thresholds = {}
    for k, v in thresholds.items():
        if k not in THRESHOLDS:
            errors.append(f"unknown threshold '{k}' (allowed: {', '.join(sorted(THRESHOLDS))})")
        elif isinstance(v, bool) or not isinstance(v, int) or v < 1:
            errors.append(f"threshold '{k}' must be a positive integer, got {v!r}")
    sites = data.get("sites", {}) or {}
    if not isinstance(sites, dict) or not sites:
        errors.append(f"'sites' must name at least one of: {', '.join(sorted(SITES))}")
        sites = {}
    for site, spec in sites.items():
        if site not in SITES:
            errors.append(f"unknown site '{site}' (allowed: {', '.join(sorted(SITES))})")
            continue
        spec = spec or {}
        if not isinstance(spec, dict):
            errors.append(f"sites.{site} must be a mapping with base_url and paths")
            continue
        base = spec.get("base_url")
        if base is None and not embedded:
            errors.append(f"sites.{site}.base_url is required (embedded: false)")
        elif base is not None and not _is_url(base):
            errors.append(f"sites.{site}.base_url must be an http(s) URL, got {base!r}")
        for screen, path in (spec.get("paths") or {}).items():
            if not isinstance(path, str) or not path.startswith("/"):
                errors.append(f"sites.{site}.paths.{screen} must be a path starting with '/', got {path!r}")
    scope = data.get("scope")
    if scope is not None and (not isinstance(scope, list) or not all(isinstance(s, str) for s in scope)):
        errors.append("'scope' must be a list of spec sections such as MYAPLUS-01")
    for k in ("control_token", "stubs_token"):
        if data.get(k) is not None and not isinstance(data.get(k), str):
            errors.append(f"'{k}' must be a text (the bearer token), got {data.get(k)!r}")
    vocabulary = data.get("vocabulary")
    try:
        if isinstance(vocabulary, str):  # a file beside the profile
            vocabulary = load_vocabulary(Path(source).parent / vocabulary)
        else:
            vocabulary = validate_vocabulary(vocabulary, f"{source}: vocabulary")
    except VocabularyError as exc:
        errors.append(str(exc).replace("\n", "\n  "))
        vocabulary = {}
    replicas = data.get("replicas") or []
    if not isinstance(replicas, list) or not all(isinstance(r, dict) for r in replicas):
        errors.append("'replicas' must be a list of mappings (control_url, base_url, stubs_url, ...), one per worker")
        replicas = []
    for i, copy in enumerate(replicas):
        errors += [f"replicas[{i}]: unknown key '{k}' (allowed: {', '.join(sorted(REPLICA_KEYS))})"
                   for k in copy if k not in REPLICA_KEYS]
        if not _is_url(copy.get("control_url")):
            errors.append(f"replicas[{i}].control_url must be an http(s) URL, got {copy.get('control_url')!r}")
        bases = [copy.get("base_url")] + [(v or {}).get("base_url") for v in (copy.get("sites") or {}).values()]
        errors += [f"replicas[{i}]: base_url must be an http(s) URL, got {b!r}" for b in bases if b is not None and not _is_url(b)]
        if copy.get("base_url") is None and not copy.get("sites"):
            errors.append(f"replicas[{i}] needs base_url (every site) or sites.<site>.base_url")
    if errors:
        raise ProfileError(f"{source}: {len(errors)} mistake(s) in the target profile:\n  - " + "\n  - ".join(errors))
    return Profile(name=data["name"], source=source, embedded=embedded, control_url=data.get("control_url"),
                   stubs_url=data.get("stubs_url"), capabilities={**DEFAULT_CAPABILITIES, **caps},
                   thresholds=thresholds, sites={k: dict(v or {}) for k, v in sites.items()}, scope=scope,
                   vocabulary=vocabulary, control_token=data.get("control_token"), stubs_token=data.get("stubs_token"),
                   replicas=replicas)


def load(name_or_path: str) -> Profile:
    path = Path(name_or_path)
    if not path.suffix:
        path = TARGETS / f"{name_or_path}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in TARGETS.glob("*.yaml")))
        raise ProfileError(f"no target profile '{name_or_path}' (looked for {path}); known profiles: {known}")
    try:
        data = yamlio.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ProfileError(f"{path}: not valid YAML: {exc}") from exc
    return validate(data, str(path))
