"""A client of a Dask distributed cluster (https://distributed.dask.org), for
the builds that parse (:mod:`kg.extract.extraction`) and validate
(:mod:`kg.shacl.validate`) on its workers. ``distributed`` is an optional
dependency (``pip install -e '.[cluster]'``), imported only when a cluster is used.
"""

from __future__ import annotations

from ..errors import Errors, KgError


def _reachable(address: str) -> None:
    """Fail at once (OSError) when nothing listens at a ``tcp://HOST:PORT`` address,
    instead of letting the Dask client retry until its time-out."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme == "tcp" and parts.hostname and parts.port:
        socket.create_connection((parts.hostname, parts.port), timeout=10).close()


def cluster_client(address: str):
    """A Dask distributed ``Client`` connected to the scheduler at ``address``
    (https://distributed.dask.org).

    Raises:
        KgError: E180 when Dask distributed is not installed, E090 when the
            scheduler cannot be reached.
    """
    try:
        from distributed import Client
    except ImportError as exc:
        raise KgError(Errors.E180) from exc
    try:
        _reachable(address)
        return Client(address, timeout=30)
    except (OSError, TimeoutError) as exc:
        raise KgError(Errors.E090, address=address, error=exc) from exc
