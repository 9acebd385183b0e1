"""Where a till keeps its database: the platform's user data folder, `demo/` beneath it for the demo."""

from __future__ import annotations

from pathlib import Path


def default_data_dir(demo: bool = False) -> Path:
    from platformdirs import user_data_dir

    base = Path(user_data_dir("ntt-pos", "NTT Mart"))
    return base / "demo" if demo else base


def resolve_data_dir(data_dir: str | Path | None, demo: bool = False) -> Path:
    """`--data-dir` wins; otherwise the default folder (the demo's when `demo`)."""
    return Path(data_dir) if data_dir else default_data_dir(demo)
