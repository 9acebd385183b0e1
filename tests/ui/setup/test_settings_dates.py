"""Issue 11's dates in the settings: an ASN campaign without dates starts the date fields on the
outlet's today (WITA), not the machine's (UTC): at 23:30 UTC it is already the next day in Kupang."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QDate

from pos.application.admin import AdminBackend
from pos.db.engine import Database
from pos.services import users
from pos.ui.setup import settings_dialog
from pos.ui.setup.settings_dialog import SettingsDialog


@pytest.mark.parametrize(
    ("now", "today"),
    [
        (datetime(2026, 12, 31, 23, 30, tzinfo=UTC), QDate(2027, 1, 1)),  # 07:30 WITA
        (datetime(2026, 12, 3, 16, 30, tzinfo=UTC), QDate(2026, 12, 4)),  # 00:30 WITA
    ],
)
def test_an_empty_campaign_date_starts_on_the_outlets_today(
    qtbot: Any, demo_db: Database, monkeypatch: pytest.MonkeyPatch, now: datetime, today: QDate
) -> None:
    monkeypatch.setattr(settings_dialog, "utc_now", lambda: now)
    with demo_db.unit_of_work() as uow:
        admin = users.authenticate(uow, "admin", "9999")
    dialog = SettingsDialog(AdminBackend(demo_db.unit_of_work), admin)
    qtbot.addWidget(dialog)
    assert dialog.campaign_start.date() == today and dialog.campaign_end.date() == today
