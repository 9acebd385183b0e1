"""The admin screens' use cases as the widgets see them: one short unit of work per call, rules and
permissions in the services (a cashier who opens an admin screen is refused there, not here)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pos.application.unit_of_work import UnitOfWorkFactory
from pos.core.asn_period import AsnProgramme
from pos.core.qris import QrisInfo
from pos.services import asn, cash_movements, outbox, print_jobs, rejected, settings, shifts, users, voids
from pos.services.context import Actor, Role
from pos.services.outbox import RejectedEvent
from pos.services.users import UserInfo


class AdminBackend:
    def __init__(self, unit_of_work: UnitOfWorkFactory) -> None:
        self._uow = unit_of_work

    @property
    def unit_of_work(self) -> UnitOfWorkFactory:
        """For windows with a services facade of their own (the back office)."""
        return self._uow

    def record_drawer_open(self, actor: Actor, reason: str) -> None:
        with self._uow() as uow:
            voids.record_drawer_open(uow, actor, reason)

    def record_print_discard(
        self, actor: Actor, title: str, error: str | None, receipt_no: str | None
    ) -> None:
        with self._uow() as uow:
            print_jobs.record_discard(uow, actor, title, error, receipt_no)

    # --- cash in / out of the open shift's drawer ----------------------------------------------
    def expected_cash(self, shift_id: int) -> int:
        with self._uow() as uow:
            return shifts.shift_summary(uow, shift_id).expected_cash

    def record_cash_movement(
        self, actor: Actor, shift_id: int, direction: str, reason: str, amount: int, note: str,
        manager: str, pin: str,
    ) -> cash_movements.CashMovementView:  # fmt: skip
        """The manager's PIN first (a wrong one counts toward their lockout), then the movement."""
        action = f"Kas {'masuk' if direction == cash_movements.IN else 'keluar'} {amount}"
        with self._uow() as uow:
            approver = users.authorize(uow, manager, pin, Role.MANAGER, action)
        with self._uow() as uow:
            return cash_movements.record(uow, actor, approver, shift_id, direction, reason, amount, note)

    # --- users ------------------------------------------------------------------------------
    def all_users(self) -> list[UserInfo]:
        with self._uow() as uow:
            return users.list_users(uow, active_only=False)

    def add_user(self, actor: Actor, username: str, full_name: str, role: Role, pin: str) -> UserInfo:
        with self._uow() as uow:
            return users.create_user(uow, actor, username=username, full_name=full_name, role=role, pin=pin)

    def update_user(self, actor: Actor, user_id: int, full_name: str, role: Role) -> UserInfo:
        with self._uow() as uow:
            return users.update_user(uow, actor, user_id, full_name=full_name, role=role)

    def set_active(self, actor: Actor, user_id: int, active: bool) -> UserInfo:
        with self._uow() as uow:
            return users.set_active(uow, actor, user_id, active)

    def reset_pin(self, actor: Actor, user_id: int, temporary_pin: str) -> UserInfo:
        with self._uow() as uow:
            return users.reset_pin(uow, actor, user_id, temporary_pin)

    def unlock(self, actor: Actor, user_id: int) -> UserInfo:
        with self._uow() as uow:
            return users.unlock(uow, actor, user_id)

    def needs_new_pin(self, username: str) -> bool:
        with self._uow() as uow:
            return users.needs_new_pin(uow, username)

    def change_pin(self, actor: Actor, new_pin: str) -> None:
        with self._uow() as uow:
            users.change_pin(uow, actor, new_pin)

    # --- settings ---------------------------------------------------------------------------
    def identity(self) -> settings.OutletIdentity:
        with self._uow() as uow:
            return settings.identity(uow)

    def get(self, key: str) -> Any:
        with self._uow() as uow:
            return settings.get(uow, key)

    def province_controls_asn(self) -> bool:
        with self._uow() as uow:
            return settings.province_controls_asn(uow)

    def programme(self) -> AsnProgramme:
        with self._uow() as uow:
            return asn.programme(uow)

    def check_qris(self, payload: str) -> QrisInfo:
        return settings.check_static_qris(payload)

    def save_settings(self, actor: Actor, changes: Mapping[str, Any]) -> None:
        """Everything the settings dialog changed, in one audited transaction (all or nothing)."""
        with self._uow() as uow:
            settings.save_outlet_settings(uow, actor, changes)

    def save_printer(self, actor: Actor, value: dict[str, Any]) -> None:
        with self._uow() as uow:
            settings.save_printer(uow, actor, value)

    # --- rejected sync events ---------------------------------------------------------------
    def requeue_notice(self) -> dict[str, object] | None:
        with self._uow() as uow:
            return outbox.requeue_notice(uow)

    def rejected_events(self, actor: Actor) -> list[RejectedEvent]:
        with self._uow() as uow:
            return rejected.rejected_events(uow, actor)

    def requeue(self, actor: Actor, ids: Sequence[int]) -> int:
        with self._uow() as uow:
            return rejected.requeue(uow, actor, ids)
