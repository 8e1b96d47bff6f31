"""``kg serve``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import KgError
from ..query.sparql import DEFAULT_TIMEOUT
from . import VERBOSITY, Interrupted, _fail, app, err, out


@app.command()
def serve(
    graph: Annotated[Path, typer.Argument(help="A graph file, a `kg build` output folder (its graph.ttl), or a "
                                              "store folder (`kg build --store`), opened read-only.")],
    port: Annotated[int, typer.Option("--port", "-p", help="TCP port on 127.0.0.1 (0: any free port).",
                                      min=0, max=65535)] = 7878,
    timeout: Annotated[float, typer.Option(help="Stop each query after this many seconds (0: no limit).",
                                           min=0)] = DEFAULT_TIMEOUT,
    workers: Annotated[int | None, typer.Option(help="Queries run at once; more requests wait their turn.",
                                                show_default="the number of CPUs, at least 2", min=1)] = None,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Do not log requests.")] = False,
) -> None:
    """Serve GRAPH as a read-only SPARQL 1.1 endpoint on localhost, with a query editor at /.

    Queries get the refusals and the time limit of `kg query`; concurrent clients are answered together,
    at most --workers queries running at once. Stop with Ctrl-C (exit 0; 130 when it comes while the graph
    is still loading).
    """
    from ..serve.endpoint import make_server

    quiet = quiet or VERBOSITY["level"] < 0
    try:
        with err.status("loading the graph", spinner="dots") if not quiet else _null():
            server = make_server(graph, port, timeout, log=None if quiet else _log, workers=workers)
    except KgError as exc:
        _fail(exc)
    host, bound = str(server.server_address[0]), int(server.server_address[1])  # an IPv4 address, a port
    try:  # once the address is printed, Ctrl-C is how serving stops: exit 0, whenever it comes
        out.print(f"serving http://{host}:{bound}/ (SPARQL endpoint http://{host}:{bound}/sparql); Ctrl-C stops",
                  highlight=False, soft_wrap=True)
        out.file.flush()
        server.serve_forever(poll_interval=0.2)
    except (KeyboardInterrupt, Interrupted):
        pass
    finally:
        server.server_close()
    if not quiet:
        err.print("stopped", highlight=False)


def _log(line: str) -> None:
    err.print(line, highlight=False, markup=False, soft_wrap=True)


class _null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
