"""Outlet settings: admin only, every change in the audit log with old and new value, QRIS checked by
the domain parser, the ASN programme left to the province when a provincial server is set."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from pos.core.asn_period import AsnProgramme, AsnProgrammeError, PeriodKind
from pos.core.errors import DomainError
from pos.core.qris import build_qris_payload, dynamic_qris
from pos.db.engine import Database
from pos.db.models import AuditEntry
from pos.services import asn, settings, setup, users
from pos.services.context import Actor, PermissionDenied, Role
from pos.services.setup import OutletSetup

STATIC_QRIS = build_qris_payload(
    [
        ("00", "01"),
        ("01", "11"),
        ("51", "0014ID.CO.QRIS.WWW0215ID10234567890100303UMI"),
        ("52", "5499"),
        ("53", "360"),
        ("58", "ID"),
        ("59", "NTT MART DEKRANASDA"),
        ("60", "KUPANG"),
    ]
)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path, create=True)
    setup.initialize_outlet(
        database,
        OutletSetup("5371", "NTT Mart by Dekranasda Kota Kupang", "5371", "Jl. El Tari", "admin", "4826"),
    )
    yield database
    database.close()


@pytest.fixture
def admin(db: Database) -> Actor:
    with db.unit_of_work() as uow:
        return users.authenticate(uow, "admin", "4826")


def audit_trail(db: Database, action: str) -> list[dict[str, object]]:
    with db.unit_of_work() as uow:
        query = select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)
        return [{**e.detail, "user_id": e.user_id} for e in uow.session.scalars(query)]


def test_setting_changes_are_audited_with_who_old_and_new(db: Database, admin: Actor) -> None:
    with db.unit_of_work() as uow:
        settings.set_limits(
            uow, admin, discount_percent=15, price_override_percent=5, void_requires_manager=True
        )
        uow.commit()
    with db.unit_of_work() as uow:  # saving the same values again adds nothing
        settings.set_limits(
            uow, admin, discount_percent=15, price_override_percent=5, void_requires_manager=True
        )
        uow.commit()
        assert settings.get(uow, "void.requires_manager") is True
    trail = {entry["key"]: entry for entry in audit_trail(db, "setting.change")}
    assert trail["discount.manager_pin_above_percent"] == {
        "key": "discount.manager_pin_above_percent",
        "old": 10,
        "new": 15,
        "user_id": admin.user_id,
    }
    assert trail["void.requires_manager"]["old"] is False and trail["void.requires_manager"]["new"] is True
    assert len(audit_trail(db, "setting.change")) == 3


def test_outlet_identity_changes_are_audited_per_field(db: Database, admin: Actor) -> None:
    with db.unit_of_work() as uow:
        changed = settings.update_outlet(
            uow,
            admin,
            address="Jl. El Tari No. 52",
            receipt_footer="Tuhan memberkati",
            timezone="Asia/Makassar",
        )
        uow.commit()
        assert changed == ["address", "receipt_footer"]
        assert settings.identity(uow).address == "Jl. El Tari No. 52"
        with pytest.raises(DomainError, match="Zona waktu"):
            settings.update_outlet(uow, admin, timezone="WITA")
    entries = audit_trail(db, "outlet.change")
    assert entries[0] == {
        "field": "address",
        "old": "Jl. El Tari",
        "new": "Jl. El Tari No. 52",
        "user_id": admin.user_id,
    }


def test_receipt_columns_follow_the_paper_setting(db: Database, admin: Actor) -> None:
    """One rule for the width of every receipt-paper document: 32 columns on 58 mm (the default), 48 on 80."""

    def columns_on(paper: int | None) -> int:
        with db.unit_of_work() as uow:
            if paper is not None:
                settings.put(uow, admin, "receipt.paper", paper)
                uow.commit()
            return settings.receipt_columns(uow)

    assert columns_on(None) == 32
    assert columns_on(80) == 48
    assert columns_on(58) == 32
    with pytest.raises(DomainError, match="58 atau 80"):
        columns_on(76)


def test_only_an_admin_changes_settings(db: Database, admin: Actor) -> None:
    with db.unit_of_work() as uow:
        users.create_user(uow, admin, username="manajer", full_name="Manajer", role=Role.MANAGER, pin="8024")
        manager = users.authenticate(uow, "manajer", "8024")
        with pytest.raises(PermissionDenied):
            settings.set_tax(uow, manager, ppn_enabled=True, mode="included", rate_percent=11)
        with pytest.raises(PermissionDenied):
            settings.update_outlet(uow, manager, address="x")


def test_qris_is_checked_before_it_is_saved(db: Database, admin: Actor) -> None:
    broken = STATIC_QRIS[:-4] + ("0000" if not STATIC_QRIS.endswith("0000") else "1111")
    with db.unit_of_work() as uow:
        with pytest.raises(DomainError, match="CRC"):
            settings.set_qris(uow, admin, broken)
        with pytest.raises(DomainError, match="dinamis"):
            settings.set_qris(uow, admin, dynamic_qris(STATIC_QRIS, 50_000))
        assert settings.get(uow, "qris.static") is None
        info = settings.set_qris(uow, admin, STATIC_QRIS + "\n")
        uow.commit()
    assert info is not None and (info.merchant_name, info.city, info.nmid) == (
        "NTT MART DEKRANASDA",
        "KUPANG",
        "ID1023456789010",
    )
    with db.unit_of_work() as uow:
        assert settings.get(uow, "qris.static") == STATIC_QRIS


def test_asn_programme_campaign_then_province_takes_over(db: Database, admin: Actor) -> None:
    campaign = AsnProgramme(
        150_000, PeriodKind.CAMPAIGN, "Natal dan Tahun Baru", date(2026, 12, 1), date(2027, 1, 5)
    )
    with db.unit_of_work() as uow:
        settings.set_asn_programme(uow, admin, campaign)
        uow.commit()
        assert asn.programme(uow) == campaign
        assert not settings.province_controls_asn(uow)
    with pytest.raises(AsnProgrammeError):
        AsnProgramme(100_000, PeriodKind.CAMPAIGN, "Tanpa tanggal")
    with db.unit_of_work() as uow:
        uow.session.add(settings.Setting(key="sync.server", value="https://pos.nttprov.go.id"))
        uow.commit()
        assert settings.province_controls_asn(uow)
        with pytest.raises(DomainError, match="server provinsi"):
            settings.set_asn_programme(uow, admin, AsnProgramme())


def test_tax_defaults_to_none_and_checks_its_mode(db: Database, admin: Actor) -> None:
    with db.unit_of_work() as uow:
        assert settings.get(uow, "tax.ppn_enabled") is False
        with pytest.raises(DomainError, match="Cara PPN"):
            settings.set_tax(uow, admin, ppn_enabled=True, mode="half", rate_percent=11)
        settings.set_tax(uow, admin, ppn_enabled=True, mode="included", rate_percent=11)
        uow.commit()
        assert settings.get(uow, "tax.ppn_enabled") is True


def test_saving_the_settings_dialog_is_one_commit_all_or_nothing(db: Database, admin: Actor) -> None:
    tax = {"ppn_enabled": False, "mode": "included", "rate_percent": 11}
    limits = {"discount_percent": 20, "price_override_percent": 0, "void_requires_manager": False}
    with db.unit_of_work() as uow, pytest.raises(DomainError):  # the limit is refused after the header
        too_high = {**limits, "discount_percent": 101}
        settings.save_outlet_settings(uow, admin, {"receipt.header": "Ya", "tax": tax, "limits": too_high})
    with db.unit_of_work() as uow:
        assert settings.get(uow, "receipt.header") == ""  # nothing of it was kept
    with db.unit_of_work() as uow:
        changes = {"receipt.header": "Terima kasih", "tax": tax, "limits": limits}
        settings.save_outlet_settings(uow, admin, changes)
    with db.unit_of_work() as uow:  # committed by the use case itself
        assert settings.get(uow, "receipt.header") == "Terima kasih"
        assert settings.get(uow, "discount.manager_pin_above_percent") == 20
