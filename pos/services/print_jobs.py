"""Print jobs thrown away from the queue ("Buang"): who threw away which document goes to the audit log."""

from __future__ import annotations

from pos.db.uow import UnitOfWork
from pos.services import audit, receipts
from pos.services.context import Actor


def record_discard(
    uow: UnitOfWork, actor: Actor, title: str, error: str | None, receipt_no: str | None = None
) -> None:
    """Audit a discarded print job (any signed-in user may). A sale's original receipt is then closed
    as handed out without paper, so it is not offered again after a restart (F12 still reprints it)."""
    audit.record(uow, actor, "print.discard", title=title, error=error, receipt_no=receipt_no)
    if receipt_no is not None:
        receipts.mark_printed(uow, receipt_no)
    uow.commit()
