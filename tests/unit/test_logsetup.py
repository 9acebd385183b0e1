"""The till's log file (pos.logsetup) on real files in tmp_path: secrets masked, rotation, silence."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from pos import logsetup

PIN, ADMIN_PIN, TYPED_PIN = "917364", "58203", "7391"
TOKEN = "nttpos_Q3vX9aTk-2mL_pz8Rw0cYhJfB1sNe4uGdKiOtVbA5xE"
BEARER = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.sig"
NIP = "198609262015051001"
NIP_PRINTED = "19790317 200501 2 004"
ARGON2 = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo"


def test_pins_tokens_hashes_and_full_nips_never_reach_the_log_file(tmp_path: Path) -> None:
    log = logging.getLogger("pos.test_logsetup")
    with logsetup.file_logging(tmp_path) as path:
        log.info("sign-in kasir1 pin=%s", PIN)
        log.warning("setup answers %r", {"admin_username": "admin", "admin_pin": ADMIN_PIN})
        log.info("argv: ntt-pos init --admin-user admin --admin-pin %s", TYPED_PIN)
        log.info("connect with token %s to https://pos.nttprov.go.id", TOKEN)
        log.info("headers %s", {"Authorization": f"Bearer {BEARER}"})
        log.info("setting sync.token=%s", TOKEN.removeprefix("nttpos_"))
        log.info("buyer %s and %s on receipt 5371-02-20261202-0001", NIP, NIP_PRINTED)
        log.info("user row pin_hash=%s", ARGON2)
        try:
            raise RuntimeError(f"hello refused for {TOKEN}, buyer {NIP}")
        except RuntimeError:
            log.exception("sync failed")
    text = path.read_text(encoding="utf-8")

    for secret in (PIN, ADMIN_PIN, TYPED_PIN, TOKEN, TOKEN.removeprefix("nttpos_"), BEARER, NIP, ARGON2):
        assert secret not in text, secret
    assert "19790317" not in text and "200501 2" not in text  # the printed NIP, birth date and all
    # What support needs is still there: who, which receipt, which buyer (last 4 digits), the traceback.
    assert "sign-in kasir1 pin=****" in text
    assert "--admin-pin ****" in text and "'admin_username': 'admin'" in text
    assert "Bearer ***" in text and "nttpos_***" in text
    assert "5371-02-20261202-0001" in text
    assert "**************1001" in text and "**************2004" in text
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: hello refused for nttpos_***" in text


def test_an_unusable_log_folder_is_silent_and_the_file_is_tried_again_later(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    log = logging.getLogger("pos.test_logsetup")
    not_a_folder = tmp_path / "till.txt"
    not_a_folder.write_text("a file where the data folder should be", encoding="utf-8")
    with logsetup.file_logging(not_a_folder):
        log.warning("nowhere to go")
    missing = tmp_path / "typo"
    with logsetup.file_logging(missing) as path:
        log.warning("first record: the data folder does not exist yet")
        assert not missing.exists()  # a mistyped --data-dir leaves no folder behind
        missing.mkdir()  # `init` creates the data folder: from then on the log is written
        log.warning("second record")
    assert capfd.readouterr() == ("", "")
    text = path.read_text(encoding="utf-8")
    assert "second record" in text and "first record" not in text


def test_the_log_rotates_at_about_1_mb_and_keeps_5_files(tmp_path: Path) -> None:
    log = logging.getLogger("pos.test_logsetup")
    line = "x" * 1000
    with logsetup.file_logging(tmp_path) as path:
        for number in range(6_500):  # about 6.5 MB
            log.info("%05d %s", number, line)
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == ["ntt-pos.log", "ntt-pos.log.1", "ntt-pos.log.2", "ntt-pos.log.3", "ntt-pos.log.4"]
    assert all(p.stat().st_size <= logsetup.MAX_BYTES for p in path.parent.iterdir())
    assert "06499 " in path.read_text(encoding="utf-8")  # the newest records are in the current file


def test_logging_to_a_file_changes_nothing_else_and_is_undone(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = (list(root.handlers), root.level)
    with logsetup.file_logging(tmp_path) as path, logsetup.file_logging(tmp_path) as again:
        assert again == path  # the CLI starting the GUI: one handler, one file
        assert [h for h in root.handlers if isinstance(h, logsetup.QuietRotatingFileHandler)] == [
            logsetup.current_handler()
        ]
        logging.getLogger("alembic.runtime.migration").info("Context impl SQLiteImpl.")
        logging.getLogger("pos.db.migrate").info("database created")
    assert (list(root.handlers), root.level) == before
    text = path.read_text(encoding="utf-8")
    assert "database created" in text and "SQLiteImpl" not in text  # alembic's chatter is left out


def test_default_and_data_dir_log_folders(tmp_path: Path) -> None:
    assert logsetup.log_file(tmp_path) == tmp_path / "logs" / "ntt-pos.log"
    default = logsetup.log_folder(None)
    assert "ntt-pos" in str(default) and tmp_path not in default.parents
