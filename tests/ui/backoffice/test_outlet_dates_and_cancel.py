"""The back office in the outlet's zone (issue 11): at 23:30 UTC it is already 07:30 WITA the next day,
so the settlement period and the stock opname header say the shop's date; cancelling an opname asks."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from ui_helpers import when_modal

from pos.application.backoffice import BackOfficeBackend
from pos.db.engine import Database
from pos.services import consignment, stocktake
from pos.services.context import Actor
from pos.ui.backoffice.consignment_tab import ConsignmentTab
from pos.ui.backoffice.stocktake_tab import StocktakeTab

NEW_YEAR_MORNING = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)  # 1 January 2027, 07:30 WITA
PAST_MIDNIGHT = datetime(2026, 12, 3, 16, 30, tzinfo=UTC)  # 4 December 2026, 00:30 WITA


def _qdate(edit: Any) -> date:
    day = edit.date()
    return date(day.year(), day.month(), day.day())


@pytest.mark.parametrize(
    ("now", "period"),
    [
        (NEW_YEAR_MORNING, (date(2027, 1, 1), date(2027, 1, 1))),
        (PAST_MIDNIGHT, (date(2026, 12, 1), date(2026, 12, 4))),
    ],
)
def test_the_settlement_period_starts_on_the_outlets_dates(
    qtbot: Any, demo_db: Database, demo_manager: Actor, monkeypatch: pytest.MonkeyPatch, now: Any, period: Any
) -> None:
    monkeypatch.setattr(consignment, "utc_now", lambda: now)
    tab = ConsignmentTab(BackOfficeBackend(demo_db.unit_of_work, demo_manager), None)
    qtbot.addWidget(tab)
    assert (_qdate(tab.start), _qdate(tab.end)) == period


def test_the_opname_header_shows_wita_and_cancelling_asks_first(
    qtbot: Any, demo_db: Database, demo_manager: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stocktake, "utc_now", lambda: NEW_YEAR_MORNING)
    backend = BackOfficeBackend(demo_db.unit_of_work, demo_manager)
    tab = StocktakeTab(backend)
    qtbot.addWidget(tab)
    tab.show()
    tab.start_button.click()
    assert "sejak 01-01-2027 07:30 WITA" in tab.status.text()
    seen: list[str] = []

    def answer(role: QMessageBox.ButtonRole) -> Any:
        def click(box: QMessageBox) -> None:
            seen.append(box.text())
            next(b for b in box.buttons() if box.buttonRole(b) == role).click()

        return click

    asked = when_modal(QMessageBox, answer(QMessageBox.ButtonRole.NoRole))
    tab.cancel_button.click()
    assert asked and "Batalkan stok opname ini?" in seen[0]
    assert backend.current_stocktake() is not None  # "Tidak": the count goes on
    asked = when_modal(QMessageBox, answer(QMessageBox.ButtonRole.YesRole))
    tab.cancel_button.click()
    assert asked and backend.current_stocktake() is None
    assert "dibatalkan" in tab.message.text()
