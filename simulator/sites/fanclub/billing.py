"""Asks the carrier (over HTTP, through the gateway) whether a withdrawn member is still being charged."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool

from ...context import SiteContext
from ...outbound import DeliveryError


@dataclass(frozen=True)
class ChargeCheck:
    reachable: bool  # False: the carrier API failed (5xx, timeout) -> ask the member to retry
    charged: bool  # an active monthly charge exists for the member's billing ID


async def check_charge(ctx: SiteContext, carrier: str | None, billing_id: str | None) -> ChargeCheck:
    if not carrier or not billing_id:
        return ChargeCheck(True, False)
    try:
        charge = await run_in_threadpool(ctx.gateway.carrier_get, carrier, f"/charges/{quote(billing_id, safe='')}")
    except (DeliveryError, ValueError):
        return ChargeCheck(False, False)
    return ChargeCheck(True, bool(charge) and charge.get("status") == "active")
