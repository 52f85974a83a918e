"""Serve a portfolio with Datasette: the one module that imports it."""

from __future__ import annotations

import asyncio
import json
import socket
from pathlib import Path

from planner.portfolio.build import PortfolioError, check_portfolio
from planner.portfolio.metadata import metadata

DEFAULT_PORT = 8001


class DatasetteMissing(Exception):
    """Datasette is not installed: the portfolio extra was not."""


def _datasette():
    try:
        from datasette.app import Datasette
        import uvicorn
    except ImportError:
        raise DatasetteMissing("serving a portfolio needs Datasette: install it with "
                               "pip install 'coproduction-planner[portfolio]'") from None
    return Datasette, uvicorn


def metadata_json(path: Path) -> str:
    """The metadata as JSON, for running ``datasette serve`` yourself (with plugins, say)."""
    return json.dumps(metadata(Path(path).stem), ensure_ascii=False, indent=2)


def _check_port(host: str, port: int) -> None:
    """PortfolioError in one line when the address cannot be listened on (in use, say)."""
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as error:
        raise PortfolioError(f"cannot serve on {host} port {port} ({error.strerror or error}); "
                             "choose another with --port") from None


def serve(path: Path, port: int = DEFAULT_PORT, host: str = "127.0.0.1") -> None:
    """Serve ``path`` read-only (Datasette's immutable mode) until interrupted.

    Raises:
        PortfolioError: the file is not a portfolio, or the port cannot be used.
        DatasetteMissing: Datasette is not installed.
    """
    path = Path(path)
    check_portfolio(path)
    _check_port(host, port)
    Datasette, uvicorn = _datasette()
    ds = Datasette([], immutables=[str(path)], metadata=metadata(path.stem),
                   settings={"default_page_size": 50})
    asyncio.run(ds.invoke_startup())
    uvicorn.run(ds.app(), host=host, port=port, log_level="info", lifespan="on")
