"""The ASN buyer at the till: NIP, who it is (local registry), and spending this period against the minimum.

Spending this period, before the sale being rung up, is worked out as:

    province total (AsnPeriodTotal.amount for the NIP and period, as last pulled; it already holds
    every outlet's synced sales and refunds, this till's included)
  + this till's sales to the NIP in the period whose outbox event is not yet sent
  - this till's refunds of the NIP's sales in the period whose outbox event is not yet sent

Counting only the unsent local events keeps a sale from being counted twice once it has been synced
(then it is in the province total). The figure never goes below zero. Offline it is exactly this
till's view; a stale province total only makes the figure lower than the truth, never higher.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, func, select

from pos.core.asn_period import (
    AsnPeriod,
    AsnProgramme,
    AsnProgrammeError,
    AsnProgress,
    PeriodKind,
    asn_progress,
    period_for,
)
from pos.core.money import format_rupiah
from pos.core.nip import parse_nip
from pos.core.timeutil import business_date, utc_now
from pos.db.models import AsnPeriodTotal, AsnRegistryEntry, OutboxEvent, Refund, Sale
from pos.db.uow import UnitOfWork
from pos.services import checkout, settings

UNREGISTERED_LABEL = "NIP sah, belum terdaftar"


@dataclass(frozen=True)
class BuyerInfo:
    """What the till knows about a buyer. `nip_masked` is for screens and receipts; `digits` for storage.

    `period` is None when a campaign is configured and today is outside it (then `progress` is None).
    `total_before` is the period spending before this sale; `progress` includes `this_sale`.
    """

    digits: str
    nip_masked: str
    kind: str
    name: str | None
    agency: str | None
    registered: bool
    period: AsnPeriod | None
    minimum: int
    total_before: int
    this_sale: int
    progress: AsnProgress | None

    @property
    def period_label(self) -> str | None:
        return self.period.label if self.period else None

    @property
    def period_total(self) -> int:
        """Spending in the period including this sale (for the receipt)."""
        return self.total_before + self.this_sale


def _date(value: Any, what: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise AsnProgrammeError(f"tanggal {what} kampanye ASN tidak sah: {value}") from None


def programme(uow: UnitOfWork) -> AsnProgramme:
    """The programme from the settings "asn.minimum" and "asn.period" (a month, or a named campaign)."""
    minimum = settings.get(uow, "asn.minimum")
    period = settings.get(uow, "asn.period") or {"kind": "month"}
    if not isinstance(period, dict):
        raise AsnProgrammeError("pengaturan periode ASN rusak")
    kind = period.get("kind", PeriodKind.MONTH.value)
    if kind == PeriodKind.CAMPAIGN.value:
        return AsnProgramme(
            minimum=minimum,
            period=PeriodKind.CAMPAIGN,
            campaign_name=str(period.get("name") or ""),
            campaign_start=_date(period.get("start"), "mulai") if period.get("start") else None,
            campaign_end=_date(period.get("end"), "selesai") if period.get("end") else None,
        )
    return AsnProgramme(minimum=minimum, period=kind)


def _pending_local(uow: UnitOfWork, digits: str, period: AsnPeriod) -> int:
    in_period = and_(
        Sale.buyer_nip == digits,
        Sale.business_date >= period.start.isoformat(),
        Sale.business_date <= period.end.isoformat(),
    )
    sales = uow.session.scalar(
        select(func.coalesce(func.sum(Sale.total), 0))
        .join(OutboxEvent, OutboxEvent.uuid == Sale.uuid)
        .where(in_period, OutboxEvent.status != "sent")
    )
    refunds = uow.session.scalar(
        select(func.coalesce(func.sum(Refund.total), 0))
        .join(Sale, Sale.id == Refund.sale_id)
        .join(OutboxEvent, OutboxEvent.uuid == Refund.uuid)
        .where(in_period, OutboxEvent.status != "sent")
    )
    return int(sales or 0) - int(refunds or 0)


def period_total(uow: UnitOfWork, digits: str, period: AsnPeriod) -> int:
    """The buyer's spending in `period` as this till knows it (see the module docstring)."""
    province = uow.session.get(AsnPeriodTotal, (digits, period.key))
    return max(0, (province.amount if province else 0) + _pending_local(uow, digits, period))


def identify_buyer(
    uow: UnitOfWork, nip_text: str, *, this_sale: int = 0, today: date | None = None
) -> BuyerInfo:
    """Parse the NIP (InvalidNip propagates with its reason), look it up, and work out the progress."""
    if today is None:
        today = business_date(utc_now(), checkout.outlet_info(uow).timezone)
    nip = parse_nip(nip_text, today)
    prog = programme(uow)
    entry = uow.session.get(AsnRegistryEntry, nip.digits)
    registered = entry is not None and entry.active
    period = period_for(prog, today)
    before = period_total(uow, nip.digits, period) if period else 0
    return BuyerInfo(
        digits=nip.digits,
        nip_masked=str(nip),
        kind=nip.kind.value,
        name=entry.name if registered and entry else None,
        agency=(entry.agency or None) if registered and entry else None,
        registered=registered,
        period=period,
        minimum=prog.minimum,
        total_before=before,
        this_sale=this_sale,
        progress=asn_progress(prog, before, this_sale) if period else None,
    )


def buyer_name_line(info: BuyerInfo) -> str:
    """ "Maria Goreti Bria — Dinas Koperasi" or "NIP sah, belum terdaftar", after the masked NIP."""
    if not info.registered or not info.name:
        return f"{info.nip_masked} · {UNREGISTERED_LABEL}"
    who = f"{info.name} — {info.agency}" if info.agency else info.name
    return f"{info.nip_masked} · {who}"


def buyer_status_line(info: BuyerInfo) -> str:
    """E.g. "Rp60.000 dari Rp100.000 bulan November 2026 — kurang Rp40.000" (this sale included)."""
    if info.period is None or info.progress is None:
        return "Tidak ada periode belanja ASN yang berjalan hari ini"
    label = info.period.label
    if info.period.key[:1].isdigit():  # a calendar month ("2026-11"); campaigns are named as they are
        label = f"bulan {label}"
    progress = info.progress
    head = f"{format_rupiah(progress.total)} dari {format_rupiah(progress.minimum)} {label}"
    if progress.met:
        return f"{head} — target tercapai"
    return f"{head} — kurang {format_rupiah(progress.remaining)}"
