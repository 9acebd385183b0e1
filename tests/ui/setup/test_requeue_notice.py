"""After a province reset the till sends again what it had delivered; the manager's list of rejected
events says when, why and how many (the sync runner leaves that notice)."""

from __future__ import annotations

import json
from typing import Any

from test_admin_dialogs import open_admin
from ui_helpers import sign_in

from pos.db.engine import Database
from pos.services import outbox
from pos.ui.main_window import MainWindow
from pos.ui.setup.rejected_dialog import RejectedEventsDialog


def test_the_manager_sees_that_delivered_events_were_sent_again(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    notice = {"at": "2026-12-02T01:30:00+00:00", "events": 412, "reason": "database server provinsi diganti"}
    with demo_db.engine.begin() as con:
        con.exec_driver_sql(
            "INSERT INTO settings (key, value) VALUES (?, ?)", (outbox.REQUEUE_NOTICE_KEY, json.dumps(notice))
        )
    sign_in(qtbot, window, "manajer", "5555")

    def look(dialog: RejectedEventsDialog) -> None:
        assert dialog.notice.isVisibleTo(dialog)
        assert dialog.notice.text() == (
            "02/12/2026 09:30: database server provinsi diganti, "
            "maka 412 event yang sudah terkirim dikirim ulang."
        )
        dialog.reject()

    open_admin(window, "rejectedEventsDialog", look)
