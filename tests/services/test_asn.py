"""ASN buyer: registry hit and miss, province total plus this till's unsent sales, campaign periods."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import update

from pos.core.asn_period import AsnProgrammeError, PeriodKind
from pos.core.nip import InvalidNip
from pos.db.models import AsnPeriodTotal, AsnRegistryEntry, OutboxEvent, Setting
from pos.services import asn, refunds

if TYPE_CHECKING:  # conftest is not imported at run time: other test folders have their own
    from conftest import Till

KOPI, JAGUNG = "8991000000011", "2000000000015"
NIP_KNOWN = "19860926 201505 1 001"
NIP_PPPK = "198906192023211019"
TODAY = date(2026, 11, 20)


def _registry(till: Till) -> None:
    with till.db.unit_of_work() as uow:
        uow.session.add(
            AsnRegistryEntry(
                nip="198609262015051001",
                name="Maria Goreti Bria",
                agency="Dinas Koperasi dan UKM",
                kabupaten="Kota Kupang",
                updated_at=till.t0,
            )
        )
        uow.commit()


def _sent(till: Till, event_uuid: str) -> None:
    with till.db.unit_of_work() as uow:
        uow.session.execute(update(OutboxEvent).where(OutboxEvent.uuid == event_uuid).values(status="sent"))
        uow.commit()


def test_registry_hit_and_miss(till: Till) -> None:
    _registry(till)
    with till.db.unit_of_work() as uow:
        known = asn.identify_buyer(uow, NIP_KNOWN, this_sale=60_000, today=TODAY)
        unknown = asn.identify_buyer(uow, f"NIP. {NIP_PPPK}", today=TODAY)
        with pytest.raises(InvalidNip):
            asn.identify_buyer(uow, "19860926 201505 1 000", today=TODAY)
    assert known.registered and known.name == "Maria Goreti Bria" and known.kind == "PNS"
    assert known.nip_masked == "******** 201505 1 001" and known.period_label == "November 2026"
    assert asn.buyer_name_line(known) == "******** 201505 1 001 · Maria Goreti Bria — Dinas Koperasi dan UKM"
    assert asn.buyer_status_line(known) == "Rp60.000 dari Rp100.000 bulan November 2026 — kurang Rp40.000"
    assert not unknown.registered and unknown.name is None and unknown.kind == "PPPK"
    assert asn.buyer_name_line(unknown).endswith("NIP sah, belum terdaftar")
    assert (
        unknown.total_before == 0 and unknown.progress is not None and unknown.progress.remaining == 100_000
    )


def test_province_total_plus_unsent_local_sales(till: Till) -> None:
    digits = "198609262015051001"
    with till.db.unit_of_work() as uow:
        uow.session.add(AsnPeriodTotal(nip=digits, period_key="2026-11", amount=25_000, fetched_at=till.t0))
        uow.session.add(AsnPeriodTotal(nip=digits, period_key="2026-10", amount=900_000, fetched_at=till.t0))
        uow.commit()
    synced = till.sell([(JAGUNG, 2)], buyer_nip=NIP_KNOWN, now=till.t0)  # 20.000, already in the 25.000
    _sent(till, synced.uuid)
    till.sell([(KOPI, 1)], buyer_nip=NIP_KNOWN, now=till.t0)  # 75.000, not yet sent
    till.sell([(KOPI, 1)], buyer_nip=NIP_PPPK, now=till.t0)  # someone else
    till.sell([(KOPI, 1)], buyer_nip=NIP_KNOWN, now=till.t0 - timedelta(days=30))  # October
    with till.db.unit_of_work() as uow:
        info = asn.identify_buyer(uow, NIP_KNOWN, this_sale=10_000, today=TODAY)
    assert info.total_before == 25_000 + 75_000 and info.period_total == 110_000
    assert info.progress is not None and info.progress.met and not info.progress.met_by_this_sale
    assert asn.buyer_status_line(info) == "Rp110.000 dari Rp100.000 bulan November 2026 — target tercapai"

    # A refund not yet sent takes its amount off; once sent, the province total is trusted again.
    with till.db.unit_of_work() as uow:
        refund = refunds.refund_sale(
            uow, till.cashier, till.manager, synced.receipt_no, None, "rusak", None, now=till.t0
        )
    with till.db.unit_of_work() as uow:
        assert asn.identify_buyer(uow, NIP_KNOWN, today=TODAY).total_before == 80_000
    _sent(till, refund.uuid)
    with till.db.unit_of_work() as uow:
        uow.session.get_one(AsnPeriodTotal, (digits, "2026-11")).amount = 5_000  # pulled after the refund
        uow.commit()
        assert asn.identify_buyer(uow, NIP_KNOWN, today=TODAY).total_before == 80_000


def test_campaign_period_and_settings(till: Till) -> None:
    campaign = {"kind": "campaign", "name": "Natal 2026", "start": "2026-12-01", "end": "2026-12-24"}
    with till.db.unit_of_work() as uow:
        uow.session.add(Setting(key="asn.period", value=campaign))
        uow.session.add(Setting(key="asn.minimum", value=200_000))
        uow.commit()
    till.sell([(KOPI, 1)], buyer_nip=NIP_KNOWN, now=till.t0)  # 20 November: before the campaign
    with till.db.unit_of_work() as uow:
        prog = asn.programme(uow)
        assert prog.period is PeriodKind.CAMPAIGN and prog.minimum == 200_000
        outside = asn.identify_buyer(uow, NIP_KNOWN, this_sale=50_000, today=TODAY)
        inside = asn.identify_buyer(uow, NIP_KNOWN, this_sale=50_000, today=date(2026, 12, 2))
    assert outside.period is None and outside.progress is None and outside.total_before == 0
    assert asn.buyer_status_line(outside) == "Tidak ada periode belanja ASN yang berjalan hari ini"
    assert inside.period_label == "Natal 2026" and inside.total_before == 0  # the November sale is outside
    assert asn.buyer_status_line(inside) == "Rp50.000 dari Rp200.000 Natal 2026 — kurang Rp150.000"

    with till.db.unit_of_work() as uow:
        uow.session.get_one(Setting, "asn.period").value = {**campaign, "end": "2026-11-01"}
        uow.commit()
        with pytest.raises(AsnProgrammeError):
            asn.programme(uow)
