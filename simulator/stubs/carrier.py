"""Carrier billing stubs: docomo (12-digit 決済番号), au (11-digit 継続課金ID), SoftBank (注文番号).

Charges are seeded over ``/_stubs/carrier/{carrier}/charges`` and looked up by the site with
``GET /carrier/{carrier}/charges/{billing_id}``, as a real site would ask a carrier's API.
"""
from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from . import faults
from .registry import Registry

# The shape of each carrier's billing ID, as the fan club page documents it.
BILLING_ID_RULES = {
    "docomo": (re.compile(r"\d{12}"), "12桁の決済番号"),
    "au": (re.compile(r"\d{11}"), "11桁の継続課金ID"),
    "softbank": (re.compile(r"[0-9A-Za-z-]{6,40}"), "注文番号"),
}


def billing_id_problem(carrier: str, billing_id: str) -> str | None:
    """None when the ID has its carrier's shape, else what is wrong (in Japanese)."""
    key = carrier.lower()
    if key not in BILLING_ID_RULES:
        return "ご契約の携帯会社はdocomo/au/SoftBankのいずれかをご記入ください。"
    pattern, label = BILLING_ID_RULES[key]
    if not pattern.fullmatch(billing_id.strip()):
        return f"{carrier}の決済情報は【{label}】をご記入ください。"
    return None


def routes(registry: Registry) -> list[Route]:
    async def lookup(request: Request):
        carrier = request.path_params["carrier"].lower()
        if carrier not in BILLING_ID_RULES:
            return JSONResponse({"message": f"unknown carrier {carrier!r}"}, status_code=404)
        failed = await faults.apply(registry, "carrier", request,
                                    lambda status, message: JSONResponse({"message": message}, status_code=status))
        if failed is not None:
            return failed
        charge = registry.get(f"carrier:{carrier}", request.path_params["billing_id"])
        if charge is None:
            return JSONResponse({"message": "no such charge"}, status_code=404)
        registry.record("carrier_lookup", carrier=carrier, billing_id=request.path_params["billing_id"])
        return JSONResponse(charge)

    return [Route("/carrier/{carrier}/charges/{billing_id}", lookup, methods=["GET"])]
