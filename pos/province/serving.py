"""`ntt-pos-province serve`: the app every server process runs, in one process or in N uvicorn workers.

With `--workers N` uvicorn starts N processes that each import `app_from_environment` and build their
own engine from the database URL in NTT_POS_PROVINCE_DATABASE_URL (set by `serve` before it forks, or by
the systemd unit's environment file, so a password never shows in the process list). Several workers
need PostgreSQL: SQLite takes one writer at a time, so more processes only queue on its lock.
"""

from __future__ import annotations

import os

from fastapi import FastAPI
from sqlalchemy import Engine

from pos.core.errors import DomainError

DATABASE_URL_ENV = "NTT_POS_PROVINCE_DATABASE_URL"


def serving_app(engine: Engine) -> FastAPI:
    """The whole server (sync API and dashboard) on one engine: what both serve paths run."""
    from pos.province.api import create_app

    return create_app(engine)


def app_from_environment() -> FastAPI:
    """uvicorn's factory in each worker process (the schema was upgraded once, by `serve`, before)."""
    from pos.province.database import create_province_engine

    url = os.environ.get(DATABASE_URL_ENV)
    if not url:
        raise RuntimeError(f"{DATABASE_URL_ENV} tidak diatur")
    return serving_app(create_province_engine(url))


def serve(engine: Engine, url: str, host: str, port: int, workers: int) -> int:
    import uvicorn

    if workers < 1:
        raise DomainError("--workers paling sedikit 1")
    # behind a reverse proxy on this machine: trust its X-Forwarded-For/-Proto (uvicorn's default peer)
    common = {"host": host, "port": port, "log_level": "info", "proxy_headers": True}
    if workers == 1:
        uvicorn.run(serving_app(engine), **common)  # type: ignore[arg-type]
        return 0
    if url.startswith("sqlite"):
        raise DomainError("--workers lebih dari 1 perlu PostgreSQL (--database-url postgresql+psycopg://...)")
    engine.dispose()  # the workers open their own connections; none is shared across fork
    os.environ[DATABASE_URL_ENV] = url
    uvicorn.run(
        "pos.province.serving:app_from_environment",
        factory=True,
        workers=workers,
        **common,  # type: ignore[arg-type]
    )
    return 0
